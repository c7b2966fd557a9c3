namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// One anchored passage tag as the analysis sees it: where it is (UTF-16 offsets into its article's
/// text, end exclusive), whose it is, whether others may see it, and its themes. Orphaned and deleted
/// tags never become coded passages.
/// </summary>
public sealed record CodedPassage(int TagId, int ArticleId, string OwnerId, int Start, int End, bool IsPublic, IReadOnlyList<int> ThemeIds)
{
    public bool Overlaps(CodedPassage other) =>
        other.ArticleId == ArticleId && other.Start < End && Start < other.End;
}

/// <summary>What the analysis needs of an article: its authors and the date the listing gave it.</summary>
public sealed record CodedArticle(int Id, DateOnly? Published, IReadOnlyList<int> AuthorIds)
{
    /// <summary>"2019-05": the month a dated article belongs to in themes over time.</summary>
    public string? Month => Published is { } date ? MonthKey(date) : null;

    public static string MonthKey(DateOnly date) => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Whose tags count: the reader's own (public and private), or everyone's public tags.</summary>
public enum TaggerScope
{
    Everyone,
    Mine,
}
