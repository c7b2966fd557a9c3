using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Data;

/// <summary>Brings the store up to date at start-up and fills an empty archive from the seed dumps.</summary>
public sealed partial class ArchiveInitializer(
    ArchiveDbContext db,
    ArticleImporter importer,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<ArchiveInitializer> logger)
{
    public const string DefaultSeedDirectory = "../../seeds";

    public async Task InitializeAsync(bool importSeeds, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (!importSeeds || await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }
        var seedDirectory = Path.GetFullPath(Path.Combine(environment.ContentRootPath,
            configuration["Import:SeedDirectory"] ?? DefaultSeedDirectory));
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
