using System.Data.Common;
using System.Net;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(LocalGovBlog.BrowserTests.ArchiveSite))]
[assembly: AssemblyFixture(typeof(LocalGovBlog.BrowserTests.Chromium))]

namespace LocalGovBlog.BrowserTests;

/// <summary>
/// The whole app on a real loopback port (a browser cannot reach TestServer), in Production so
/// people see the friendly error pages, over HTTPS so secure cookies and HSTS behave as deployed,
/// with its own SQLite file filled from the repository's seeds.
/// </summary>
public sealed class ArchiveSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"localgovblog-browser-{Guid.NewGuid():N}.db");

    public ArchiveSite() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(LoopbackCertificate.Create())));

    public Uri RootUri { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(RootUri, pathAndQuery);

    public ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        RootUri = new Uri(addresses.Addresses.Single());
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the host serves wwwroot only from published output; the tests run the
        // build output, so point static assets at the project's files as Development would.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath}");
        builder.UseSetting("Import:SeedDirectory", RepositoryRoot.SeedsDirectory);
        builder.UseSetting("Import:SeedOnFirstStart", "true");
        builder.UseSetting("Site:PublicBaseAddress", "https://127.0.0.1");
        builder.UseSetting("AllowedHosts", "127.0.0.1;localhost");
        // Every test's browser comes from 127.0.0.1: one "client" that registers many people.
        builder.UseSetting("RateLimits:RegistrationsPerHour", "1000");
        builder.ConfigureServices(services => services.ConfigureDbContext<ArchiveDbContext>(
            options => options.AddInterceptors(new FaultOnRequest())));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

/// <summary>Makes a database read fail when it looks up <see cref="Slug"/>: a real server fault, on demand.</summary>
internal sealed class FaultOnRequest : DbCommandInterceptor
{
    public const string Slug = "simulate-a-server-fault";

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ThrowIfAsked(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfAsked(command);
        return ValueTask.FromResult(result);
    }

    private static void ThrowIfAsked(DbCommand command)
    {
        if (command.Parameters.Cast<DbParameter>().Any(p => Slug.Equals(p.Value)))
        {
            throw new InvalidOperationException("Simulated database failure (SECRET-STACK-DETAIL) for the error page test.");
        }
    }
}

internal static class RepositoryRoot
{
    public static string Directory { get; } = Find();

    public static string SeedsDirectory => Path.Combine(Directory, "seeds");

    /// <summary>Where screenshots go: next to the test binaries, so git ignores them.</summary>
    public static string ScreenshotsDirectory => Path.Combine(Directory, "tests", "LocalGovBlog.BrowserTests", "bin", "screenshots");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LocalGovBlog.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds LocalGovBlog.sln.");
    }
}
