using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Export;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Operations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Hosting;

/// <summary>Serves the site or runs a command; a start-up problem an operator can fix ends the program with one message and exit code 1.</summary>
public static partial class AppRunner
{
    public const int ExitStartupRefused = 1;

    public static async Task<int> RunAsync(WebApplication app, AppCommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(commandLine);
        try
        {
            // Every setting is checked before anything runs, so a bad one stops the program with its name.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return commandLine.Command switch
            {
                null => await ServeAsync(app, commandLine.InsecureHttp),
                "import" => await ImportCommand.RunAsync(app.Services, [.. commandLine.Arguments]),
                ExportCommand.Verb => await ExportCommand.RunAsync(app.Services, [.. commandLine.Arguments]),
                _ => await OperatorCommands.RunAsync(app.Services, [.. commandLine.Arguments]),
            };
        }
        catch (Exception ex) when (Describe(ex) is { } problem)
        {
            LogCannotStart(app.Logger, problem);
            return ExitStartupRefused;
        }
    }

    private static async Task<int> ServeAsync(WebApplication app, bool insecureHttp)
    {
        await app.InitializeArchiveAsync();
        app.UseLocalGovBlog();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var proxyTrusted = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.TrustedAddresses.Count > 0;
        if (TransportCheck.Problem([.. addresses], app.Environment.EnvironmentName, insecureHttp, proxyTrusted) is { } problem)
        {
            LogCannotStart(app.Logger, problem);
            await app.StopAsync();
            return ExitStartupRefused;
        }
        if (insecureHttp)
        {
            LogInsecure(app.Logger, AppCommandLine.InsecureHttpFlag);
        }
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        LogServing(app.Logger, site.BaseAddress);
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The operator's part of a start-up failure, or null for a fault in the program itself.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        AggregateException all when all.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join(" ", all.InnerExceptions.Select(e => Describe(e))),
        // The configuration binder names the setting: "Failed to convert configuration value 'abc' at 'Search:RankLimit' …".
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => binding.Message,
        StoreUnusableException store => store.Message,
        // Kestrel: "Failed to bind to address http://127.0.0.1:5000: address already in use."
        IOException bind when bind.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException =>
            bind.Message + " Another program, or another copy of LocalGovBlog, is listening there: stop it, or choose another address with --urls (or ASPNETCORE_URLS).",
        IOException bind when bind.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AccessDenied } =>
            bind.Message + " Ports below 1024 need privileges this user lacks: listen on a higher port behind a proxy (deploy/nginx-site.conf) or choose another with --urls.",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Critical, Message = "LocalGovBlog cannot start: {Problem}")]
    private static partial void LogCannotStart(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serving plain HTTP with sign-in cookies allowed over it ({Flag}): passwords and sessions cross the network unencrypted. For a lab only.")]
    private static partial void LogInsecure(ILogger logger, string flag);

    [LoggerMessage(Level = LogLevel.Information, Message = "LocalGovBlog is serving; readers open {PublicBaseAddress}")]
    private static partial void LogServing(ILogger logger, string publicBaseAddress);
}
