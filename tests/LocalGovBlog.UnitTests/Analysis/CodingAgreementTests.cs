using LocalGovBlog.Web.Analysis;

namespace LocalGovBlog.UnitTests.Analysis;

/// <summary>
/// Kappa over characters as NVivo's coding comparison defines it: every character of the compared text is a
/// unit that each coder coded or not; κ = (Po − Pe) / (1 − Pe). Every expected figure is worked by hand below.
/// </summary>
public class CodingAgreementTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void PartOverlap_CountsEveryCharacterOnce()
    {
        // 100 characters; A codes 0–40, B codes 20–60: both 20, only A 20, only B 20, neither 40.
        // Po = 60/100 = 0.6; A and B each code 0.4, so Pe = 0.4·0.4 + 0.6·0.6 = 0.52; κ = 0.08 / 0.48 = 1/6.
        var figures = AgreementFigures.Of(100, [(0, 40)], [(20, 60)]);

        Assert.Equal(new AgreementFigures(100, 20, 20, 20), figures);
        Assert.Equal(40, figures.Neither);
        Assert.Equal(60.0, figures.Agreement!.Value, Tolerance);
        Assert.Equal(1.0 / 6, figures.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void NoOverlap_GivesKappaBelowZero()
    {
        // A codes 0–10, B codes 50–60 of 100: Po = 80/100; Pe = 0.1·0.1 + 0.9·0.9 = 0.82; κ = −0.02 / 0.18 = −1/9,
        // although the coders "agree" on 80 % of the characters (the ones neither coded).
        var figures = AgreementFigures.Of(100, [(0, 10)], [(50, 60)]);

        Assert.Equal(0, figures.Both);
        Assert.Equal(80.0, figures.Agreement!.Value, Tolerance);
        Assert.Equal(-1.0 / 9, figures.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void TotalAgreement_GivesKappaOne()
    {
        // Both code 10–30 of 100: Po = 1, Pe = 0.2·0.2 + 0.8·0.8 = 0.68, κ = 0.32 / 0.32 = 1.
        var figures = AgreementFigures.Of(100, [(10, 30)], [(10, 20), (20, 30)]);

        Assert.Equal(100.0, figures.Agreement!.Value, Tolerance);
        Assert.Equal(1.0, figures.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void OneCoderSilent_GivesKappaZero()
    {
        // A codes 0–25 of 100, B nothing: Po = 0.75; Pe = 0.25·0 + 0.75·1 = 0.75; κ = 0 (no better than chance).
        var figures = AgreementFigures.Of(100, [(0, 25)], []);

        Assert.Equal(new AgreementFigures(100, 0, 25, 0), figures);
        Assert.Equal(75.0, figures.Agreement!.Value, Tolerance);
        Assert.Equal(0.0, figures.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void NeitherCoded_IsFullAgreement()
    {
        // Pe = 1: the coders cannot disagree, and NVivo reports κ = 1 with 100 % agreement.
        var figures = AgreementFigures.Of(100, [], []);

        Assert.Equal(100.0, figures.Agreement!.Value, Tolerance);
        Assert.Equal(1.0, figures.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void NoText_HasNoFigures()
    {
        var figures = AgreementFigures.Of(0, [(0, 5)], []);

        Assert.Null(figures.Agreement);
        Assert.Null(figures.Kappa);
    }

    [Fact]
    public void OverlappingRangesOfOneCoder_CountTheirCharactersOnce_AndStayInsideTheText()
    {
        // 0–10 and 5–20 cover 20 characters, not 25; 90–120 is clipped to the 100-character text.
        var figures = AgreementFigures.Of(100, [(0, 10), (5, 20), (90, 120)], []);

        Assert.Equal(30, figures.OnlyA);
    }

    [Fact]
    public void Comparison_PoolsCharactersOverArticles()
    {
        // Article 1 (100 characters) as in PartOverlap; article 2 (50) coded by neither.
        // Pooled: 150 characters, both 20, only A 20, only B 20, neither 90. Po = 110/150 = 165/225;
        // each codes 40/150 = 4/15, Pe = 16/225 + 121/225 = 137/225; κ = 28/88.
        var lengths = new Dictionary<int, int> { [1] = 100, [2] = 50 };
        CodedPassage[] a = [new(1, 1, "a", 0, 40, true, [7])];
        CodedPassage[] b = [new(2, 1, "b", 20, 60, true, [7]), new(3, 1, "b", 0, 100, true, [8])];

        var result = CodingComparison.Compare(lengths, [7, 8], a, b);

        var seven = result.Single(r => r.ThemeId == 7);
        Assert.Equal(new AgreementFigures(150, 20, 20, 20), seven.Overall);
        Assert.Equal(28.0 / 88, seven.Overall.Kappa!.Value, Tolerance);
        Assert.Equal(1.0 / 6, seven.ByArticle[1].Kappa!.Value, Tolerance);
        Assert.Equal(1.0, seven.ByArticle[2].Kappa!.Value, Tolerance);
        // Theme 8: only B coded all of article 1, so A is silent on it: κ = 0.
        var eight = result.Single(r => r.ThemeId == 8).Overall;
        Assert.Equal(new AgreementFigures(150, 0, 0, 100), eight);
        Assert.Equal(0.0, eight.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void Disagreements_ListOnlyPassagesTheOtherSideDidNotCodeInFull()
    {
        var lengths = new Dictionary<int, int> { [1] = 100 };
        CodedPassage[] a = [new(1, 1, "a", 0, 40, true, [7])];
        CodedPassage[] b = [new(2, 1, "b", 0, 20, true, [7]), new(3, 1, "b", 20, 40, true, [7]), new(4, 1, "b", 50, 60, true, [7])];

        var found = Assert.Single(CodingComparison.Disagreements(lengths, [7], a, b));

        // A's 0–40 is covered by B's two halves; B's 50–60 is B's alone.
        Assert.Empty(found.OnlyA);
        Assert.Equal(4, Assert.Single(found.OnlyB).TagId);
    }
}
