namespace LocalGovBlog.Web.Caching;

/// <summary>The <c>Cache</c> settings: whether anonymous readers' pages are kept in memory, and for how long.</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Keep whole pages for anonymous readers in memory. Unset: on with SQLite, off with PostgreSQL, because
    /// a write on one instance evicts only that instance's pages (set it to true there to accept
    /// <see cref="OutputSeconds"/> of staleness on the others).</summary>
    public bool? Output { get; set; }

    /// <summary>The longest a kept page lives. Writes through this process evict what they change at once; this bounds
    /// how long a change made elsewhere (the import command, another instance) may take to show.</summary>
    public int OutputSeconds { get; set; } = 60;

    /// <summary>How much memory the article pages may keep for the words of the articles they show (text, blocks and the
    /// body's HTML without highlights), in megabytes; the least recently read go first. 0 keeps none.</summary>
    public int ArticleTextMegabytes { get; set; } = 64;

    /// <summary>How much memory the answers kept between writes (ReadMemo: theme pages' counts and passages, the home
    /// page's listing, anonymous readers' view of an article's tags) may hold, in megabytes; past it all are dropped.</summary>
    public int MemoMegabytes { get; set; } = 32;

    public bool OutputEnabled(bool postgreSql) => Output ?? !postgreSql;
}
