namespace LocalGovBlog.Web.Caching;

/// <summary>What one save changes, in the terms kept pages are tagged by.</summary>
/// <param name="Themes">A theme was added, changed or deleted.</param>
/// <param name="Articles">An article, its blocks, its authors or their links were added or changed (an import).</param>
/// <param name="AccountsDeleted">An account was deleted, and the store took its tags with it.</param>
/// <param name="TagsWritten">How many passage tags and tag-theme links were added, changed or deleted.</param>
public sealed record StoreWrite(bool Themes, bool Articles, bool AccountsDeleted, int TagsWritten);

/// <summary>
/// Which kept pages a save makes stale (<see cref="PageChangeInterceptor"/> reads the save from the change tracker).
/// A broad tag is used whenever it already covers a narrower one, so a large write costs no lookups: every page that
/// shows tags also names themes (<see cref="PageTags.Themes"/> covers <see cref="PageTags.Tags"/>), and article and
/// theme pages carry <see cref="PageTags.Articles"/>, which leaves only the codebook's counts to name beside it.
/// </summary>
public static class PageChangeTags
{
    /// <summary>Above this many tag writes in one save (an import), every page showing tags goes rather than each by name.</summary>
    public const int ManyTags = 64;

    /// <summary>The broad tags a save evicts, and whether the pages of the written tags' articles and themes must be named as well.</summary>
    public static (IReadOnlyList<string> Tags, bool NameTagPages) Broad(StoreWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var tags = new List<string>();
        if (write.Themes)
        {
            tags.Add(PageTags.Themes); // names and colours on every page that shows a tag, and the lists
        }
        if (write.Articles)
        {
            tags.Add(PageTags.Articles);
        }
        if (write.AccountsDeleted)
        {
            tags.Add(PageTags.Tags); // the account's public tags were on pages anyone could read
        }
        if (write.TagsWritten == 0 || write.Themes || write.AccountsDeleted)
        {
            return (tags, false);
        }
        if (write.Articles)
        {
            tags.Add(PageTags.ThemeList);
            return (tags, false);
        }
        if (write.TagsWritten > ManyTags)
        {
            tags.Add(PageTags.Tags);
            return (tags, false);
        }
        return (tags, true);
    }

    /// <summary>The pages of written tags: their articles', their themes' (former and current), and the codebook's counts.</summary>
    public static IReadOnlyList<string> ForTags(IEnumerable<string> articleSlugs, IEnumerable<string> themeSlugs)
    {
        ArgumentNullException.ThrowIfNull(articleSlugs);
        ArgumentNullException.ThrowIfNull(themeSlugs);
        return [.. articleSlugs.Select(PageTags.Article).Append(PageTags.ThemeList).Concat(themeSlugs.Select(PageTags.Theme)).Distinct(StringComparer.Ordinal)];
    }
}
