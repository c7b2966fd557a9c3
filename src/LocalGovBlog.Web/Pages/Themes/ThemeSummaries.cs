using System.Collections.Concurrent;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Caching;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Pages.Themes;

/// <summary>What a theme page counts over all of a theme's passages: how many there are, and whose articles hold them.</summary>
public sealed record ThemeSummary(int Total, IReadOnlyList<ThemeAuthor> Authors);

/// <summary>
/// Theme pages' counts, kept between requests. Counting a common theme's passages and finding the authors of their
/// articles reads every one of them (118,270 for the largest theme at a million tags, about half a second), while
/// the page itself shows 25. A kept count is used only while nothing in the store has changed since it was taken:
/// every committed write through this program moves <see cref="AnalysisVersion"/> on. A change made outside it (the
/// <c>import</c> command, another instance) is not seen that way, so a count also expires after
/// <see cref="CacheOptions.OutputSeconds"/>, the same bound the page cache gives.
/// </summary>
public sealed class ThemeSummaries(AnalysisVersion version, IOptions<CacheOptions> options, TimeProvider clock)
{
    private sealed record Kept(long Version, DateTimeOffset Until, ThemeSummary Summary);

    private readonly ConcurrentDictionary<(int Theme, string? Author), Kept> _kept = new();

    public async Task<ThemeSummary> GetAsync(int themeId, string? author, Func<CancellationToken, Task<ThemeSummary>> count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(count);
        // Read before counting: a write that lands while counting moves it on, so that count is never taken as current.
        var current = version.Current;
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue((themeId, author), out var kept) && kept.Version == current && kept.Until > now)
        {
            return kept.Summary;
        }
        var summary = await count(cancellationToken);
        if (_kept.Count > MaxKept)
        {
            _kept.Clear();
        }
        _kept[(themeId, author)] = new Kept(current, now.AddSeconds(options.Value.OutputSeconds), summary);
        return summary;
    }

    /// <summary>Themes × the authors readers filtered by; far more than a codebook holds, so clearing is rare.</summary>
    private const int MaxKept = 4096;
}
