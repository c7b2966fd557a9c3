using CsCheck;
using LocalGovBlog.Web.Analysis;

namespace LocalGovBlog.UnitTests.Analysis;

/// <summary>
/// The snapshot follows the coding tag by tag (<see cref="AnalysisSnapshot.With"/>) instead of being read again after
/// every write; these apply random runs of tags made, changed and deleted, one write at a time as the store does, and
/// check that after each the snapshot is the one built from scratch over the same tags.
/// </summary>
public class SnapshotDeltaPropertyTests
{
    private static readonly Dictionary<int, CodedArticle> AllArticles = new()
    {
        [1] = new CodedArticle(1, new DateOnly(2019, 1, 5), [100, 101]),
        [2] = new CodedArticle(2, null, [101]),
        [3] = new CodedArticle(3, new DateOnly(2020, 7, 1), []),
        [4] = new CodedArticle(4, new DateOnly(2019, 3, 9), [102, 100]),
    };

    private static readonly Dictionary<string, string> Names = new() { ["ann"] = "Ann", ["bob"] = "Bob", ["me"] = "Me" };

    private static readonly Gen<CodedPassage> PassageGen =
        Gen.Select(Gen.Int[1, 4], Gen.OneOf(Gen.Const("ann"), Gen.Const("bob"), Gen.Const("me")), Gen.Int[0, 12], Gen.Int[1, 6], Gen.Bool, Gen.Int[1, 5].Array[1, 3],
            (article, owner, start, length, isPublic, themes) => new CodedPassage(0, article, owner, start, start + length, isPublic, themes));

    /// <summary>A write: a tag (by its place among the tags so far, or a new one) and what it becomes (null: deleted).</summary>
    private static readonly Gen<(int Pick, bool New, CodedPassage? After)> WriteGen =
        Gen.Select(Gen.Int[0, 1000], Gen.Bool, Gen.Frequency((3, PassageGen.Select(p => (CodedPassage?)p)), (1, Gen.Const((CodedPassage?)null))),
            (pick, isNew, after) => (pick, isNew, (CodedPassage?)after));

    private static readonly Gen<(CodedPassage[] Start, (int Pick, bool New, CodedPassage? After)[][] Writes)> RunGen =
        Gen.Select(PassageGen.Array[0, 10], WriteGen.Array[1, 3].Array[1, 12], (start, writes) =>
            (start.Select((p, i) => p with { TagId = i + 1 }).ToArray(), writes));

    [Fact]
    public void TagsWrittenOneByOne_GiveTheSnapshotBuiltFromScratch() =>
        RunGen.Sample(run =>
        {
            var tags = run.Start.ToDictionary(p => p.TagId);
            var snapshot = FromScratch(tags);
            var nextId = 100;
            foreach (var batch in run.Writes)
            {
                var changed = new HashSet<int>();
                foreach (var (pick, isNew, after) in batch)
                {
                    var id = isNew || tags.Count == 0 ? nextId++ : tags.Keys.Order().ElementAt(pick % tags.Count);
                    changed.Add(id);
                    if (after is null)
                    {
                        tags.Remove(id);
                    }
                    else
                    {
                        tags[id] = after with { TagId = id };
                    }
                }
                // What the store learns by reading the changed tags again: them, and the articles they were and are in.
                var affected = snapshot.ArticlesOf(changed).Concat(changed.Where(tags.ContainsKey).Select(id => tags[id].ArticleId)).ToHashSet();
                var articles = affected.ToDictionary(id => id, id => tags.Values.Any(p => p.ArticleId == id) ? AllArticles[id] : null);
                var passages = changed.Where(tags.ContainsKey).Select(id => tags[id]).ToList();
                var names = passages.Select(p => p.OwnerId).Distinct().ToDictionary(o => o, o => Names[o]);

                snapshot = snapshot.With(changed, passages, articles, names);

                AssertSame(FromScratch(tags), snapshot);
            }
        });

    [Fact]
    public void DeletingTheLastTagOfAnArticleAndOfATagger_TakesThemOutOfTheSnapshot()
    {
        var tags = new Dictionary<int, CodedPassage>
        {
            [1] = new(1, 1, "ann", 0, 4, true, [1]),
            [2] = new(2, 2, "bob", 3, 9, true, [2, 1]),
        };
        var snapshot = FromScratch(tags);

        var after = snapshot.With(new HashSet<int> { 2 }, [], new Dictionary<int, CodedArticle?> { [2] = null }, new Dictionary<string, string>());

        Assert.Equal([1], after.Articles.Keys);
        Assert.Equal(["ann"], after.TaggerNames.Keys);
        Assert.Equal(new CellCount(0, 0), after.CountThemes(Everyone).ByAuthor.RowTotal(2));
        Assert.Equal(new CellCount(1, 1), after.CountThemes(Everyone).ByAuthor.RowTotal(1));
    }

    private static readonly AnalysisFilter Everyone = new(null, null, TaggerScope.Everyone, null, null);

    /// <summary>The snapshot the store would read whole: the tagged articles, and the names of those who tagged.</summary>
    private static AnalysisSnapshot FromScratch(Dictionary<int, CodedPassage> tags) =>
        AnalysisSnapshot.Create(tags.Values,
            AllArticles.Values.Where(a => tags.Values.Any(p => p.ArticleId == a.Id)).ToDictionary(a => a.Id),
            tags.Values.Select(p => p.OwnerId).Distinct().ToDictionary(o => o, o => Names[o]));

    private static void AssertSame(AnalysisSnapshot expected, AnalysisSnapshot actual)
    {
        static object Shape(CodedPassage p) => (p.TagId, p.ArticleId, p.OwnerId, p.Start, p.End, p.IsPublic, string.Join(",", p.ThemeIds));
        Assert.Equal(expected.Passages.Select(Shape), actual.Passages.Select(Shape));
        Assert.Equal(expected.Articles.Keys.Order(), actual.Articles.Keys.Order());
        Assert.Equal(expected.TaggerNames.OrderBy(n => n.Key, StringComparer.Ordinal), actual.TaggerNames.OrderBy(n => n.Key, StringComparer.Ordinal));
        // The index by owner the coding comparison walks: each side is exactly the passages a filter over all of them picks.
        foreach (var viewer in new string?[] { null, "me", "ann" })
        {
            Assert.Equal(expected.Passages.Where(p => AnalysisFilter.Visible(p, viewer)).Select(p => p.OwnerId).Distinct().Order(StringComparer.Ordinal),
                actual.VisibleTaggers(viewer).Order(StringComparer.Ordinal));
            foreach (var (a, b) in new (string, string?)[] { ("ann", "bob"), ("me", "ann"), ("bob", null), ("me", null), ("nobody", "bob") })
            {
                var dated = new AnalysisFilter(From: new DateOnly(2019, 1, 1));
                foreach (var filter in new[] { Everyone, dated })
                {
                    var visible = expected.Passages.Where(p => AnalysisFilter.Visible(p, viewer) && filter.Includes(expected.Articles.GetValueOrDefault(p.ArticleId))).ToList();
                    var sides = actual.Coding(a, b, filter, viewer);
                    Assert.Equal(visible.Where(p => p.OwnerId == a).Select(Shape), sides.PassagesA.Select(Shape));
                    Assert.Equal(visible.Where(p => b is null ? p.OwnerId != a : p.OwnerId == b).Select(Shape), sides.PassagesB.Select(Shape));
                }
            }
        }
        foreach (var filter in new[] { Everyone, new AnalysisFilter(null, null, TaggerScope.Mine, "me", null) })
        {
            var (want, got) = (expected.CountThemes(filter), actual.CountThemes(filter));
            Assert.Equal((want.Counted, want.Undated), (got.Counted, got.Undated));
            Assert.Equal(want.Months, got.Months);
            foreach (var theme in Enumerable.Range(1, 5))
            {
                Assert.Equal(want.ByAuthor.RowTotal(theme), got.ByAuthor.RowTotal(theme));
                foreach (var author in new[] { 100, 101, 102 })
                {
                    Assert.Equal(want.ByAuthor[theme, author], got.ByAuthor[theme, author]);
                }
                foreach (var mode in new[] { CoOccurrenceMode.SamePassage, CoOccurrenceMode.SameArticle, CoOccurrenceMode.Overlapping })
                {
                    var (a, b) = (expected.CountCoOccurrence(filter, mode), actual.CountCoOccurrence(filter, mode));
                    Assert.All(Enumerable.Range(1, 5), other => Assert.Equal(a[theme, other], b[theme, other]));
                }
            }
        }
    }
}
