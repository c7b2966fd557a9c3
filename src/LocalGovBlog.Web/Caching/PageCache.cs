using Microsoft.AspNetCore.OutputCaching;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// The tags kept pages carry, so that a write evicts exactly the pages that show what it changed. A page carries
/// every tag of what it renders: an article page carries <see cref="Articles"/> (its text and byline),
/// <see cref="Article"/> (its tags), <see cref="Themes"/> (the names and colours of its tags' themes) and
/// <see cref="Tags"/> (it shows tags at all).
/// </summary>
public static class PageTags
{
    /// <summary>Every page built from articles' text, titles or bylines: lists, author pages, article and theme pages, feeds.</summary>
    public const string Articles = "articles";

    /// <summary>Every page that names themes or shows their colours.</summary>
    public const string Themes = "themes";

    /// <summary>Every page that shows passage tags or counts them (article pages, the codebook, theme pages, theme feeds).</summary>
    public const string Tags = "tags";

    /// <summary>The codebook page (<c>/themes</c>): every theme with its count of passages.</summary>
    public const string ThemeList = "theme-list";

    /// <summary>One article's page.</summary>
    public static string Article(string slug) => "article:" + slug.ToLowerInvariant();

    /// <summary>One theme's page and feed.</summary>
    public static string Theme(string slug) => "theme:" + slug.ToLowerInvariant();
}

/// <summary>
/// Evicts kept pages; <see cref="PageChangeInterceptor"/> calls it once a write has been committed (never before: a
/// reader between the eviction and the commit would keep the old page). Writes made by another process (the import command, another instance) are not seen here:
/// <see cref="CacheOptions.OutputSeconds"/> bounds how long they take to show.
/// </summary>
public sealed class PageCache(IOutputCacheStore store)
{
    public async Task EvictAsync(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        // An eviction must happen even when the request that wrote has been cancelled since its commit.
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
    }

    public Task EvictAsync(params string[] tags) => EvictAsync((IEnumerable<string>)tags);
}
