using System.Collections.Concurrent;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Data;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// Answers that read across the whole store, kept between requests: a theme page's count, the authors of its
/// passages and its page of passages in reading order; the home page's count and page of the listing; an anonymous
/// reader's view of an article's tags (<c>PublicTags</c>). Counting a common theme reads every one of its passages
/// (118,270 for the largest at a million tags, about half a second) to show 25. A kept answer is used only while
/// nothing in the store has changed since it was worked out: every committed write through this program moves
/// <see cref="AnalysisVersion"/> on. A change made outside it (the <c>import</c> command, another instance) is not
/// seen that way, so an answer also expires after <see cref="CacheOptions.OutputSeconds"/>, the bound the page cache
/// gives. Unlike the page cache, most of these serve signed-in readers too: they are the same for everyone. With
/// PostgreSQL, where other instances write to the same store, nothing is kept unless <c>Cache:Output=true</c> accepts that delay.
/// </summary>
public sealed class ReadMemo(AnalysisVersion version, IOptions<CacheOptions> options, IOptions<StoreOptions> store, TimeProvider clock)
{
    private readonly bool _enabled = !store.Value.IsPostgreSql || options.Value.Output == true;

    private sealed record Kept(long Version, DateTimeOffset Until, Task<object> Answer)
    {
        public bool Serves(long version, DateTimeOffset now) =>
            Version == version && Until > now && !Answer.IsFaulted && !Answer.IsCanceled;
    }

    private readonly ConcurrentDictionary<object, Kept> _kept = new();

    /// <summary>A bound on what is kept (theme pages × authors × page numbers readers opened); reached, all is dropped.</summary>
    private const int MaxKept = 2048;

    /// <summary>An answer that says roughly how much memory it holds (an article's tags and their HTML can be a megabyte).</summary>
    public interface ISized
    {
        long Bytes { get; }
    }

    /// <summary>What the sized answers kept hold together; past <see cref="CacheOptions.MemoMegabytes"/>, all is dropped.</summary>
    private long _bytes;

    private readonly long _maxBytes = options.Value.MemoMegabytes * 1024L * 1024L;

    /// <param name="key">A value (a record) naming the question.</param>
    /// <param name="answer">Works the answer out. Readers who ask the same question while it runs wait for this one
    /// answer instead of each reading the whole coding again; so it runs to the end even if the reader who started it
    /// goes away (the work is bounded), and a failure is not kept.</param>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> answer, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        if (!_enabled)
        {
            return await answer(cancellationToken);
        }
        // Read before answering: a write that lands meanwhile moves it on, so that answer is never taken as current.
        var current = version.Current;
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(key, out var kept) && kept.Serves(current, now))
        {
            return (T)await kept.Answer.WaitAsync(cancellationToken);
        }
        if (_kept.Count >= MaxKept || Interlocked.Read(ref _bytes) > _maxBytes)
        {
            _kept.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
        var working = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new Kept(current, now.AddSeconds(options.Value.OutputSeconds), working.Task);
        var chosen = _kept.AddOrUpdate(key, mine, (_, existing) => existing.Serves(current, now) ? existing : mine);
        if (!ReferenceEquals(chosen, mine))
        {
            return (T)await chosen.Answer.WaitAsync(cancellationToken);
        }
        try
        {
            var result = await answer(CancellationToken.None);
            if (result is ISized sized)
            {
                Interlocked.Add(ref _bytes, sized.Bytes);
            }
            working.SetResult(result);
        }
        catch (Exception exception)
        {
            _kept.TryRemove(KeyValuePair.Create(key, mine));
            working.SetException(exception);
        }
        return (T)await working.Task.WaitAsync(cancellationToken);
    }
}
