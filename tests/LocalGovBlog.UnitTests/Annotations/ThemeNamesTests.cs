using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

public class ThemeNamesTests
{
    private static readonly string[] Seed = ["Partnership", "Devolution", "Brexit", "Austerity", "Leadership", "Co-production", "Accountability", "Local finance", "Housing", "Health and care"];

    [Theory]
    [InlineData("Devolution", "DEVOLUTION")]
    [InlineData("Devolution", "Dévolution")]
    [InlineData("Co-production", "co production")]
    [InlineData("Local finance", "Local\u00A0 finance")]
    [InlineData("O’Brien effect", "O'Brien effect")]
    public void Same_FoldsCaseAccentsSpacingAndPunctuation(string a, string b) => Assert.True(ThemeNames.Same(a, b));

    [Fact]
    public void Same_KeepsDifferentWordsApart() => Assert.False(ThemeNames.Same("Housing", "Housing need"));

    [Theory]
    [InlineData("Devolutoin", "Devolution")]
    [InlineData("devolution", "Devolution")]
    [InlineData("Partnerships", "Partnership")]
    [InlineData("Brexti", "Brexit")]
    [InlineData("Acountability", "Accountability")]
    public void Near_SuggestsTheThemeATypoMeant(string typed, string meant) => Assert.Equal(meant, ThemeNames.Near(typed, Seed)[0].Name);

    [Theory]
    [InlineData("Climate")]
    [InlineData("Transport")]
    [InlineData("Hus")]
    public void Near_SuggestsNothingForANewIdea(string typed) => Assert.Empty(ThemeNames.Near(typed, Seed));

    [Theory]
    [InlineData("", "Enter a name")]
    [InlineData("   ", "Enter a name")]
    [InlineData("—", "letter or digit")]
    public void Problem_SaysWhatIsWrongInPlainWords(string name, string expected) =>
        Assert.Contains(expected, ThemeNames.Problem(name), StringComparison.Ordinal);

    [Fact]
    public void Problem_RefusesOverlongNames() => Assert.Contains("at most 60", ThemeNames.Problem(new string('a', 61)), StringComparison.Ordinal);
}
