using LocalGovBlog.Web.Text;

namespace LocalGovBlog.UnitTests.Text;

public class SlugTests
{
    [Fact]
    public void Slug_OfTheFirstSeedTitleReadsAsItsWords()
    {
        Assert.Equal("cities-will-need-to-lead-the-way-post-brexit", Slug.From("Cities will need to lead the way\u00A0post-Brexit"));
    }

    [Fact]
    public void Slug_CutsALongTitleAtAWordBoundary()
    {
        var slug = Slug.From("Catherine Staite reflects on the need for 21st century partnerships in Birmingham and the West Midlands combined authority");

        Assert.Equal("catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham-and-the-west", slug);
        Assert.InRange(slug.Length, 1, Slug.MaxLength);
    }

    [Fact]
    public void Slug_KeepsTheWholeOfTheLongestSeedTitle()
    {
        Assert.Equal("catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham",
            Slug.From("Catherine Staite reflects on the need for 21st century partnerships in\u00A0Birmingham"));
    }

    [Fact]
    public void Slug_CutsAnUnbrokenRunAtTheMaximumLength()
    {
        Assert.Equal(new string('a', Slug.MaxLength), Slug.From(new string('A', 120)));
    }

    [Fact]
    public void Slug_FoldsAccentsToAscii()
    {
        Assert.Equal("zoe-muller-orsted", Slug.From("Zoë Müller-Ørsted"));
    }

    [Theory]
    [InlineData("Birmingham’s councils don’t agree")]
    [InlineData("Birmingham's councils don't agree")]
    public void Slug_DropsApostrophesInsteadOfSplittingWordsAtThem(string title)
    {
        Assert.Equal("birminghams-councils-dont-agree", Slug.From(title));
    }

    [Theory]
    [InlineData("")]
    [InlineData("“…”")]
    public void Slug_OfATitleWithNoLettersIsUntitled(string title)
    {
        Assert.Equal("untitled", Slug.From(title));
    }
}
