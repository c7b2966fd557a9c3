using System.Net;
using LocalGovBlog.Web.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Accounts;

/// <summary>
/// Locks a user name for one client address after repeated failed sign-ins. Keyed by the pair, not the
/// account: guessing from one address is stopped, yet nobody can lock a real person out from elsewhere,
/// and a name that has no account locks exactly like one that has, so the answer reveals nothing.
/// Kept in memory per instance, like the rate limits.
/// </summary>
public sealed class SignInLockout(IOptions<RateLimitOptions> settings, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _pairs = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock _gate = new();

    private TimeSpan Duration => TimeSpan.FromMinutes(settings.Value.LockoutMinutes);

    public int Minutes => settings.Value.LockoutMinutes;

    public bool IsLockedOut(string userName, IPAddress? client) =>
        _pairs.TryGetValue(Key(userName, client), out Attempts? attempts) && attempts is not null && attempts.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failure; true when it locks the pair.</summary>
    public bool RecordFailure(string userName, IPAddress? client)
    {
        lock (_gate)
        {
            var attempts = _pairs.GetOrCreate(Key(userName, client), entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = Duration;
                return new Attempts();
            })!;
            attempts.Failures++;
            if (attempts.Failures < settings.Value.FailedSignInsBeforeLockout)
            {
                return false;
            }
            attempts.Failures = 0;
            attempts.LockedUntil = clock.GetUtcNow() + Duration;
            return true;
        }
    }

    public void Reset(string userName, IPAddress? client) => _pairs.Remove(Key(userName, client));

    public void Dispose() => _pairs.Dispose();

    private static string Key(string userName, IPAddress? client) =>
        userName.Trim().ToUpperInvariant() + "\n" + (client?.ToString() ?? "unknown");

    private sealed class Attempts
    {
        public int Failures { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
