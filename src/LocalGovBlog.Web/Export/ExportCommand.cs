using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// <c>export w3c|csv|qdpx|qdc FILE [--theme SLUG] [--author SLUG] [--article SLUG] [--from DATE] [--to DATE] [--user NAME [--mine]]</c>:
/// the export files of <c>/export</c>, written by the same code, from the store <c>ConnectionStrings:Default</c> names.
/// Without <c>--user</c> it holds what an anonymous reader may see (public tags); with it, that person's private
/// tags too. A relative FILE is taken from where the command was typed (<see cref="ImportCommand.LaunchDirectorySetting"/>).
/// The file appears only when the export is complete.
/// </summary>
public static class ExportCommand
{
    public const string Verb = "export";

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--theme", "--author", "--article", "--from", "--to", "--user" };

    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--mine", "--help", "-h", "-?" };

    public static bool IsInvoked(string[] args) =>
        FirstWord(args) is { } verb && string.Equals(verb, Verb, StringComparison.OrdinalIgnoreCase);

    private static string? FirstWord(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                return args[i];
            }
            if (!args[i].Contains('=', StringComparison.Ordinal))
            {
                i++;
            }
        }
        return null;
    }

    /// <summary>The host settings among the arguments (<c>--ConnectionStrings:Default=…</c>, <c>--Key value</c>); the command's own options stay out.</summary>
    public static string[] HostSettings(string[] args) => [.. Split(args).Settings];

    private static (List<string> Settings, List<string> Own) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (settings, own) = (new List<string>(), new List<string>());
        var verbSeen = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (verbSeen && (ValueOptions.Contains(name) || FlagOptions.Contains(name)))
            {
                own.Add(arg);
                if (ValueOptions.Contains(name) && !arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    own.Add(args[++i]);
                }
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                verbSeen = true;
                own.Add(arg);
                continue;
            }
            // A host setting, "--Key=value" or "--Key value".
            settings.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(args[++i]);
            }
        }
        return (settings, own);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        console ??= AnsiConsole.Console;
        var launchDirectory = services.GetRequiredService<IConfiguration>()[ImportCommand.LaunchDirectorySetting];
        var format = new Argument<string>("format") { Description = "w3c (JSON-LD), csv, qdpx (REFI-QDA project) or qdc (REFI-QDA codebook)." };
        format.AcceptOnlyFromAmong("w3c", "csv", "qdpx", "qdc");
        var file = new Argument<string>("file") { Description = "Where to write; a relative path is taken from where you typed the command." };
        var theme = new Option<string?>("--theme") { Description = "Only passages tagged with this theme (its slug)." };
        var author = new Option<string?>("--author") { Description = "Only this author's articles (the author's slug)." };
        var article = new Option<string?>("--article") { Description = "Only this article (its slug)." };
        var from = new Option<string?>("--from") { Description = "Only articles published on or after this date (yyyy-mm-dd)." };
        var to = new Option<string?>("--to") { Description = "Only articles published on or before this date (yyyy-mm-dd)." };
        var user = new Option<string?>("--user") { Description = "Export as this person (user name): their private tags are included." };
        var mine = new Option<bool>("--mine") { Description = "Only the tags of --user." };
        var command = new Command(Verb, "Export passage tags as W3C annotations, CSV or REFI-QDA.") { format, file, theme, author, article, from, to, user, mine };
        var exitCode = ImportCommand.ExitFailed;
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = Path.GetFullPath(parsed.GetValue(file)!, string.IsNullOrWhiteSpace(launchDirectory) ? Environment.CurrentDirectory : launchDirectory);
            var (filter, problem) = ExportFilter.Read(parsed.GetValue(theme), parsed.GetValue(author), parsed.GetValue(article),
                parsed.GetValue(mine) ? "true" : null, parsed.GetValue(from), parsed.GetValue(to));
            if (filter is null)
            {
                console.MarkupLineInterpolated($"[red]Export refused:[/] {problem}");
                exitCode = ImportCommand.ExitRejected;
                return;
            }
            exitCode = await ExportAsync(services, console, parsed.GetValue(format)!, path, filter, parsed.GetValue(user), cancellationToken);
        });
        var root = new RootCommand("LocalGovBlog") { command };
        var parseExit = await root.Parse([.. Split(args).Own]).InvokeAsync();
        return parseExit != 0 ? parseExit : exitCode;
    }

    private static async Task<int> ExportAsync(
        IServiceProvider services, IAnsiConsole console, string format, string path, ExportFilter filter, string? userName, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds: false, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var exports = scope.ServiceProvider.GetRequiredService<ExportQuery>();
        string? viewer = null;
        if (userName is not null)
        {
            viewer = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (viewer is null)
            {
                console.MarkupLineInterpolated($"[red]Export refused:[/] no account is called '{userName}'.");
                return ImportCommand.ExitRejected;
            }
        }
        if (await exports.ProblemAsync(filter, viewer, cancellationToken) is { } problem)
        {
            var detail = problem.Status == StatusCodes.Status401Unauthorized ? "--mine needs --user NAME: whose tags?" : problem.Detail;
            console.MarkupLineInterpolated($"[red]Export refused:[/] {detail}");
            return ImportCommand.ExitRejected;
        }
        var iris = ArchiveIris.For(services);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            console.MarkupLineInterpolated($"[red]Export refused:[/] the folder {folder} does not exist.");
            return ImportCommand.ExitRejected;
        }
        // Written beside the target and moved into place when complete: a failed export leaves no half file.
        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        var watch = Stopwatch.StartNew();
        string written;
        try
        {
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                written = await WriteAsync(output, format, exports, filter, viewer, iris, clock, cancellationToken);
            }
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        console.MarkupLineInterpolated($"[bold]Exported[/] {written} ({filter.Describe()}) to {path} in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        return ImportCommand.ExitOk;
    }

    private static async Task<string> WriteAsync(
        Stream output, string format, ExportQuery exports, ExportFilter filter, string? viewer, ArchiveIris iris, TimeProvider clock, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "w3c":
                var total = await exports.CountTagsAsync(filter, viewer, cancellationToken);
                var annotations = await W3cAnnotationExport.WriteAsync(output, iris, $"{iris.Base}/export/annotations.jsonld{filter.ToQueryString()}",
                    $"LocalGovBlog passage tags: {filter.Describe()}", total, exports.ArticlesAsync(filter, viewer, taggedOnly: true, cancellationToken), cancellationToken);
                return $"{annotations:N0} annotations";
            case "csv":
                var rows = await TagCsvExport.WriteAsync(output, iris, exports.ArticlesAsync(filter, viewer, taggedOnly: true, cancellationToken), cancellationToken);
                return $"{rows:N0} rows";
            case "qdc":
                var codebook = await exports.CodebookAsync(filter, viewer, cancellationToken);
                await RefiQdaExport.WriteCodebookAsync(output, codebook, cancellationToken);
                return $"{codebook.Count:N0} codes";
            default:
                var (selections, orphans) = await RefiQdaExport.WriteProjectAsync(output, ExportApi.ProjectHeader(filter, clock, iris),
                    await exports.CodebookAsync(cancellationToken), await exports.TaggersAsync(filter, viewer, cancellationToken),
                    exports.ArticlesAsync(filter, viewer, taggedOnly: false, cancellationToken), exports.SourcesAsync(filter, viewer, taggedOnly: false),
                    cancellationToken);
                return orphans == 0 ? $"{selections:N0} selections" : $"{selections:N0} selections ({orphans:N0} orphaned tags left out)";
        }
    }
}
