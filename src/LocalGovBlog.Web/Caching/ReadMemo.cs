using System.Collections.Concurrent;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Data;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// Answers that read across the whole coding, kept between requests: a theme page's count, the authors of its
/// passages and its page of passages in reading order. Counting a common theme reads every one of its passages
/// (118,270 for the largest at a million tags, about half a second) to show 25. A kept answer is used only while
/// nothing in the store has changed since it was worked out: every committed write through this program moves
/// <see cref="AnalysisVersion"/> on. A change made outside it (the <c>import</c> command, another instance) is not seen
/// that way, so an answer also expires after <see cref="CacheOptions.OutputSeconds"/>, the bound the page cache gives.
/// Unlike the page cache it serves signed-in readers too: these answers are the same for everyone. With PostgreSQL,
/// where other instances write to the same store, nothing is kept unless <c>Cache:Output=true</c> accepts that delay.
/// </summary>
public sealed class ReadMemo(AnalysisVersion version, IOptions<CacheOptions> options, IOptions<StoreOptions> store, TimeProvider clock)
{
    private readonly bool _enabled = !store.Value.IsPostgreSql || options.Value.Output == true;

    private sealed record Kept(long Version, DateTimeOffset Until, object Answer);

    private readonly ConcurrentDictionary<object, Kept> _kept = new();

    /// <summary>A bound on what is kept (theme pages × authors × page numbers readers opened); reached, all is dropped.</summary>
    private const int MaxKept = 2048;

    /// <param name="key">A value (a record) naming the question.</param>
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
        if (_kept.TryGetValue(key, out var kept) && kept.Version == current && kept.Until > now && kept.Answer is T known)
        {
            return known;
        }
        var fresh = await answer(cancellationToken);
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }
        _kept[key] = new Kept(current, now.AddSeconds(options.Value.OutputSeconds), fresh);
        return fresh;
    }
}
