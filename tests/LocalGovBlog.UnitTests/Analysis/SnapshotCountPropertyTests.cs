using CsCheck;
using LocalGovBlog.Web.Analysis;

namespace LocalGovBlog.UnitTests.Analysis;

/// <summary>
/// The snapshot counts every matrix in one walk over passages sorted by article and start; these check the walk
/// against the definitions read literally (every passage, every pair of passages) on random small codings.
/// </summary>
public class SnapshotCountPropertyTests
{
    private static readonly int[] ThemeIds = [1, 2, 3, 4];

    private static readonly Gen<CodedArticle> ArticleGen =
        Gen.Select(Gen.Int[100, 103].Array[0, 3], Gen.Int[0, 30].Array[0, 1], (authors, day) =>
            new CodedArticle(0, day.Length == 0 ? null : new DateOnly(2019, 1, 1).AddDays(day[0] * 20), authors));

    private static readonly Gen<CodedPassage> PassageGen =
        Gen.Select(Gen.Int[1, 4], Gen.OneOf(Gen.Const("ann"), Gen.Const("bob"), Gen.Const("me")), Gen.Int[0, 12], Gen.Int[1, 6], Gen.Bool, Gen.Int[1, 4].Array[1, 3],
            (article, owner, start, length, isPublic, themes) => new CodedPassage(0, article, owner, start, start + length, isPublic, themes));

    private static readonly Gen<AnalysisFilter> FilterGen =
        Gen.Select(Gen.Int[1, 4].Array[0, 2], Gen.Int[100, 103].Array[0, 1], Gen.Bool, Gen.Int[0, 30].Array[0, 1], (themes, authors, mine, from) =>
            new AnalysisFilter(
                themes.Length == 0 ? null : themes.ToHashSet(),
                authors.Length == 0 ? null : authors.ToHashSet(),
                mine ? TaggerScope.Mine : TaggerScope.Everyone, mine ? "me" : null,
                from.Length == 0 ? null : new DateOnly(2019, 1, 1).AddDays(from[0] * 10)));

    private static readonly Gen<(Dictionary<int, CodedArticle> Articles, CodedPassage[] Passages, AnalysisFilter Filter)> CodingGen =
        Gen.Select(ArticleGen.Array[4], PassageGen.Array[0, 14], FilterGen, (articles, passages, filter) => (
            articles.Select((a, i) => a with { Id = i + 1 }).ToDictionary(a => a.Id),
            passages.Select((p, i) => p with { TagId = 50 - i }).ToArray(),
            filter));

    [Fact]
    public void ThemesByAuthorAndMonth_MatchCountingEveryPassage() =>
        CodingGen.Sample(coding =>
        {
            var (articles, passages, filter) = coding;
            var counts = AnalysisSnapshot.Create(passages, articles, new Dictionary<string, string>()).CountThemes(filter);
            var counted = filter.Apply(passages, articles).ToList();
            foreach (var theme in ThemeIds)
            {
                var with = counted.Where(c => filter.Themes(c.Passage).Contains(theme)).ToList();
                Assert.Equal(new CellCount(with.Count, with.Select(c => c.Article.Id).Distinct().Count()), counts.ByAuthor.RowTotal(theme));
                foreach (var author in new[] { 100, 101, 102, 103 })
                {
                    var cell = with.Where(c => c.Article.AuthorIds.Contains(author)).ToList();
                    Assert.Equal(new CellCount(cell.Count, cell.Select(c => c.Article.Id).Distinct().Count()), counts.ByAuthor[theme, author]);
                }
                foreach (var month in with.Select(c => c.Article.Month).OfType<string>().Distinct())
                {
                    var cell = with.Where(c => c.Article.Month == month).ToList();
                    Assert.Equal(new CellCount(cell.Count, cell.Select(c => c.Article.Id).Distinct().Count()), counts.ByMonth[theme, month]);
                }
            }
            var anyTheme = counted.Where(c => filter.Themes(c.Passage).Any()).ToList();
            Assert.Equal((anyTheme.Count, anyTheme.Count(c => c.Article.Published is null)), (counts.Counted, counts.Undated));
            Assert.Equal(AnalysisService.MonthSpan(counted.Select(c => c.Article.Published).OfType<DateOnly>()), counts.Months);
        });

    [Fact]
    public void CoOccurrence_MatchesCountingEveryRangeArticleAndPairOfPassages() =>
        CodingGen.Sample(coding =>
        {
            var (articles, passages, filter) = coding;
            var snapshot = AnalysisSnapshot.Create(passages, articles, new Dictionary<string, string>());
            var counted = filter.Apply(passages, articles).Select(c => c.Passage).ToList();
            bool Has(CodedPassage p, int theme) => filter.Themes(p).Contains(theme);
            var same = snapshot.CountCoOccurrence(filter, CoOccurrenceMode.SamePassage);
            var article = snapshot.CountCoOccurrence(filter, CoOccurrenceMode.SameArticle);
            var overlap = snapshot.CountCoOccurrence(filter, CoOccurrenceMode.Overlapping);
            foreach (var a in ThemeIds)
            {
                foreach (var b in ThemeIds)
                {
                    var ranges = counted.GroupBy(p => (p.ArticleId, p.Start, p.End)).Count(g => g.Any(p => Has(p, a)) && g.Any(p => Has(p, b)));
                    Assert.Equal(ranges, same[a, b]);
                    var inArticles = counted.GroupBy(p => p.ArticleId).Count(g => g.Any(p => Has(p, a)) && g.Any(p => Has(p, b)));
                    Assert.Equal(inArticles, article[a, b]);
                    // A passage with both themes pairs with itself; two passages pair when they share a character,
                    // and count off the diagonal when one has the row's theme and the other the column's.
                    var pairs = counted.Count(p => Has(p, a) && Has(p, b))
                        + (a == b ? 0 : counted.SelectMany((p, i) => counted.Skip(i + 1).Where(q => p.Overlaps(q)
                            && ((Has(p, a) && Has(q, b)) || (Has(p, b) && Has(q, a))))).Count());
                    Assert.Equal(pairs, overlap[a, b]);
                }
            }
        });
}
