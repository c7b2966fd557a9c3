using LocalGovBlog.Web.Hosting;

namespace LocalGovBlog.UnitTests.Hosting;

public sealed class TransportCheckTests
{
    [Fact]
    public void ProductionOnPlainHttpWithNoProxy_IsRefusedNamingBothFixesAndTheLabFlag()
    {
        var problem = TransportCheck.Problem(["http://127.0.0.1:5000"], "Production", insecureHttp: false, proxyTrusted: false);

        Assert.NotNull(problem);
        Assert.Contains("http://127.0.0.1:5000", problem, StringComparison.Ordinal);
        Assert.Contains("Kestrel:Certificates:Default:Path", problem, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto", problem, StringComparison.Ordinal);
        Assert.Contains("Proxy:TrustedAddresses", problem, StringComparison.Ordinal);
        Assert.Contains("--insecure-http", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://0.0.0.0:443", "Production", false, false)]   // a certificate
    [InlineData("http://127.0.0.1:5000", "Production", false, true)] // behind a trusted proxy
    [InlineData("http://127.0.0.1:5000", "Production", true, false)] // a lab, explicitly
    [InlineData("http://127.0.0.1:5000", "Development", false, false)]
    public void HttpsOrATrustedProxyOrTheLabFlagOrDevelopment_MayServe(string address, string environment, bool insecure, bool proxy) =>
        Assert.Null(TransportCheck.Problem([address], environment, insecure, proxy));

    [Fact]
    public void AnInMemoryTestServer_WithNoAddresses_IsNotChecked() =>
        Assert.Null(TransportCheck.Problem([], "Production", insecureHttp: false, proxyTrusted: false));
}

public sealed class AppCommandLineTests
{
    [Fact]
    public void InsecureHttp_IsTakenOutOfTheHostsArguments()
    {
        var commandLine = AppCommandLine.Parse(["--urls", "http://0.0.0.0:8080", "--insecure-http"]);

        Assert.Null(commandLine.Command);
        Assert.True(commandLine.InsecureHttp);
        Assert.Equal(["--urls", "http://0.0.0.0:8080"], commandLine.HostArguments);
    }

    [Theory]
    [InlineData("grant-admin", "someone")]
    [InlineData("backup", "/var/backups/store.db")]
    [InlineData("restore", "/var/backups/store.db")]
    [InlineData("import", "dump.txt")]
    public void Commands_PassOnlyHostSettingsToTheHost(string verb, string argument)
    {
        var commandLine = AppCommandLine.Parse([verb, argument, "--ConnectionStrings:Default=Data Source=/srv/store.db"]);

        Assert.Equal(verb, commandLine.Command);
        Assert.Equal(["--ConnectionStrings:Default=Data Source=/srv/store.db"], commandLine.HostArguments);
    }

    [Theory]
    [InlineData("--to", "Host=db.example;Database=archive;Username=site")]
    [InlineData("--to=Host=db.example;Database=archive;Username=site", null)]
    public void CopyStore_KeepsItsTargetForItselfAndPassesOnlyHostSettings(string option, string? value)
    {
        string[] args = value is null
            ? ["copy-store", option, "--ConnectionStrings:Default=Data Source=/srv/store.db"]
            : ["copy-store", option, value, "--ConnectionStrings:Default=Data Source=/srv/store.db"];

        var commandLine = AppCommandLine.Parse(args);

        Assert.Equal("copy-store", commandLine.Command);
        Assert.Equal(["--ConnectionStrings:Default=Data Source=/srv/store.db"], commandLine.HostArguments);
        Assert.Equal(value is null ? ["copy-store", option] : ["copy-store", option, value], commandLine.Arguments);
    }

    [Fact]
    public void ContentRoot_IsTheProgramsFolderUnlessOneIsGiven()
    {
        Assert.Equal(AppContext.BaseDirectory, AppCommandLine.Parse([]).HostOptions.ContentRootPath);
        Assert.Null(AppCommandLine.Parse(["--contentRoot=/srv/site"]).HostOptions.ContentRootPath);
    }
}
