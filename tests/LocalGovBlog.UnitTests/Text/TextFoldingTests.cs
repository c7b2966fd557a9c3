using LocalGovBlog.Web.Text;

namespace LocalGovBlog.UnitTests.Text;

public class TextFoldingTests
{
    [Fact]
    public void NormalizeSpaces_TurnsEveryUnicodeSpaceIntoOneAsciiSpaceAndTrims()
    {
        Assert.Equal("the way post-Brexit", TextFolding.NormalizeSpaces("\u00A0the\u2009\u00A0way\u200Bpost-Brexit\t\r\n"));
    }

    [Fact]
    public void Fold_DropsCaseAndAccentsButKeepsPunctuation()
    {
        Assert.Equal("zoe muller-orsted", TextFolding.Fold("Zoë  Müller-Ørsted"));
    }

    [Fact]
    public void Fold_SpellsOutLettersThatUnicodeDoesNotDecompose()
    {
        Assert.Equal("strasse aero lodz", TextFolding.Fold("Straße Ærø Łódź"));
    }

    [Fact]
    public void Fold_TreatsANonBreakingSpaceAsASpace()
    {
        Assert.Equal(TextFolding.Fold("lead the way post-Brexit"), TextFolding.Fold("lead the way\u00A0post-Brexit"));
    }
}
