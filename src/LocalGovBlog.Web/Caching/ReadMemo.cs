using System.Collections.Concurrent;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Data;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// Answers kept between requests: a theme page's theme, count, the authors of its passages and its page of passages in
/// reading order; the home page's count and page of the listing; an article's head and bylines, and its tags
/// (<c>PublicTags</c>), as anonymous readers see them. Counting a common theme reads every one of its passages
/// (118,270 for the largest at a million tags, about half a second) to show 25. A kept answer is used only while
/// nothing in the store has changed since it was worked out: every committed write through this program moves
/// <see cref="AnalysisVersion"/> on. A change made outside it (the <c>import</c> command, a script) is seen by
/// <see cref="StoreChangeWatch"/> within a second on SQLite; as a bound for what that cannot see (another instance on
/// PostgreSQL), an answer also expires after <see cref="CacheOptions.OutputSeconds"/>, as a kept page does. Unlike the
/// page cache, most of these serve signed-in readers too: they are the same for everyone (an article's head and bylines
/// are kept for anonymous readers only). With PostgreSQL, where other instances write to the same store, nothing is kept
/// unless <c>Cache:Output=true</c> accepts that delay.
/// An answer past that time but with no write since is still given while a fresh one is worked out behind it, so
/// readers of a busy page do not all wait for the recount once a minute; a write through this program is never
/// answered that way. Answers are worked out on a store context of their own (a reader may leave before one is done).
/// </summary>
public sealed partial class ReadMemo(AnalysisVersion version, StoreChangeWatch watch, IOptions<CacheOptions> options, IOptions<StoreOptions> store, TimeProvider clock,
    IServiceScopeFactory scopes, ILogger<ReadMemo> logger)
{
    private readonly bool _enabled = !store.Value.IsPostgreSql || options.Value.Output == true;

    /// <summary>Whether answers are kept at all: not with PostgreSQL unless <c>Cache:Output=true</c>. When they are not, a
    /// caller with a store context of its own may as well ask it directly.</summary>
    public bool Keeps => _enabled;

    private sealed class Kept(long version, DateTimeOffset until, Task<object> answer)
    {
        public long Version { get; } = version;

        public DateTimeOffset Until { get; } = until;

        public Task<object> Answer { get; } = answer;

        private int _refreshing;

        /// <summary>Current: no write since, and not past its time (or still being worked out).</summary>
        public bool Serves(long current, DateTimeOffset now) =>
            Version == current && !Answer.IsFaulted && !Answer.IsCanceled && (Until > now || !Answer.IsCompleted);

        /// <summary>Past its time with no write since: good to give while a fresh one is worked out.</summary>
        public bool ServesWhileRefreshed(long current) => Version == current && Answer.IsCompletedSuccessfully;

        /// <summary>True for the one caller who is to work out the fresh answer.</summary>
        public bool StartRefresh() => Interlocked.Exchange(ref _refreshing, 1) == 0;

        private long _lastUsed;

        /// <summary>When a reader last had it (for dropping the least recently used first).</summary>
        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch(DateTimeOffset now) => Volatile.Write(ref _lastUsed, now.UtcTicks);

        public long Bytes => Answer.IsCompletedSuccessfully && Answer.Result is ISized sized ? sized.Bytes : 0;
    }

    private readonly ConcurrentDictionary<object, Kept> _kept = new();

    /// <summary>Moves on with every write through this program and every commit seen made by another.</summary>
    private long Current => version.Current + watch.Generation;

    /// <summary>A bound on how many answers are kept (theme pages × authors × page numbers, articles read anonymously);
    /// reached, the least recently used are dropped down to half of it.</summary>
    private const int MaxKept = 2048;

    private readonly Lock _trimming = new();

    /// <summary>An answer that says roughly how much memory it holds (an article's tags and their HTML can be a megabyte).</summary>
    public interface ISized
    {
        long Bytes { get; }
    }

    /// <summary>An answer that may say it is not worth keeping: "no such article" for an address someone typed is given
    /// to the readers waiting for it but not kept, so a scanner trying thousands of addresses pushes out nothing.</summary>
    public interface IMaybeKept
    {
        bool WorthKeeping { get; }
    }

    private static bool WorthKeeping(object answer) => answer is not IMaybeKept maybe || maybe.WorthKeeping;

    /// <summary>What the sized answers kept hold together (counted up as they come, and exactly at each trim); past
    /// <see cref="CacheOptions.MemoMegabytes"/>, the least recently used are dropped down to half of it.</summary>
    private long _bytes;

    private readonly long _maxBytes = options.Value.MemoMegabytes * 1024L * 1024L;

    /// <param name="key">A value (a record) naming the question.</param>
    /// <param name="answer">Works the answer out from the store context it is given. Readers who ask the same question
    /// while it runs wait for this one answer instead of each reading the whole coding again; so it runs to the end
    /// even if the reader who started it goes away (the work is bounded), and a failure is not kept.</param>
    public async Task<T> GetAsync<T>(object key, Func<ArchiveDbContext, CancellationToken, Task<T>> answer, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        if (!_enabled)
        {
            return await WorkOutAsync(answer, cancellationToken);
        }
        // Read before answering: a write that lands meanwhile moves it on, so that answer is never taken as current.
        var current = Current;
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(key, out var kept))
        {
            if (kept.Serves(current, now))
            {
                kept.Touch(now);
                return (T)await kept.Answer.WaitAsync(cancellationToken);
            }
            if (kept.ServesWhileRefreshed(current))
            {
                kept.Touch(now);
                if (kept.StartRefresh())
                {
                    _ = RefreshAsync(key, kept, answer);
                }
                return (T)kept.Answer.Result;
            }
        }
        if (_kept.Count >= MaxKept || Interlocked.Read(ref _bytes) > _maxBytes)
        {
            Trim();
        }
        var working = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new Kept(current, now.AddSeconds(options.Value.OutputSeconds), working.Task);
        mine.Touch(now);
        var chosen = _kept.AddOrUpdate(key, mine, (_, existing) => existing.Serves(current, now) ? existing : mine);
        if (!ReferenceEquals(chosen, mine))
        {
            return (T)await chosen.Answer.WaitAsync(cancellationToken);
        }
        try
        {
            var worked = await WorkOutAsync(answer, CancellationToken.None);
            if (WorthKeeping(worked))
            {
                Count(worked);
            }
            else
            {
                _kept.TryRemove(KeyValuePair.Create(key, mine));
            }
            working.SetResult(worked);
        }
        catch (Exception exception)
        {
            _kept.TryRemove(KeyValuePair.Create(key, mine));
            working.SetException(exception);
        }
        return (T)await working.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the least recently used answers until half the bounds are left: a crawler reading thousands of
    /// articles once each then pushes out its own pages, not the theme pages and search counts readers keep asking for.</summary>
    private void Trim()
    {
        lock (_trimming)
        {
            if (_kept.Count < MaxKept && Interlocked.Read(ref _bytes) <= _maxBytes)
            {
                return; // another reader trimmed meanwhile
            }
            var entries = _kept.ToArray();
            var bytes = entries.Sum(entry => entry.Value.Bytes);
            var count = entries.Length;
            foreach (var entry in entries.OrderBy(entry => entry.Value.LastUsed))
            {
                if (count <= MaxKept / 2 && bytes <= _maxBytes / 2)
                {
                    break;
                }
                if (_kept.TryRemove(entry))
                {
                    count--;
                    bytes -= entry.Value.Bytes;
                }
            }
            Interlocked.Exchange(ref _bytes, bytes);
        }
    }

    private async Task<T> WorkOutAsync<T>(Func<ArchiveDbContext, CancellationToken, Task<T>> answer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await answer(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), cancellationToken);
    }

    private void Count(object? answer)
    {
        if (answer is ISized sized)
        {
            Interlocked.Add(ref _bytes, sized.Bytes);
        }
    }

    /// <summary>Works a kept answer out again behind the readers, and keeps it unless a write came meanwhile (then the
    /// next reader works it out, as after any write). After a failure the next reader works it out.</summary>
    private async Task RefreshAsync<T>(object key, Kept stale, Func<ArchiveDbContext, CancellationToken, Task<T>> answer)
        where T : class
    {
        await Task.Yield();
        var current = Current;
        var now = clock.GetUtcNow();
        try
        {
            var fresh = await WorkOutAsync(answer, CancellationToken.None);
            if (!WorthKeeping(fresh))
            {
                // Gone since (an article deleted by another process): the next reader asks the store again.
                _kept.TryRemove(KeyValuePair.Create(key, stale));
                return;
            }
            Count(fresh);
            var kept = new Kept(current, now.AddSeconds(options.Value.OutputSeconds), Task.FromResult<object>(fresh));
            kept.Touch(new DateTimeOffset(stale.LastUsed, TimeSpan.Zero));
            if (_kept.TryUpdate(key, kept, stale)
                && stale.Answer.Result is ISized replaced)
            {
                Interlocked.Add(ref _bytes, -replaced.Bytes);
            }
        }
#pragma warning disable CA1031 // a background refresh must not fail the process; the next reader works the answer out
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RefreshFailed(logger, exception, key);
            _kept.TryRemove(KeyValuePair.Create(key, stale));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A kept answer for {Key} could not be worked out again; the next reader works it out.")]
    private static partial void RefreshFailed(ILogger logger, Exception exception, object key);
}
