using LocalGovBlog.Web.Export;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Operations;

namespace LocalGovBlog.Web.Hosting;

/// <summary>
/// What the program was asked to do: serve (the default), or run one command against the store and exit
/// (<c>import</c>, <c>export</c>, <c>grant-admin</c>, <c>backup</c>, <c>restore</c>). Only host settings
/// (<c>--Key=value</c>) reach the host's own parser; the command reads the rest.
/// </summary>
public sealed record AppCommandLine(string? Command, IReadOnlyList<string> Arguments, string[] HostArguments, bool InsecureHttp)
{
    /// <summary>Serve plain HTTP outside Development, with cookies that travel over it: for a lab, never for the public.</summary>
    public const string InsecureHttpFlag = "--insecure-http";

    public static AppCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var insecure = args.Contains(InsecureHttpFlag, StringComparer.OrdinalIgnoreCase);
        args = [.. args.Where(a => !string.Equals(a, InsecureHttpFlag, StringComparison.OrdinalIgnoreCase))];
        var verb = ImportCommand.Verb(args)?.ToLowerInvariant();
        if (verb is null || !(ImportCommand.IsInvoked(args) || ExportCommand.IsInvoked(args) || OperatorCommands.IsInvoked(args)))
        {
            return new AppCommandLine(null, args, args, insecure);
        }
        // The command sees its own arguments; the host sees only the settings among them.
        // Export's options take values (--theme devolution), so it knows its own from the host's.
        var settings = ExportCommand.IsInvoked(args) ? ExportCommand.HostSettings(args)
            : OperatorCommands.IsInvoked(args) ? ImportCommand.HostSettings(args, OperatorCommands.ValueOptions)
            : ImportCommand.HostSettings(args);
        var own = new List<string>();
        var matched = 0;
        foreach (var arg in args)
        {
            if (matched < settings.Length && arg == settings[matched])
            {
                matched++;
                continue;
            }
            own.Add(arg);
        }
        return new AppCommandLine(verb, own, settings, InsecureHttp: false);
    }

    /// <summary>
    /// The host's options. Unless a content root is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>),
    /// it is the program's own folder, where <c>appsettings.json</c>, <c>wwwroot</c>, the copied <c>seeds/</c> and
    /// a relative store path are found: <c>dotnet /opt/localgovblog/LocalGovBlog.Web.dll</c> works from any working directory.
    /// </summary>
    public WebApplicationOptions HostOptions => new()
    {
        Args = HostArguments,
        ContentRootPath = NamesContentRoot(HostArguments) ? null : AppContext.BaseDirectory,
    };

    private static bool NamesContentRoot(string[] hostArguments) =>
        hostArguments.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
