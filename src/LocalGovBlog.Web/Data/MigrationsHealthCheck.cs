using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// Ready only when the store has every migration this build knows: a restored old backup is not ready until migrated.
/// A store found fully migrated is believed for <see cref="MigratedStoreMemory.TrustFor"/> (migrations are never taken
/// back while the program runs; only a store swapped underneath it could lose one), so a load balancer's polling costs
/// one connection check, not a read of the migrations history every time.
/// </summary>
public sealed class MigrationsHealthCheck(ArchiveDbContext db, MigratedStoreMemory memory, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (memory.IsTrusted(clock.GetUtcNow()))
        {
            return HealthCheckResult.Healthy();
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, starting with {pending[0]}.");
        }
        memory.Trust(clock.GetUtcNow());
        return HealthCheckResult.Healthy();
    }
}

/// <summary>When the store was last found fully migrated (one per program).</summary>
public sealed class MigratedStoreMemory
{
    public static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(10);

    private long _trustedUntilTicks;

    public bool IsTrusted(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _trustedUntilTicks);

    public void Trust(DateTimeOffset now) => Interlocked.Exchange(ref _trustedUntilTicks, (now + TrustFor).UtcTicks);
}
