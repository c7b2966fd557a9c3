using LocalGovBlog.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.UnitTests.Caching;

/// <summary>
/// The watch sees commits made by another program to the SQLite file, and only those: reading the counter with nothing
/// written changes nothing, the first look counts as a change (what was kept before it is not trusted), and a store that
/// is not there yet is not made by looking at it.
/// </summary>
public sealed class StoreChangeWatchTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("lgb-watch-");

    private string Store => Path.Combine(_folder.FullName, "store.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>A watch on the store this connection string names, as the site makes one.</summary>
    internal static StoreChangeWatch Watch(string connectionString) => new(
        new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Default", connectionString)]).Build(),
        new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, Options.Create(new StoreOptions()), TimeProvider.System,
        NullLogger<StoreChangeWatch>.Instance);

    /// <summary>Runs one statement on a connection of its own, as another program would.</summary>
    internal static async Task WriteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ACommitByAnotherConnection_MovesTheGenerationOnOnce()
    {
        await WriteAsync(Store, "CREATE TABLE Notes (Text TEXT)");
        using var watch = Watch($"Data Source={Store}");

        await watch.CheckAsync(Cancel);
        Assert.Equal(1, watch.Generation); // the first look: what was kept before it cannot be trusted
        await watch.CheckAsync(Cancel);
        Assert.Equal(1, watch.Generation);

        await WriteAsync(Store, "INSERT INTO Notes VALUES ('one')");
        await WriteAsync(Store, "INSERT INTO Notes VALUES ('two')");
        await watch.CheckAsync(Cancel);
        Assert.Equal(2, watch.Generation);
        await watch.CheckAsync(Cancel);
        Assert.Equal(2, watch.Generation);

        await WriteAsync(Store, "UPDATE Notes SET Text = 'three'");
        await watch.CheckAsync(Cancel);
        Assert.Equal(3, watch.Generation);
    }

    [Fact]
    public async Task AStoreNotMadeYet_IsNotMadeByWatching_AndIsWatchedOnceItIs()
    {
        using var watch = Watch($"Data Source={Store}");

        await watch.CheckAsync(Cancel);
        Assert.False(File.Exists(Store));
        Assert.Equal(0, watch.Generation);

        await WriteAsync(Store, "CREATE TABLE Notes (Text TEXT)");
        await watch.CheckAsync(Cancel);
        Assert.Equal(1, watch.Generation);
        await WriteAsync(Store, "INSERT INTO Notes VALUES ('one')");
        await watch.CheckAsync(Cancel);
        Assert.Equal(2, watch.Generation);
    }

    [Fact]
    public async Task AStoreInMemory_IsNotWatched()
    {
        using var watch = Watch("Data Source=:memory:");
        await watch.CheckAsync(Cancel);
        await watch.CheckAsync(Cancel);
        Assert.Equal(0, watch.Generation);
    }
}
