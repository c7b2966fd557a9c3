using System.Net.Http.Json;
using LocalGovBlog.IntegrationTests.Api;
using LocalGovBlog.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Data;

/// <summary>Any valid SQLite store opens and is switched to WAL; a file that is not SQLite gets one clear message.</summary>
public sealed class StoreOpeningTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("localgovblog-stores-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheSeededStore_RunsInWriteAheadLogMode()
    {
        await using var factory = new ArchiveFactory(seed: true);

        var mode = await factory.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        Assert.Equal("wal", Assert.Single(mode));
    }

    public static TheoryData<string> Shapes => ["vacuum-into copy", "journal_mode=DELETE", "empty file"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task StoreNotInWalMode_OpensServesAndIsSwitchedToWal(string shape)
    {
        var path = Path.Combine(_folder, "store.db");
        await MakeAsync(shape, path);
        Assert.NotEqual("wal", JournalMode(path));

        await using var factory = new ArchiveFactory(seed: true, databasePath: path);
        var page = await factory.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles", ApiJson.Strict, Cancel);

        Assert.Equal(3, page!.Total);
        SqliteConnection.ClearAllPools();
        Assert.Equal("wal", JournalMode(path));
    }

    [Fact]
    public async Task FileThatIsNotSqlite_IsRefusedWithOneMessageNamingIt()
    {
        var path = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(path, "These are my notes, not a database. ".PadRight(4096, '.'), Cancel);
        // The context as the app makes it (the server itself refuses to start; Deployment tests read its message).
        await using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False").AddInterceptors(new SqlitePragmas(5000)).Options);

        var refused = await Assert.ThrowsAsync<StoreUnusableException>(() => StoreFile.CheckAsync(db, Cancel));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Default", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("These are my notes", await File.ReadAllTextAsync(path, Cancel), StringComparison.Ordinal);
    }

    /// <summary>Makes a store in one of the shapes a probe found the app could not open.</summary>
    private async Task MakeAsync(string shape, string path)
    {
        if (shape == "empty file")
        {
            await File.WriteAllBytesAsync(path, [], Cancel);
            return;
        }
        var original = Path.Combine(_folder, "original.db");
        await using (var seeded = new ArchiveFactory(seed: true, databasePath: original))
        {
            seeded.EnsureStarted();
        }
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={original};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"VACUUM INTO '{path}'";
        command.ExecuteNonQuery();
        if (shape == "journal_mode=DELETE")
        {
            using var copy = new SqliteConnection($"Data Source={path};Pooling=False");
            copy.Open();
            using var switchMode = copy.CreateCommand();
            switchMode.CommandText = "PRAGMA journal_mode = DELETE";
            switchMode.ExecuteNonQuery();
        }
    }

    private static string JournalMode(string path)
    {
        if (new FileInfo(path).Length == 0)
        {
            return "empty";
        }
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }
}
