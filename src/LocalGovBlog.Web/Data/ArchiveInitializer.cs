using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Data;

/// <summary>Brings the store up to date at start-up and fills an empty archive from the seed dumps.</summary>
public sealed partial class ArchiveInitializer(
    ArchiveDbContext db,
    ArticleImporter importer,
    IOptions<SeedingOptions> seeding,
    IHostEnvironment environment,
    StoreStartup startup,
    ILogger<ArchiveInitializer> logger)
{
    /// <summary>Checks the store opens, applies migrations and, when <paramref name="importSeeds"/> and
    /// <c>Import:SeedOnFirstStart</c> both say so, fills an empty archive from the seed folder.</summary>
    public async Task InitializeAsync(bool importSeeds, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            // Several instances may start at once: one migrates and seeds, the others wait and find it done.
            await using var startupLock = await PostgreSqlStore.LockAsync(db, PostgreSqlStore.StartupLock, cancellationToken);
            await MigrateAndSeedAsync(importSeeds, cancellationToken);
            return;
        }
        await StoreFile.CheckAsync(db, cancellationToken);
        await MigrateAndSeedAsync(importSeeds, cancellationToken);
    }

    private async Task MigrateAndSeedAsync(bool importSeeds, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        // A store with nothing to apply is left alone: Migrate would still take its lock and compare the model with
        // the migrations' snapshot, a good part of a short command's start-up (an export) spent on nothing.
        if (pending > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            startup.AppliedMigrations += pending;
            LogMigrated(pending);
        }
        if (!importSeeds || !seeding.Value.SeedOnFirstStart || await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }
        var seedDirectory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, seeding.Value.SeedDirectory));
        if (!Directory.Exists(seedDirectory))
        {
            LogNoSeeds(seedDirectory);
            return;
        }
        foreach (var file in Directory.GetFiles(seedDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            try
            {
                var report = await importer.ImportFileAsync(file, new ImportOptions(), cancellationToken: cancellationToken);
                LogSeeded(file, report.Added, report.DiagnosticCount);
            }
            catch (ImportRejectedException ex)
            {
                LogSeedRejected(file, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s) to the store")]
    private partial void LogMigrated(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive is empty and there is no seed folder at {SeedDirectory}")]
    private partial void LogNoSeeds(string seedDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty archive from {File}: {Added} articles, {Diagnostics} diagnostics")]
    private partial void LogSeeded(string file, int added, int diagnostics);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {File} was not imported: {Reason}")]
    private partial void LogSeedRejected(string file, string reason);
}

/// <summary>What this process did to the store when it started (several instances on one PostgreSQL database
/// start together; only one of them should find migrations to apply).</summary>
public sealed class StoreStartup
{
    public int AppliedMigrations { get; set; }
}
