using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGovBlog.IntegrationTests;

/// <summary>
/// The app over its own store: a SQLite file in a temp folder, or (in LocalGovBlog.PostgreSqlTests, see
/// <see cref="TestStore"/>) a PostgreSQL database of its own on the test server. Real migrations, real SQL, nothing
/// shared with other tests. With <paramref name="seed"/> the first start imports seeds/ as it does for a newcomer;
/// with <paramref name="databasePath"/> it opens another factory's store (its <see cref="DatabasePath"/>), as a
/// restarted app or a second instance would.
/// </summary>
/// <param name="postgreSql">The engine, when a test needs one whatever its assembly runs on (copy-store reads a SQLite store).</param>
public sealed class ArchiveFactory(bool seed = true, string environment = "Development", string? databasePath = null, bool? postgreSql = null)
    : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("localgovblog-tests-").FullName;
    private readonly string? _database = postgreSql ?? TestStore.PostgreSql ? databasePath ?? PostgreSqlServer.CreateDatabase() : null;
    private readonly Dictionary<string, string> _settings = [];
    private bool _kestrel;

    /// <summary>Serves on a real loopback port instead of in memory, for tests that need a client address
    /// (the rate limits and lockout key on it); <see cref="RootUri"/> is where. Call before the first request.</summary>
    public ArchiveFactory WithKestrel()
    {
        _kestrel = true;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        return this;
    }

    /// <summary>A setting for the app, as an operator would set it. Call before the first request.</summary>
    public ArchiveFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>With <see cref="WithKestrel"/>: the address the app listens on.</summary>
    public Uri RootUri => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string DatabasePath => _database ?? databasePath ?? Path.Combine(_folder, "archive.db");

    public string ConnectionString => _database is not null
        ? PostgreSqlServer.ConnectionString(_database)
        : $"Data Source={DatabasePath};Pooling=False";

    public bool IsPostgreSql => _database is not null;

    public const string PublicBaseAddress = "https://localgovblog.test";

    /// <summary>The factory's temp folder, removed with it.</summary>
    public string Folder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        if (IsPostgreSql)
        {
            builder.UseSetting("Store:Provider", "PostgreSQL");
        }
        builder.UseSetting("Import:SeedDirectory", RepositoryPaths.Seeds);
        builder.UseSetting("Import:SeedOnFirstStart", seed ? "true" : "false");
        // The public address FormsClient speaks to; outside Development the host must be admitted by name.
        builder.UseSetting("Site:PublicBaseAddress", PublicBaseAddress);
        builder.UseSetting("AllowedHosts", "localgovblog.test;localhost");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:File:Args:path", Path.Combine(_folder, "logs", "localgovblog-.log"));
        // The in-memory test server has no request size feature; the app enforces its limits itself.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Writes <paramref name="text"/> to a file in this factory's folder and returns its path.</summary>
    public string WriteDump(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteDump(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async Task<ImportReport> ImportAsync(string path, bool dryRun = false)
    {
        EnsureStarted();
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
        return await importer.ImportFileAsync(path, new ImportOptions { DryRun = dryRun }, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Runs a query against a fresh context; for checks the API does not expose.</summary>
    public async Task<T> QueryAsync<T>(Func<ArchiveDbContext, Task<T>> query)
    {
        EnsureStarted();
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    /// <summary>Building the server runs Program: migrations and, when asked, the seed import.</summary>
    public void EnsureStarted()
    {
        if (_kestrel)
        {
            StartServer();
            return;
        }
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && databasePath is null)
        {
            PostgreSqlServer.DropDatabase(_database);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished test; the temp folder is cleaned by the OS.
        }
    }
}

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedDump => Path.Combine(Seeds, "inlogov-blog.txt");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LocalGovBlog.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("LocalGovBlog.sln not found above " + AppContext.BaseDirectory);
    }
}
