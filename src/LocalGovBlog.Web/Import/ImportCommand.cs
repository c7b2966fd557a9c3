using System.CommandLine;
using System.Globalization;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using Spectre.Console;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// <c>import FILE [--dry-run]</c>: the same program as the web app, run once against the store
/// that <c>ConnectionStrings:Default</c> names, printing a report and exiting non-zero on bad input.
/// </summary>
public static class ImportCommand
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitRejected = 2;

    private const int ListedInConsole = 50;

    /// <summary>
    /// The folder <c>dotnet run</c> was typed in. <c>dotnet run --project src/LocalGovBlog.Web</c> runs the program in
    /// the project's folder, so the project passes the folder it was started from (<c>RunArguments</c> in the .csproj)
    /// and a relative path such as <c>seeds/inlogov-blog.txt</c> means what the person typing it meant.
    /// </summary>
    public const string LaunchDirectorySetting = "launch-directory";

    public static bool IsInvoked(string[] args) =>
        Verb(args) is { } verb && string.Equals(verb, "import", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first argument that is neither a setting nor a setting's value.</summary>
    internal static string? Verb(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return args[i];
            }
            if (!args[i].Contains('=', StringComparison.Ordinal))
            {
                i++; // "--key value"
            }
        }
        return null;
    }

    /// <summary>
    /// The host settings among the command's arguments (<c>--ConnectionStrings:Default=…</c> or
    /// <c>--Key value</c>). The host's own parser must not see the rest: it reads a path such as
    /// <c>/tmp/dump.txt</c> as a switch and would swallow the setting that follows it.
    /// </summary>
    public static string[] HostSettings(string[] args, IReadOnlySet<string>? commandValueOptions = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<string>();
        var verbSeen = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            // An option of the command's own that takes a value (copy-store --to "Host=…"): it and its value stay out.
            if (verbSeen && commandValueOptions is not null && commandValueOptions.Contains(arg.Split('=', 2)[0]))
            {
                i += arg.Contains('=', StringComparison.Ordinal) ? 0 : 1;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || CommandOptions.Contains(arg))
            {
                verbSeen |= !arg.StartsWith("--", StringComparison.Ordinal);
                continue;
            }
            settings.Add(arg);
            // Before the verb every "--key" takes a value; after it, a flag of the command's own takes none.
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && (!verbSeen || !args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                settings.Add(args[++i]);
            }
        }
        return [.. settings];
    }

    private static readonly HashSet<string> CommandOptions = new(StringComparer.Ordinal) { "--dry-run", "--strict", "--help" };

    /// <summary>The command's own arguments, from the verb on, without the host settings around them.</summary>
    private static string[] CommandArguments(string[] args)
    {
        var settings = HostSettings(args);
        var rest = new List<string>();
        var skipped = 0;
        for (var i = 0; i < args.Length; i++)
        {
            if (skipped < settings.Length && args[i] == settings[skipped])
            {
                skipped++;
                continue;
            }
            rest.Add(args[i]);
        }
        return [.. rest];
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        console ??= AnsiConsole.Console;
        var launchDirectory = services.GetRequiredService<IConfiguration>()[LaunchDirectorySetting];
        var file = new Argument<string>("file") { Description = "The plain-text blog dump to import (UTF-8); a relative path is taken from where you typed the command." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without writing anything." };
        var strict = new Option<bool>("--strict") { Description = "Refuse the file, writing nothing, if the importer warns about any of it (a possible missed post boundary)." };
        var import = new Command("import", "Import a plain-text blog dump into the archive.") { file, dryRun, strict };
        var exitCode = ExitFailed;
        import.SetAction(async (parsed, cancellationToken) =>
        {
            var path = Path.GetFullPath(parsed.GetValue(file)!, string.IsNullOrWhiteSpace(launchDirectory) ? Environment.CurrentDirectory : launchDirectory);
            var options = new ImportOptions { DryRun = parsed.GetValue(dryRun), Strict = parsed.GetValue(strict) };
            exitCode = await ImportAsync(services, console, new FileInfo(path), options, cancellationToken);
        });
        var root = new RootCommand("LocalGovBlog") { import };
        // Exceptions reach the caller, which turns an operator's problem (a wrong store file) into one message.
        var parseExit = await root.Parse(CommandArguments(args)).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return parseExit != 0 ? parseExit : exitCode;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IAnsiConsole console, FileInfo file, ImportOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds: false, cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
            ImportReport report;
            if (console.Profile.Capabilities.Interactive && file.Exists && file.Length > 1024 * 1024)
            {
                report = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Importing {file.Name}", maxValue: file.Length);
                        var progress = new Progress<ImportProgress>(p =>
                        {
                            task.Value = p.BytesRead;
                            task.Description = $"Importing {file.Name}: {p.Articles:N0} posts";
                        });
                        return await importer.ImportFileAsync(file.FullName, options, progress, cancellationToken);
                    });
            }
            else
            {
                report = await importer.ImportFileAsync(file.FullName, options, cancellationToken: cancellationToken);
            }
            Print(console, report);
            return ExitOk;
        }
        catch (ImportRejectedException ex)
        {
            console.MarkupLineInterpolated($"[red]Import refused:[/] {ex.Message}");
            console.WriteLine("Nothing was written to the archive.");
            return ExitRejected;
        }
    }

    private static void Print(IAnsiConsole console, ImportReport report)
    {
        var heading = report.DryRun ? $"Dry run of {report.Source}: nothing was written" : $"Imported {report.Source}";
        console.MarkupLineInterpolated($"[bold]{heading}[/] ({report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)");
        var table = new Table().AddColumn("Posts").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("added", report.Added.ToString(CultureInfo.InvariantCulture));
        table.AddRow("updated", report.Updated.ToString(CultureInfo.InvariantCulture));
        table.AddRow("unchanged", report.Unchanged.ToString(CultureInfo.InvariantCulture));
        if (report.Duplicates > 0)
        {
            table.AddRow("repeated in the file (skipped)", report.Duplicates.ToString(CultureInfo.InvariantCulture));
        }
        table.AddRow("new authors", report.AuthorsAdded.ToString(CultureInfo.InvariantCulture));
        table.AddRow("lines placed in no post", report.DiagnosticCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("warnings", report.WarningCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("notes", report.NoteCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags kept", report.TagsKept.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags moved, same words", report.TagsMoved.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags moved, words changed (to review)", report.TagsEdited.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags orphaned", report.TagsOrphaned.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        if (report.Shape.Length > 0)
        {
            console.MarkupLineInterpolated($"[bold]Shape of the dump:[/] {report.Shape}");
        }
        foreach (var change in report.Changes.Where(c => c.Outcome != ImportOutcome.Duplicate).Take(ListedInConsole))
        {
            console.MarkupLineInterpolated($"  {change.Outcome.ToString().ToLowerInvariant(),-9} line {change.Line,6}  {change.Slug}");
        }
        if (report.Added + report.Updated > ListedInConsole)
        {
            console.WriteLine($"  … and {report.Added + report.Updated - ListedInConsole} more");
        }
        PrintTags(console, report);
        PrintDiagnostics(console, report, DiagnosticKind.Warning, "red", "warning", report.WarningCount);
        PrintDiagnostics(console, report, DiagnosticKind.Unplaced, "yellow", "not placed", report.DiagnosticCount);
        PrintDiagnostics(console, report, DiagnosticKind.Note, "blue", "note", report.NoteCount);
    }

    /// <summary>Every tag that did not stay put, and for each moved one whether its words changed.</summary>
    private static void PrintTags(IAnsiConsole console, ImportReport report)
    {
        static string Short(string quote) => quote.Length <= 60 ? quote : quote[..57] + "…";
        foreach (var tag in report.Tags.Take(ListedInConsole))
        {
            var what = tag.Outcome switch
            {
                AnchorOutcome.Moved => $"moved, same words: “{Short(tag.QuoteBefore)}”",
                AnchorOutcome.Edited => $"words changed, to review: “{Short(tag.QuoteBefore)}” → “{Short(tag.QuoteAfter ?? "")}”",
                _ => $"orphaned: “{Short(tag.QuoteBefore)}”",
            };
            console.MarkupLine($"  [{(tag.Outcome == AnchorOutcome.Orphaned ? "yellow" : "blue")}]tag {tag.TagId}[/] on {Markup.Escape(tag.ArticleSlug)}: {Markup.Escape(what)}");
        }
        if (report.Tags.Count > ListedInConsole)
        {
            console.WriteLine($"  … and {report.TagsMoved + report.TagsEdited + report.TagsOrphaned - ListedInConsole} more tags");
        }
    }

    private static void PrintDiagnostics(IAnsiConsole console, ImportReport report, DiagnosticKind kind, string colour, string label, int count)
    {
        foreach (var diagnostic in report.Diagnostics.Where(d => d.Kind == kind).Take(ListedInConsole))
        {
            console.MarkupLine($"  [{colour}]{label}, line {diagnostic.Line}:[/] {Markup.Escape(diagnostic.Message)}");
        }
        if (count > ListedInConsole)
        {
            console.WriteLine($"  … and {count - ListedInConsole} more ({label})");
        }
    }
}
