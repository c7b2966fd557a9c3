using System.CommandLine;
using System.Globalization;
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

    public static bool IsInvoked(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "import", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The host settings among the command's arguments (<c>--ConnectionStrings:Default=…</c> or
    /// <c>--Key value</c>). The host's own parser must not see the rest: it reads a path such as
    /// <c>/tmp/dump.txt</c> as a switch and would swallow the setting that follows it.
    /// </summary>
    public static string[] HostSettings(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg is "--dry-run" or "--help")
            {
                continue;
            }
            settings.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                settings.Add(args[++i]);
            }
        }
        return [.. settings];
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        var file = new Argument<FileInfo>("file") { Description = "The plain-text blog dump to import (UTF-8)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without writing anything." };
        var import = new Command("import", "Import a plain-text blog dump into the archive.") { file, dryRun };
        import.TreatUnmatchedTokensAsErrors = false; // host settings such as --ConnectionStrings:Default=… pass through
        var exitCode = ExitFailed;
        import.SetAction(async (parsed, cancellationToken) =>
            exitCode = await ImportAsync(services, console, parsed.GetValue(file)!, parsed.GetValue(dryRun), cancellationToken));
        var root = new RootCommand("LocalGovBlog") { import };
        root.TreatUnmatchedTokensAsErrors = false;
        // Exceptions reach the caller, which turns an operator's problem (a wrong store file) into one message.
        var parseExit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return parseExit != 0 ? parseExit : exitCode;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IAnsiConsole console, FileInfo file, bool dryRun, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds: false, cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
            var options = new ImportOptions { DryRun = dryRun };
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
        table.AddRow("diagnostics", report.DiagnosticCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags kept", report.TagsKept.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags re-anchored (moved)", report.TagsMoved.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tags orphaned", report.TagsOrphaned.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var change in report.Changes.Where(c => c.Outcome != ImportOutcome.Duplicate).Take(ListedInConsole))
        {
            console.MarkupLineInterpolated($"  {change.Outcome.ToString().ToLowerInvariant(),-9} line {change.Line,6}  {change.Slug}");
        }
        if (report.Added + report.Updated > ListedInConsole)
        {
            console.WriteLine($"  … and {report.Added + report.Updated - ListedInConsole} more");
        }
        foreach (var diagnostic in report.Diagnostics.Take(ListedInConsole))
        {
            console.MarkupLineInterpolated($"  [yellow]line {diagnostic.Line}:[/] {diagnostic.Message}");
        }
        if (report.DiagnosticCount > ListedInConsole)
        {
            console.WriteLine($"  … and {report.DiagnosticCount - ListedInConsole} more diagnostics");
        }
    }
}
