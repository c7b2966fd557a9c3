using LocalGovBlog.Web.Analysis;

namespace LocalGovBlog.UnitTests.Analysis;

/// <summary>The theme × author matrix and the co-occurrence matrix on a small coding counted by hand.</summary>
public class MatrixTests
{
    private const int A = 1, B = 2, C = 3;

    private static readonly Dictionary<int, CodedArticle> Articles = new()
    {
        [1] = new CodedArticle(1, new DateOnly(2019, 5, 17), [100, 200]),
        [2] = new CodedArticle(2, new DateOnly(2019, 6, 2), [200]),
        [3] = new CodedArticle(3, null, [300]),
    };

    // Article 1 (authors 100 and 200): p1 0–10 {A}, p2 0–10 {B} (another tag on the same words), p3 5–15 {C}, p4 20–30 {A, B}.
    // Article 2 (author 200): p5 0–5 {C}. Article 3: p6 {A}, private to "me".
    private static readonly CodedPassage[] Passages =
    [
        new(1, 1, "ann", 0, 10, true, [A]),
        new(2, 1, "bob", 0, 10, true, [B]),
        new(3, 1, "ann", 5, 15, true, [C]),
        new(4, 1, "bob", 20, 30, true, [A, B]),
        new(5, 2, "ann", 0, 5, true, [C]),
        new(6, 3, "me", 0, 5, false, [A]),
    ];

    private static readonly AnalysisSnapshot Snapshot = AnalysisSnapshot.Create(Passages, Articles, new Dictionary<string, string>());

    private static CrossTab<int> ByAuthor(AnalysisFilter filter) => Snapshot.CountThemes(filter).ByAuthor;

    [Fact]
    public void ThemesByAuthor_CountsPassagesAndArticlesPerCell()
    {
        var tab = ByAuthor(AnalysisFilter.Everything);

        // A: p1, p4 in article 1 → author 100 and author 200 each 2 passages in 1 article.
        Assert.Equal(new CellCount(2, 1), tab[A, 100]);
        Assert.Equal(new CellCount(2, 1), tab[A, 200]);
        // C: p3 (article 1) and p5 (article 2): author 100 has 1 in 1, author 200 has 2 in 2.
        Assert.Equal(new CellCount(1, 1), tab[C, 100]);
        Assert.Equal(new CellCount(2, 2), tab[C, 200]);
        Assert.Equal(new CellCount(2, 1), tab[B, 200]);
        // The private tag in article 3 is not everyone's: author 300 has nothing.
        Assert.Equal(default, tab[A, 300]);
        // A row's total counts each passage once, although article 1 has two authors.
        Assert.Equal(new CellCount(2, 1), tab.RowTotal(A));
        Assert.Equal(new CellCount(2, 2), tab.RowTotal(C));
    }

    [Fact]
    public void MyTags_CountMyPrivateTagsAndNobodyElses()
    {
        var tab = ByAuthor(new AnalysisFilter(Taggers: TaggerScope.Mine, ViewerId: "me"));

        Assert.Equal(new CellCount(1, 1), tab[A, 300]);
        Assert.Equal(default, tab[A, 100]);
        Assert.Equal(new CellCount(1, 1), tab.RowTotal(A));
    }

    [Fact]
    public void Filters_NarrowThemesAuthorsAndDates()
    {
        Assert.Equal(default, ByAuthor(new AnalysisFilter(ThemeIds: new HashSet<int> { C }))[A, 100]);
        Assert.Equal(new CellCount(1, 1), ByAuthor(new AnalysisFilter(ThemeIds: new HashSet<int> { C }))[C, 100]);
        // Only articles by author 100 (article 1): C keeps p3 only, and author 200's C cell shrinks to it.
        Assert.Equal(new CellCount(1, 1), ByAuthor(new AnalysisFilter(AuthorIds: new HashSet<int> { 100 }))[C, 200]);
        // June 2019 only: article 2.
        var june = ByAuthor(new AnalysisFilter(From: new DateOnly(2019, 6, 1), To: new DateOnly(2019, 6, 30)));
        Assert.Equal(new CellCount(1, 1), june[C, 200]);
        Assert.Equal(default, june[A, 200]);
    }

    [Fact]
    public void ThemesByMonth_LeavesUndatedArticlesOut()
    {
        var filter = new AnalysisFilter(Taggers: TaggerScope.Mine, ViewerId: "me");
        var mine = Snapshot.CountThemes(filter);
        Assert.Empty(mine.ByMonth.ColumnWeights);
        Assert.Empty(mine.Months);
        Assert.Equal((1, 1), (mine.Counted, mine.Undated));

        var everyone = Snapshot.CountThemes(AnalysisFilter.Everything);
        Assert.Equal(new CellCount(1, 1), everyone.ByMonth[C, "2019-06"]);
        Assert.Equal(new CellCount(2, 1), everyone.ByMonth[A, "2019-05"]);
        Assert.Equal([new DateOnly(2019, 5, 1), new DateOnly(2019, 6, 1)], everyone.Months);
        Assert.Equal((5, 0), (everyone.Counted, everyone.Undated));
    }

    private static CoOccurrence Co(CoOccurrenceMode mode) => Snapshot.CountCoOccurrence(AnalysisFilter.Everything, mode);

    [Fact]
    public void CoOccurrence_SamePassage_CountsRangesCodedWithBothThemes()
    {
        var co = Co(CoOccurrenceMode.SamePassage);

        // 0–10 of article 1 is A (p1) and B (p2); 20–30 is A and B (p4): two ranges.
        Assert.Equal(2, co[A, B]);
        Assert.Equal(2, co[B, A]);
        Assert.Equal(0, co[A, C]);
        Assert.Equal(0, co[B, C]);
        // Diagonal: the theme's own ranges (A on 0–10 and 20–30; C on 5–15 and article 2's 0–5).
        Assert.Equal(2, co[A, A]);
        Assert.Equal(2, co[C, C]);
        Assert.Equal(2, co.MaxOffDiagonal);
    }

    [Fact]
    public void CoOccurrence_Overlapping_CountsPairsOfPassagesThatShareWords()
    {
        var co = Co(CoOccurrenceMode.Overlapping);

        // A–B: p1 with p2 (same words) and p4 with itself; A–C: p1 with p3 (5–10); B–C: p2 with p3.
        Assert.Equal(2, co[A, B]);
        Assert.Equal(1, co[A, C]);
        Assert.Equal(1, co[B, C]);
        // Diagonal: passages with the theme (A: p1, p4).
        Assert.Equal(2, co[A, A]);
        Assert.Equal(2, co[B, B]);
        Assert.Equal(2, co[C, C]);
    }

    [Fact]
    public void CoOccurrence_SameArticle_CountsArticlesWithBothThemes()
    {
        var co = Co(CoOccurrenceMode.SameArticle);

        Assert.Equal(1, co[A, B]);
        Assert.Equal(1, co[A, C]);
        Assert.Equal(1, co[B, C]);
        Assert.Equal(1, co[A, A]);
        Assert.Equal(2, co[C, C]);
    }

    [Fact]
    public void PassagesBehindACoOccurrenceCell_AreTheOnesThatMakeIt()
    {
        var counted = AnalysisFilter.Everything.Apply(Passages, Articles).Select(p => p.Passage).ToList();

        Assert.Equal([1, 2, 4], CoOccurrence.Behind(counted, AnalysisFilter.Everything, CoOccurrenceMode.SamePassage, A, B).Select(p => p.TagId));
        Assert.Equal([1, 3], CoOccurrence.Behind(counted, AnalysisFilter.Everything, CoOccurrenceMode.Overlapping, A, C).Select(p => p.TagId));
        Assert.Equal([1, 3, 4], CoOccurrence.Behind(counted, AnalysisFilter.Everything, CoOccurrenceMode.SameArticle, A, C).Select(p => p.TagId));
    }

    [Fact]
    public void CodebookReport_CountsEachThemeAndQuotesOnePassagePerArticle()
    {
        ThemeInfo[] themes = [new(A, "a", "A", "#000000", null), new(C, "c", "C", "#000000", null), new(9, "unused", "Unused", "#000000", null)];

        var report = CodebookReport.Count(AnalysisFilter.Everything.Apply(Passages, Articles), AnalysisFilter.Everything, themes);

        var a = report[0];
        Assert.Equal((2, 1, 2), (a.Passages, a.Articles, a.Taggers));
        Assert.Equal([(100, 2), (200, 2)], a.TopAuthors);
        Assert.Equal([1], a.Examples.Select(p => p.TagId));
        var c = report[1];
        Assert.Equal((2, 2, 1), (c.Passages, c.Articles, c.Taggers));
        Assert.Equal([(200, 2), (100, 1)], c.TopAuthors);
        Assert.Equal([3, 5], c.Examples.Select(p => p.TagId));
        Assert.Equal(0, report[2].Passages);
        Assert.Empty(report[2].Examples);
    }

    [Theory]
    [InlineData("1. [click](https://evil.example)", @"1\. \[click\]\(https://evil.example\)")]
    [InlineData("- a list?", @"\- a list?")]
    [InlineData("# heading <b>bold</b> *x*", @"\# heading \<b\>bold\</b\> \*x\*")]
    [InlineData("Plain words, 2019.", "Plain words, 2019.")]
    public void CodebookMarkdown_KeepsQuotedWordsAsWords(string quote, string written) =>
        Assert.Equal(written, CodebookReport.Escape(quote));
}
