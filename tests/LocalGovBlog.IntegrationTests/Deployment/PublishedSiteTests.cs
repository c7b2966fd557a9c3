using System.Net;
using LocalGovBlog.IntegrationTests.Accounts;
using Microsoft.Data.Sqlite;

namespace LocalGovBlog.IntegrationTests.Deployment;

/// <summary>The published build started as an operator starts it: what it refuses at start-up, and why, in one message.</summary>
public sealed class PublishedSiteTests(PublishedBuild build) : IAsyncLifetime
{
    private static readonly TimeSpan StartUp = TimeSpan.FromMinutes(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("localgovblog-published-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Production over plain HTTP on a loopback port, with a store and logs in the test's folder.</summary>
    private Dictionary<string, string> Production(int port, string store = "store.db") => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Site__PublicBaseAddress"] = "https://blog.example.org",
        ["AllowedHosts"] = "blog.example.org;localhost",
        ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_folder, store)}",
        ["Serilog__WriteTo__File__Args__path"] = Path.Combine(_folder, "logs", "localgovblog-.log"),
    };

    private SiteProcess Start(Dictionary<string, string> environment, params string[] arguments) =>
        SiteProcess.Start("dotnet", [build.Program, .. arguments], _folder, environment);

    /// <summary>Waits for the program to stop at start-up, as it must for a problem an operator can fix: exit code 1.</summary>
    private static async Task RefusedAsync(SiteProcess site)
    {
        var exit = await site.WaitForExitAsync(StartUp);
        Assert.True(exit == 1, $"exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: still running"}\n{site.Output}");
    }

    [Fact]
    public async Task ProductionOverPlainHttpWithNoProxy_RefusesToStart_NamingBothFixes()
    {
        await using var site = Start(Production(SiteProcess.FreePort()));

        await RefusedAsync(site);
        Assert.Contains("LocalGovBlog cannot start", site.Output, StringComparison.Ordinal);
        Assert.Contains("Kestrel:Certificates:Default:Path", site.Output, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto", site.Output, StringComparison.Ordinal);
        Assert.Contains("Proxy:TrustedAddresses", site.Output, StringComparison.Ordinal);
        Assert.Contains("--insecure-http", site.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStartedWithInsecureHttp_LetsPeopleRegisterAndSignInOverHttp()
    {
        var port = SiteProcess.FreePort();
        var environment = Production(port);
        environment["Site__PublicBaseAddress"] = $"http://localhost:{port}";
        await using var site = Start(environment, "--insecure-http");
        var client = new FormsClient(new Uri($"http://localhost:{port}"));
        await site.WaitUntilAnswersAsync(client.Http, "/health/ready", StartUp);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/signin", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/antiforgery", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync("lab.user")).StatusCode);
        Assert.Equal("lab.user", (await client.MeAsync())?.UserName);
        Assert.Contains("--insecure-http", site.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Search__RankLimit", "0", "Search:RankLimit must be a whole number from 1 to 1000000.")]
    [InlineData("RateLimits__SignInPerMinute", "ten", "Failed to convert configuration value 'ten' at 'RateLimits:SignInPerMinute'")]
    [InlineData("Proxy__TrustedAddresses__0", "the proxy", "Proxy:TrustedAddresses must hold IP addresses")]
    [InlineData("Site__PublicBaseAddress", "http://blog.example.org", "Site:PublicBaseAddress must be the https:// address readers use")]
    [InlineData("DataProtection__CertificatePath", "/nonexistent/keys.pfx", "DataProtection:CertificatePath names '/nonexistent/keys.pfx'")]
    public async Task BadSetting_StopsStartUpNamingIt(string variable, string value, string message)
    {
        var environment = Production(SiteProcess.FreePort());
        environment["Proxy__TrustedAddresses__0"] = "127.0.0.1";
        environment[variable] = value;
        await using var site = Start(environment);

        await RefusedAsync(site);
        Assert.Contains(message, site.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", site.Output, StringComparison.Ordinal); // one message, no stack trace
        Assert.False(File.Exists(Path.Combine(_folder, "store.db")), "nothing was started");
    }

    [Fact]
    public async Task PortAlreadyInUse_StopsStartUpSayingSo_InOneMessage()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var environment = Production(((IPEndPoint)taken.LocalEndpoint).Port);
        environment["Proxy__TrustedAddresses__0"] = "127.0.0.1";
        await using var site = Start(environment);

        await RefusedAsync(site);
        Assert.Contains("LocalGovBlog cannot start", site.Output, StringComparison.Ordinal);
        Assert.Contains("address already in use", site.Output, StringComparison.Ordinal);
        Assert.Contains("--urls", site.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", site.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", site.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileThatIsNotSqlite_ServerAndImporterEachSayItInOneMessage()
    {
        var notes = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(notes, "Meeting notes, not a database.".PadRight(4096, '.'), Cancel);
        var environment = Production(SiteProcess.FreePort(), "notes.db");
        environment["Proxy__TrustedAddresses__0"] = "127.0.0.1";

        await using var server = Start(environment);
        var serverExit = await server.WaitForExitAsync(StartUp);
        var import = await SiteProcess.RunAsync("dotnet", [build.Program, "import", Path.Combine(build.Folder, "seeds", "inlogov-blog.txt")],
            _folder, environment, StartUp);

        foreach (var (exit, output) in new[] { (serverExit, server.Output), (import.ExitCode, import.Output) })
        {
            Assert.True(exit == 1, output);
            Assert.Contains($"The store {notes} is not a SQLite database", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        Assert.StartsWith("Meeting notes", await File.ReadAllTextAsync(notes, Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importer_OpensAStoreInRollbackJournalMode_AndLeavesItInWal()
    {
        var store = Path.Combine(_folder, "store.db");
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE; CREATE TABLE Probe (Id INTEGER);";
            command.ExecuteNonQuery();
        }

        var import = await SiteProcess.RunAsync("dotnet", [build.Program, "import", Path.Combine(build.Folder, "seeds", "inlogov-blog.txt")],
            _folder, Production(SiteProcess.FreePort()), StartUp);

        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("Imported inlogov-blog.txt", import.Output, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var mode = check.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }
}
