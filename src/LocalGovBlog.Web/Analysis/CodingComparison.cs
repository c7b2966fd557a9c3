namespace LocalGovBlog.Web.Analysis;

/// <summary>One theme's agreement between two coders: over all compared articles, and article by article.</summary>
public sealed record ThemeAgreement(int ThemeId, AgreementFigures Overall, IReadOnlyDictionary<int, AgreementFigures> ByArticle);

/// <summary>Where two coders part ways on a theme in an article: each side's passages that the other did not code in full.</summary>
public sealed record Disagreement(int ThemeId, int ArticleId, IReadOnlyList<CodedPassage> OnlyA, IReadOnlyList<CodedPassage> OnlyB);

/// <summary>
/// A coding comparison between coder A and coder B (a person, or everyone else taken together) over a set of
/// articles: per theme, agreement and Cohen's kappa over the characters of every compared article (NVivo's
/// unit), pooled over the articles (so a long article weighs more, as in NVivo's size-weighted average),
/// with the passages where they disagree. Written for reading: the comparison the app serves is worked from the
/// snapshot's arrays (<see cref="AnalysisSnapshot.CodingSides"/>), which a property test holds to this one.
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
        var a = ByArticleAndTheme(coderA, articleLengths, themeIds);
        var b = ByArticleAndTheme(coderB, articleLengths, themeIds);
        var results = new List<ThemeAgreement>();
        foreach (var theme in themeIds)
        {
            var overall = default(AgreementFigures);
            var perArticle = new Dictionary<int, AgreementFigures>(articleLengths.Count);
            foreach (var (articleId, length) in articleLengths)
            {
                var mineA = a.GetValueOrDefault((articleId, theme));
                var mineB = b.GetValueOrDefault((articleId, theme));
                // An article neither side coded with the theme is all agreement: every character is "neither".
                var figures = mineA is null && mineB is null
                    ? new AgreementFigures(length, 0, 0, 0)
                    : AgreementFigures.Of(length, Ranges(mineA), Ranges(mineB));
                perArticle[articleId] = figures;
                overall += figures;
            }
            results.Add(new ThemeAgreement(theme, overall, perArticle));
        }
        return results;
    }

    /// <summary>Each side's passages with the theme that the other side did not code in full, article by article (the
    /// first <paramref name="max"/> articles and themes where they part).</summary>
    public static IReadOnlyList<Disagreement> Disagreements(
        IReadOnlyDictionary<int, int> articleLengths, IReadOnlyList<int> themeIds,
        IReadOnlyCollection<CodedPassage> coderA, IReadOnlyCollection<CodedPassage> coderB, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(articleLengths);
        ArgumentNullException.ThrowIfNull(themeIds);
        var a = ByArticleAndTheme(coderA, articleLengths, themeIds);
        var b = ByArticleAndTheme(coderB, articleLengths, themeIds);
        var found = new List<Disagreement>();
        foreach (var articleId in articleLengths.Keys.Order())
        {
            var length = articleLengths[articleId];
            foreach (var theme in themeIds)
            {
                var mineA = a.GetValueOrDefault((articleId, theme)) ?? [];
                var mineB = b.GetValueOrDefault((articleId, theme)) ?? [];
                if (mineA.Count == 0 && mineB.Count == 0)
                {
                    continue;
                }
                var coveredA = AgreementFigures.Union(Ranges(mineA), length);
                var coveredB = AgreementFigures.Union(Ranges(mineB), length);
                var onlyA = mineA.Where(p => !Covers(coveredB, p)).ToList();
                var onlyB = mineB.Where(p => !Covers(coveredA, p)).ToList();
                if (onlyA.Count > 0 || onlyB.Count > 0)
                {
                    found.Add(new Disagreement(theme, articleId, onlyA, onlyB));
                    if (found.Count == max)
                    {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /// <summary>Each side's passages in the compared articles, by article and theme, in order of start and end.</summary>
    private static Dictionary<(int Article, int Theme), List<CodedPassage>> ByArticleAndTheme(
        IReadOnlyCollection<CodedPassage> passages, IReadOnlyDictionary<int, int> articles, IReadOnlyList<int> themeIds)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var themes = themeIds.ToHashSet();
        var groups = new Dictionary<(int, int), List<CodedPassage>>();
        foreach (var passage in passages)
        {
            if (!articles.ContainsKey(passage.ArticleId))
            {
                continue;
            }
            foreach (var theme in passage.ThemeIds.Distinct())
            {
                if (!themes.Contains(theme))
                {
                    continue;
                }
                if (!groups.TryGetValue((passage.ArticleId, theme), out var group))
                {
                    group = [];
                    groups[(passage.ArticleId, theme)] = group;
                }
                group.Add(passage);
            }
        }
        foreach (var group in groups.Values.Where(g => g.Count > 1))
        {
            var sorted = group.OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
            group.Clear();
            group.AddRange(sorted);
        }
        return groups;
    }

    private static IEnumerable<(int, int)> Ranges(List<CodedPassage>? passages) =>
        passages is null ? [] : passages.Select(p => (p.Start, p.End));

    private static bool Covers(List<(int Start, int End)> union, CodedPassage passage) =>
        passage.Start >= passage.End || union.Any(r => r.Start <= passage.Start && passage.End <= r.End);
}
