using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// The store answers a statement about its own tables. It runs on the context's own pooled connection: EF's stock check
/// (<c>CanConnectAsync</c>) first opens a fresh, unpooled read-only SQLite handle to learn whether the file exists,
/// which reads the schema and resends the connection settings on every poll — most of the cost of <c>/health</c>.
/// </summary>
public sealed class StoreHealthCheck(ArchiveDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Names a table, so the store's schema is read (a file that is no database fails here), yet no row is fetched.
            await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "__EFMigrationsHistory" WHERE 1 = 0""", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The store does not answer.", exception);
        }
    }
}
