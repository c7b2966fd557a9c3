using CsCheck;
using LocalGovBlog.Web.Analysis;

namespace LocalGovBlog.UnitTests.Analysis;

/// <summary>
/// The coding comparison works straight from the snapshot's arrays (<see cref="AnalysisSnapshot.CodingSides"/>); these
/// check it on random small codings against <see cref="CodingComparison"/> over the passages as objects, picked by
/// visibility and filter from the whole coding: the figures, the articles compared and the disagreements listed, in order.
/// </summary>
public class CodingSidesPropertyTests
{
    private static readonly Gen<CodedArticle> ArticleGen =
        Gen.Select(Gen.Int[100, 102].Array[0, 2], Gen.Int[0, 30].Array[0, 1], (authors, day) =>
            new CodedArticle(0, day.Length == 0 ? null : new DateOnly(2019, 1, 1).AddDays(day[0] * 20), authors));

    // Passages may be empty, start before the text or run past its end, and repeat a theme: the comparison clips and dedupes.
    private static readonly Gen<CodedPassage> PassageGen =
        Gen.Select(Gen.Int[1, 4], Gen.OneOf(Gen.Const("ann"), Gen.Const("bob"), Gen.Const("me")), Gen.Int[-2, 16], Gen.Int[0, 8], Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false))), Gen.Int[1, 5].Array[1, 3],
            (article, owner, start, length, isPublic, themes) => new CodedPassage(0, article, owner, start, start + length, isPublic, themes));

    private static readonly Gen<string?> CoderGen = Gen.Int[0, 4].Select(i => new string?[] { "ann", "bob", "me", "nobody", null }[i]);

    private sealed record Case(
        Dictionary<int, CodedArticle> Articles, CodedPassage[] Passages, string A, string? B, string? Viewer, AnalysisFilter Filter,
        int[] ThemeIds, Dictionary<int, int>? Named, int[] Lengths, int Max);

    private static readonly Gen<(string? A, string? B, string? Viewer)> WhoGen =
        Gen.Select(CoderGen, CoderGen, Gen.Int[0, 2].Select(i => new string?[] { null, "me", "ann" }[i]), (a, b, viewer) => (a, b, viewer));

    private static readonly Gen<(bool Dated, int[] Themes, int[][] Named)> WhatGen =
        Gen.Select(Gen.Bool, Gen.Int[1, 6].Array[0, 6], Gen.Int[1, 5].Array[0, 4].Array[0, 1], (dated, themes, named) => (dated, themes, named));

    private static readonly Gen<(int[] Lengths, int Max)> SizeGen =
        Gen.Select(Gen.Int[0, 24].Array[6], Gen.Frequency((4, Gen.Int[1, 6]), (1, Gen.Const(int.MaxValue))), (lengths, max) => (lengths, max));

    private static readonly Gen<Case> CaseGen =
        Gen.Select(ArticleGen.Array[4], PassageGen.Array[0, 24], WhoGen, WhatGen, SizeGen, (articles, passages, who, what, sizes) =>
        {
            var a = who.A ?? "ann";
            return new Case(
                articles.Select((x, i) => x with { Id = i + 1 }).ToDictionary(x => x.Id),
                [.. passages.Select((p, i) => p with { TagId = 60 - (i * 7 % 60) })],
                a, who.B == a ? null : who.B, who.Viewer,
                what.Dated ? new AnalysisFilter(From: new DateOnly(2019, 3, 1)) : AnalysisFilter.Everything,
                [.. what.Themes.Distinct()],
                what.Named.Length == 0 ? null : what.Named[0].Distinct().ToDictionary(id => id, id => sizes.Lengths[id]),
                sizes.Lengths, sizes.Max);
        });

    [Fact]
    public void ComparisonFromTheArrays_MatchesTheComparisonOverPassages() =>
        CaseGen.Sample(c =>
        {
            var snapshot = AnalysisSnapshot.Create(c.Passages, c.Articles.Where(x => c.Passages.Any(p => p.ArticleId == x.Key)).ToDictionary(),
                c.Passages.Select(p => p.OwnerId).Distinct().ToDictionary(o => o, o => o));
            // The passages as the coding comparison saw them before it worked from the arrays: every one, in the snapshot's order.
            var visible = snapshot.Passages
                .Where(p => AnalysisFilter.Visible(p, c.Viewer) && c.Filter.Includes(snapshot.Articles.GetValueOrDefault(p.ArticleId))).ToList();
            var sideA = visible.Where(p => p.OwnerId == c.A).ToList();
            var sideB = visible.Where(p => c.B is null ? p.OwnerId != c.A : p.OwnerId == c.B).ToList();

            var sides = snapshot.Coding(c.A, c.B, c.Filter, c.Viewer);

            var coded = sideA.Concat(sideB).Where(p => p.ThemeIds.Any(c.ThemeIds.Contains)).Select(p => p.ArticleId).Distinct().Order();
            Assert.Equal(coded, sides.ArticlesWith(c.ThemeIds));
            // Compared: the articles named (one of them, 5, has no tag at all), or those either side coded with a theme.
            var lengths = c.Named ?? coded.ToDictionary(id => id, id => c.Lengths[id]);
            var outcome = sides.Compare(lengths, c.ThemeIds, c.Max);
            Assert.Equal(
                CodingComparison.Compare(lengths, c.ThemeIds, sideA, sideB).Select(t => (t.ThemeId, t.Overall)),
                outcome.Themes);
            static object Shape(Disagreement d) =>
                (d.ThemeId, d.ArticleId, string.Join(",", d.OnlyA.Select(p => p.TagId)), string.Join(",", d.OnlyB.Select(p => p.TagId)));
            Assert.Equal(
                CodingComparison.Disagreements(lengths, c.ThemeIds, sideA, sideB, c.Max).Select(Shape),
                outcome.Disagreements.Select(Shape));
        }, iter: 5000);
}
