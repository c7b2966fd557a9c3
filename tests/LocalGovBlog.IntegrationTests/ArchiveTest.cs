namespace LocalGovBlog.IntegrationTests;

/// <summary>A test class whose every test gets its own started app and store, disposed afterwards.</summary>
public abstract class ArchiveTest(bool seed = true, string environment = "Development") : IAsyncLifetime
{
    protected ArchiveFactory Factory { get; } = new(seed, environment);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        Factory.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
