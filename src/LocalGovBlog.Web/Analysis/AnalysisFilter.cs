namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Which coded passages an analysis counts. Privacy is part of the filter, not an afterthought:
/// a private tag counts only for its owner, and only when the owner asks for their own tags; the
/// everyone scope is public tags alone.
/// </summary>
/// <param name="ThemeIds">Themes to count (a passage counts for each of these it carries); null for every theme.</param>
/// <param name="AuthorIds">Only passages in articles by any of these authors; null for any author.</param>
/// <param name="ViewerId">The signed-in reader, or null.</param>
/// <param name="From">Articles published on or after this date (undated articles are then left out).</param>
/// <param name="To">Articles published on or before this date.</param>
public sealed record AnalysisFilter(
    IReadOnlySet<int>? ThemeIds = null,
    IReadOnlySet<int>? AuthorIds = null,
    TaggerScope Taggers = TaggerScope.Everyone,
    string? ViewerId = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public static AnalysisFilter Everything { get; } = new();

    /// <summary>What this filter counts, as text: equal keys count the same passages (the viewer matters only for "mine").</summary>
    public string Key
    {
        get
        {
            static string Ids(IReadOnlySet<int>? ids) => ids is null ? "*" : string.Join(',', ids.Order());
            var who = Taggers == TaggerScope.Mine ? $"mine:{ViewerId}" : "everyone";
            return $"{Ids(ThemeIds)}|{Ids(AuthorIds)}|{who}|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}";
        }
    }

    /// <summary>Whether this reader may count this tag at all, whoever's tags are asked for.</summary>
    public static bool Visible(CodedPassage passage, string? viewerId) =>
        passage.IsPublic || (viewerId is not null && passage.OwnerId == viewerId);

    public bool Counts(CodedPassage passage, CodedArticle? article)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var tagger = Taggers switch
        {
            TaggerScope.Mine => ViewerId is not null && passage.OwnerId == ViewerId,
            _ => passage.IsPublic,
        };
        return tagger && Includes(article);
    }

    /// <summary>Whether an article is inside the chosen authors and dates.</summary>
    public bool Includes(CodedArticle? article)
    {
        if (article is null)
        {
            return false;
        }
        if (AuthorIds is not null && !article.AuthorIds.Any(AuthorIds.Contains))
        {
            return false;
        }
        if (From is not null || To is not null)
        {
            if (article.Published is not { } published || published < From || published > To)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The passage's themes that this filter counts.</summary>
    public IEnumerable<int> Themes(CodedPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return ThemeIds is null ? passage.ThemeIds : passage.ThemeIds.Where(ThemeIds.Contains);
    }

    /// <summary>The passages this filter counts, each with its article.</summary>
    public IEnumerable<(CodedPassage Passage, CodedArticle Article)> Apply(IEnumerable<CodedPassage> passages, IReadOnlyDictionary<int, CodedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(articles);
        foreach (var passage in passages)
        {
            var article = articles.GetValueOrDefault(passage.ArticleId);
            if (Counts(passage, article))
            {
                yield return (passage, article!);
            }
        }
    }
}
