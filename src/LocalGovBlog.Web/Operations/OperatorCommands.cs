using System.CommandLine;
using System.Globalization;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace LocalGovBlog.Web.Operations;

/// <summary>
/// The operator's commands, run by the same program against the store <c>ConnectionStrings:Default</c> names:
/// <c>grant-admin USERNAME</c> (recovery when no admin can sign in), <c>backup FILE</c> (a consistent copy of
/// the live store) and <c>restore FILE</c> (put a backup back; stop the site first).
/// </summary>
public static class OperatorCommands
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitRefused = 2;

    private static readonly string[] Verbs = ["grant-admin", "backup", "restore", "copy-store"];

    /// <summary>The commands' own options that take a value; the host's parser never sees them.</summary>
    public static IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>(StringComparer.Ordinal) { "--to" };

    public static bool IsInvoked(string[] args) =>
        ImportCommand.Verb(args) is { } verb && Verbs.Contains(verb, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        console ??= AnsiConsole.Console;
        var exitCode = ExitFailed;

        var userName = new Argument<string>("username") { Description = "The user name of an existing account." };
        var grant = new Command("grant-admin", "Make an existing account an admin: the way back when no admin can sign in.") { userName };
        grant.SetAction(async (parsed, cancellationToken) =>
            exitCode = await GrantAdminAsync(services, console, parsed.GetValue(userName)!, cancellationToken));

        var backupFile = new Argument<FileInfo>("file") { Description = "The new file to write the copy to (never overwritten)." };
        var backup = new Command("backup", "Copy the live store to FILE consistently, while the site keeps running.") { backupFile };
        backup.SetAction(parsed => exitCode = RefuseOnPostgreSql(services, console, "backup") ?? Backup(services, console, parsed.GetValue(backupFile)!));

        var restoreFile = new Argument<FileInfo>("file") { Description = "A file made by backup." };
        var restore = new Command("restore", "Replace the store's contents with a backup (stop the site first); the current store is kept beside it.") { restoreFile };
        restore.SetAction(async (parsed, cancellationToken) =>
            exitCode = RefuseOnPostgreSql(services, console, "restore") ?? await RestoreAsync(services, console, parsed.GetValue(restoreFile)!, cancellationToken));

        var to = new Option<string>("--to") { Description = "The empty PostgreSQL database to copy into: a connection string (\"Host=…;Database=…;Username=…\").", Required = true };
        var copy = new Command("copy-store", "Copy this SQLite store (articles, tags, accounts, keys) into an empty PostgreSQL database.") { to };
        copy.SetAction(async (parsed, cancellationToken) =>
            exitCode = await CopyStoreAsync(services, console, parsed.GetValue(to)!, cancellationToken));

        var root = new RootCommand("LocalGovBlog") { grant, backup, restore, copy };
        foreach (var command in new Command[] { root, grant, backup, restore, copy })
        {
            command.TreatUnmatchedTokensAsErrors = false; // host settings such as --ConnectionStrings:Default=… pass through
        }
        // Exceptions reach the caller, which turns an operator's problem (a wrong store file) into one message.
        var parseExit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return parseExit != 0 ? parseExit : exitCode;
    }

    private static async Task<int> GrantAdminAsync(IServiceProvider services, IAnsiConsole console, string userName, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds: false, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().GrantAdminFromCommandLineAsync(userName);
        if (!result.Succeeded)
        {
            console.MarkupLineInterpolated($"[red]Not changed:[/] {result.Errors.First().Description}");
            return ExitRefused;
        }
        console.MarkupLineInterpolated($"{userName} is an admin. They can manage roles at /admin/users.");
        return ExitOk;
    }

    /// <summary>backup and restore copy a SQLite file; a PostgreSQL store has the server's own tools.</summary>
    private static int? RefuseOnPostgreSql(IServiceProvider services, IAnsiConsole console, string verb)
    {
        if (!StoreRegistration.IsPostgreSql(services.GetRequiredService<IConfiguration>()))
        {
            return null;
        }
        console.MarkupLineInterpolated($"[red]Not done:[/] {verb} copies a SQLite store; this one is PostgreSQL. Use pg_dump and pg_restore (docs/deploy.md).");
        return ExitRefused;
    }

    private static int Backup(IServiceProvider services, IAnsiConsole console, FileInfo parsed)
    {
        var store = StorePath(services, out var connectionString);
        try
        {
            if (!File.Exists(store))
            {
                throw new BackupRefusedException($"There is no store at {store} to back up (ConnectionStrings:Default names it).");
            }
            var summary = StoreBackup.Backup(connectionString, parsed.FullName);
            console.MarkupLineInterpolated($"Backed up {store} to {summary.Path}: {Describe(summary)}.");
            console.WriteLine("Restore it with: restore FILE (stop the site first).");
            return ExitOk;
        }
        catch (BackupRefusedException ex)
        {
            console.MarkupLineInterpolated($"[red]Backup not made:[/] {ex.Message}");
            return ExitRefused;
        }
        catch (SqliteException ex)
        {
            console.MarkupLineInterpolated($"[red]Backup failed:[/] {ex.Message}");
            return ExitFailed;
        }
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, IAnsiConsole console, FileInfo file, CancellationToken cancellationToken)
    {
        var store = StorePath(services, out var connectionString);
        try
        {
            var (restored, previous) = StoreBackup.Restore(connectionString, file.FullName, services.GetRequiredService<TimeProvider>());
            if (previous is not null)
            {
                console.MarkupLineInterpolated($"The store as it was is kept at {previous}.");
            }
            // A backup from an older version is brought up to this version's schema now, not at the next start.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveInitializer>().InitializeAsync(importSeeds: false, cancellationToken);
            console.MarkupLineInterpolated($"Restored {file.FullName} into {store}: {Describe(restored)}. Start the site again.");
            return ExitOk;
        }
        catch (BackupRefusedException ex)
        {
            console.MarkupLineInterpolated($"[red]Nothing restored:[/] {ex.Message}");
            return ExitRefused;
        }
        catch (SqliteException ex)
        {
            console.MarkupLineInterpolated($"[red]Restore failed:[/] {ex.Message}");
            return ExitFailed;
        }
    }

    private static async Task<int> CopyStoreAsync(IServiceProvider services, IAnsiConsole console, string target, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var copied = await StoreCopy.CopyAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), target, cancellationToken);
            foreach (var table in copied.Where(t => t.Rows > 0))
            {
                console.MarkupLineInterpolated($"  {table.Table,-24} {table.Rows,10:N0} rows");
            }
            console.MarkupLine("Copied. Start the program with Store:Provider=PostgreSQL and that connection string in ConnectionStrings:Default.");
            return ExitOk;
        }
        catch (StoreCopyRefusedException ex)
        {
            console.MarkupLineInterpolated($"[red]Nothing copied:[/] {ex.Message}");
            return ExitRefused;
        }
        catch (StoreUnusableException ex)
        {
            console.MarkupLineInterpolated($"[red]Copy failed, nothing kept:[/] {ex.Message}"); // it names the store that failed
            return ExitFailed;
        }
        // The source is SQLite: PostgreSQL's errors, and a connection string it cannot read, are --to's.
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]Copy failed, nothing kept:[/] the PostgreSQL database --to names: {ex.Message} Check --to.");
            return ExitFailed;
        }
        catch (SqliteException ex)
        {
            console.MarkupLineInterpolated($"[red]Copy failed, nothing kept:[/] the SQLite store ConnectionStrings:Default names: {ex.Message} Check ConnectionStrings:Default.");
            return ExitFailed;
        }
    }

    private static string StorePath(IServiceProvider services, out string connectionString)
    {
        connectionString = StoreRegistration.ConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        return new SqliteConnectionStringBuilder(connectionString).DataSource;
    }

    private static string Describe(StoreSummary summary) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{summary.Articles:N0} articles, {summary.Tags:N0} passage tags, {summary.Accounts:N0} accounts, {summary.Bytes / 1024.0 / 1024.0:0.0} MB");
}
