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
    ILogger<ArchiveInitializer> logger)
{
    /// <summary>Checks the store opens, applies migrations and, when <paramref name="importSeeds"/> and
    /// <c>Import:SeedOnFirstStart</c> both say so, fills an empty archive from the seed folder.</summary>
    public async Task InitializeAsync(bool importSeeds, CancellationToken cancellationToken = default)
    {
        await StoreFile.CheckAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive is empty and there is no seed folder at {SeedDirectory}")]
    private partial void LogNoSeeds(string seedDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty archive from {File}: {Added} articles, {Diagnostics} diagnostics")]
    private partial void LogSeeded(string file, int added, int diagnostics);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {File} was not imported: {Reason}")]
    private partial void LogSeedRejected(string file, string reason);
}
