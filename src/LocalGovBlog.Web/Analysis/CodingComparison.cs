namespace LocalGovBlog.Web.Analysis;

/// <summary>One theme's agreement between two coders: over all compared articles, and article by article.</summary>
public sealed record ThemeAgreement(int ThemeId, AgreementFigures Overall, IReadOnlyDictionary<int, AgreementFigures> ByArticle);

/// <summary>Where two coders part ways on a theme in an article: each side's passages that the other did not code in full.</summary>
public sealed record Disagreement(int ThemeId, int ArticleId, IReadOnlyList<CodedPassage> OnlyA, IReadOnlyList<CodedPassage> OnlyB);

/// <summary>
/// A coding comparison between coder A and coder B (a person, or everyone else taken together) over a set of
/// articles: per theme, agreement and Cohen's kappa over the characters of every compared article (NVivo's
/// unit), pooled over the articles (so a long article weighs more, as in NVivo's size-weighted average),
/// with the passages where they disagree.
/// </summary>
public static class CodingComparison
{
    /// <param name="articleLengths">Compared articles and the length of each one's text in UTF-16 code units.</param>
    public static IReadOnlyList<ThemeAgreement> Compare(
        IReadOnlyDictionary<int, int> articleLengths, IReadOnlyList<int> themeIds,
        IReadOnlyCollection<CodedPassage> coderA, IReadOnlyCollection<CodedPassage> coderB)
    {
        ArgumentNullException.ThrowIfNull(articleLengths);
        ArgumentNullException.ThrowIfNull(themeIds);
        var a = ByArticle(coderA, articleLengths);
        var b = ByArticle(coderB, articleLengths);
        var results = new List<ThemeAgreement>();
        foreach (var theme in themeIds)
        {
            var overall = default(AgreementFigures);
            var perArticle = new Dictionary<int, AgreementFigures>();
            foreach (var (articleId, length) in articleLengths)
            {
                var figures = AgreementFigures.Of(length, Ranges(a, articleId, theme), Ranges(b, articleId, theme));
                perArticle[articleId] = figures;
                overall += figures;
            }
            results.Add(new ThemeAgreement(theme, overall, perArticle));
        }
        return results;
    }

    /// <summary>Each side's passages with the theme that the other side did not code in full, article by article.</summary>
    public static IReadOnlyList<Disagreement> Disagreements(
        IReadOnlyDictionary<int, int> articleLengths, IReadOnlyList<int> themeIds,
        IReadOnlyCollection<CodedPassage> coderA, IReadOnlyCollection<CodedPassage> coderB)
    {
        ArgumentNullException.ThrowIfNull(articleLengths);
        ArgumentNullException.ThrowIfNull(themeIds);
        var a = ByArticle(coderA, articleLengths);
        var b = ByArticle(coderB, articleLengths);
        var found = new List<Disagreement>();
        foreach (var articleId in articleLengths.Keys.Order())
        {
            var length = articleLengths[articleId];
            foreach (var theme in themeIds)
            {
                var mineA = With(a, articleId, theme);
                var mineB = With(b, articleId, theme);
                var coveredA = AgreementFigures.Union(mineA.Select(p => (p.Start, p.End)), length);
                var coveredB = AgreementFigures.Union(mineB.Select(p => (p.Start, p.End)), length);
                var onlyA = mineA.Where(p => !Covers(coveredB, p)).ToList();
                var onlyB = mineB.Where(p => !Covers(coveredA, p)).ToList();
                if (onlyA.Count > 0 || onlyB.Count > 0)
                {
                    found.Add(new Disagreement(theme, articleId, onlyA, onlyB));
                }
            }
        }
        return found;
    }

    private static Dictionary<int, List<CodedPassage>> ByArticle(IReadOnlyCollection<CodedPassage> passages, IReadOnlyDictionary<int, int> articles)
    {
        ArgumentNullException.ThrowIfNull(passages);
        return passages.Where(p => articles.ContainsKey(p.ArticleId)).GroupBy(p => p.ArticleId).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static List<CodedPassage> With(Dictionary<int, List<CodedPassage>> byArticle, int articleId, int theme) =>
        byArticle.TryGetValue(articleId, out var passages)
            ? [.. passages.Where(p => p.ThemeIds.Contains(theme)).OrderBy(p => p.Start).ThenBy(p => p.End)]
            : [];

    private static IEnumerable<(int, int)> Ranges(Dictionary<int, List<CodedPassage>> byArticle, int articleId, int theme) =>
        With(byArticle, articleId, theme).Select(p => (p.Start, p.End));

    private static bool Covers(List<(int Start, int End)> union, CodedPassage passage) =>
        passage.Start >= passage.End || union.Any(r => r.Start <= passage.Start && passage.End <= r.End);
}
