using LocalGovBlog.Web.Operations;
using Spectre.Console.Testing;

namespace LocalGovBlog.IntegrationTests.Operations;

/// <summary>copy-store's failures name the side that failed: the source is ConnectionStrings:Default, the target --to.
/// (The copy itself, into a real server, is tested in LocalGovBlog.PostgreSqlTests.)</summary>
public sealed class CopyStoreTargetTests : IAsyncLifetime
{
    private readonly ArchiveFactory _sqlite = new(seed: true);

    public ValueTask InitializeAsync()
    {
        _sqlite.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _sqlite.DisposeAsync();

    [Fact]
    public async Task CopyStore_ToAnUnreachableServer_SaysToCheckTo_NotTheSourcesSetting()
    {
        var console = new TestConsole().Width(500);

        // Nothing listens on port 1: the connection is refused at once.
        var exit = await OperatorCommands.RunAsync(_sqlite.Services,
            ["copy-store", "--to", "Host=127.0.0.1;Port=1;Database=moved;Username=operator;Timeout=5"], console);

        Assert.Equal(OperatorCommands.ExitFailed, exit);
        Assert.Contains("The PostgreSQL store --to names (host 127.0.0.1, port 1, database moved) can't be opened", console.Output, StringComparison.Ordinal);
        Assert.Contains("Check --to,", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings:Default", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyStore_ToSomethingThatIsNotAConnectionString_SaysToCheckTo()
    {
        var console = new TestConsole().Width(500);

        var exit = await OperatorCommands.RunAsync(_sqlite.Services, ["copy-store", "--to", "Hots=127.0.0.1"], console);

        Assert.Equal(OperatorCommands.ExitFailed, exit);
        Assert.Contains("the PostgreSQL database --to names: ", console.Output, StringComparison.Ordinal);
        Assert.Contains("Check --to.", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings:Default", console.Output, StringComparison.Ordinal);
    }
}
