using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>The real seed, seeds/inlogov-blog.txt, read as the importer will read it.</summary>
public class DumpParserSeedTests
{
    private readonly string seed = SampleDumps.Read(SampleDumps.Seed);

    [Fact]
    public void Parser_FindsTheSeedsThreePostsWithTheirTitlesKeptCharacterForCharacter()
    {
        var articles = ParsedDump.Articles(seed);

        Assert.Equal(
            [
                "Cities will need to lead the way\u00A0post-Brexit",
                "Creating our fate through our own\u00A0behaviours",
                "Catherine Staite reflects on the need for 21st century partnerships in\u00A0Birmingham",
            ],
            articles.Select(article => article.Title));
        Assert.Equal([0, 1, 2], articles.Select(article => article.Ordinal));
    }

    [Fact]
    public void Parser_ReadsTheSeedsBylinesIntoAuthorsAndRoles()
    {
        var articles = ParsedDump.Articles(seed);

        Assert.Equal(
            [("Paul Bunyan", null), ("Anthony Mason", "Senior Associate INLOGOV"), ("Catherine Staite", "Director, INLOGOV")],
            articles.Select(article => (Assert.Single(article.Authors).Name, article.Role)));
        Assert.All(articles, article => Assert.Null(article.Authors[0].Honorific));
    }

    [Fact]
    public void Parser_MarksOnlyTheFirstSeedPostAsAnExcerpt()
    {
        var articles = ParsedDump.Articles(seed);

        Assert.Equal([true, false, false], articles.Select(article => article.IsExcerpt));
        Assert.Equal(9, articles[0].ContinueReadingLine);
        Assert.DoesNotContain(articles[0].Blocks, block => block.Text.Contains("Continue reading", StringComparison.Ordinal));
    }

    [Fact]
    public void Parser_ReadsTheQuoteWhoseOpeningMarkIsMissingAsAQuote()
    {
        var first = ParsedDump.Articles(seed)[0];

        Assert.Equal([BlockKind.Paragraph, BlockKind.Quote], first.Blocks.Select(block => block.Kind));
        Assert.EndsWith("people voted to leave”.", first.Blocks[1].Text, StringComparison.Ordinal);
        Assert.Equal(7, first.Blocks[1].FirstLine);
    }

    [Fact]
    public void Parser_KeepsTheSeedsSignOffsOutOfTheBodyAndGivesTheBioToTheAuthor()
    {
        var articles = ParsedDump.Articles(seed);

        foreach (var (article, name) in new[] { (articles[1], "Anthony Mason"), (articles[2], "Catherine Staite") })
        {
            Assert.NotNull(article.SignOffLine);
            Assert.DoesNotContain(article.Blocks, block => block.Text == name);
            Assert.True(article.Blocks[^1].LastLine < article.SignOffLine);
            var bio = Assert.Single(article.Bios);
            Assert.Equal(0, bio.AuthorIndex);
            Assert.StartsWith(name, bio.Text, StringComparison.Ordinal);
            Assert.Equal(bio.Line, article.LastLine);
        }
        Assert.Equal(29, articles[1].SignOffLine);
        Assert.StartsWith("Anthony Mason is a senior associate at INLOGOV", articles[1].Bios[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Catherine Staite\u00A0is the Director of INLOGOV.", articles[2].Bios[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_GivesTheSeedPostsTheirParagraphsInOrder()
    {
        var articles = ParsedDump.Articles(seed);

        Assert.Equal([2, 7, 6], articles.Select(article => article.Blocks.Count));
        Assert.StartsWith("The American author Henry Miller", articles[1].Blocks[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("It’s not easy for the council", articles[2].Blocks[^1].Text, StringComparison.Ordinal);
        Assert.All(articles, article => Assert.Null(article.Standfirst));
    }

    [Fact]
    public void Parser_PlacesEverySeedLineExactlyOnceAndReportsNothing()
    {
        var entries = ParsedDump.Entries(seed);

        Assert.All(entries, entry => Assert.IsType<ParsedArticle>(entry));
        Assert.All(entries.Cast<ParsedArticle>(), article => Assert.Empty(article.Diagnostics));
    }
}
