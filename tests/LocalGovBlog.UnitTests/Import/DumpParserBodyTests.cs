using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>The body of a post: paragraphs, quotations, lists, footnotes and the standfirst before them.</summary>
public class DumpParserBodyTests
{
    private static ParsedArticle PostWithBody(params string[] bodyBlocks) =>
        ParsedDump.SingleArticle(ParsedDump.Blocks(["Devolution and the districts", "Jane Doe, Lecturer, INLOGOV", .. bodyBlocks]));

    [Fact]
    public void Parser_JoinsTheLinesOfAParagraphWithSingleSpaces()
    {
        var article = PostWithBody("Two-tier areas cover most of England  \n   by land, and their districts deliver\nthe services residents notice.");

        var paragraph = Assert.Single(article.Blocks);
        Assert.Equal("Two-tier areas cover most of England by land, and their districts deliver the services residents notice.", paragraph.Text);
        Assert.Equal((5, 7), (paragraph.FirstLine, paragraph.LastLine));
    }

    [Fact]
    public void Parser_KeepsTypographyInsideBlockText()
    {
        const string Text = "The council’s “place-shaping” role – as Lyons called it –\u00A0is back… or is it?";

        var article = PostWithBody(Text);

        Assert.Equal(Text, article.Blocks[0].Text);
    }

    [Theory]
    [InlineData("“Districts are the bedrock of place-shaping.”")]
    [InlineData("\"Districts are the bedrock of place-shaping.\"")]
    [InlineData("‘Districts are the bedrock of place-shaping.’")]
    [InlineData("Districts are the bedrock of place-shaping”.")]
    [InlineData("“Districts are the bedrock of place-shaping")]
    public void Parser_ReadsAParagraphAfterAColonThatOpensOrClosesWithAQuotationMarkAsAQuote(string quoted)
    {
        var article = PostWithBody("One leader put it bluntly:", quoted);

        Assert.Equal([BlockKind.Paragraph, BlockKind.Quote], article.Blocks.Select(block => block.Kind));
        Assert.Equal(quoted, article.Blocks[1].Text);
    }

    [Fact]
    public void Parser_DoesNotReadAnUnquotedParagraphAfterAColonAsAQuote()
    {
        var article = PostWithBody("The findings were clear:", "Districts are the bedrock of place-shaping.");

        Assert.All(article.Blocks, block => Assert.Equal(BlockKind.Paragraph, block.Kind));
    }

    [Fact]
    public void Parser_DoesNotReadAQuotedParagraphWithoutAColonBeforeItAsAQuote()
    {
        var article = PostWithBody("The findings were clear.", "“Districts are the bedrock of place-shaping.”");

        Assert.All(article.Blocks, block => Assert.Equal(BlockKind.Paragraph, block.Kind));
    }

    [Theory]
    [InlineData("•")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("–")]
    [InlineData("—")]
    public void Parser_ReadsBulletLinesAsUnorderedListItems(string bullet)
    {
        var article = PostWithBody($"{bullet} leadership\n{bullet}\u00A0trust\n{bullet}  momentum");

        Assert.Equal(["leadership", "trust", "momentum"], article.Blocks.Select(block => block.Text));
        Assert.All(article.Blocks, block => Assert.Equal((BlockKind.ListItem, false), (block.Kind, block.Ordered)));
        Assert.Equal([5, 6, 7], article.Blocks.Select(block => block.FirstLine));
    }

    [Fact]
    public void Parser_ReadsNumberedLinesAsOrderedListItems()
    {
        var article = PostWithBody("1. leadership\n2) trust\n10. momentum");

        Assert.Equal(["leadership", "trust", "momentum"], article.Blocks.Select(block => block.Text));
        Assert.All(article.Blocks, block => Assert.True(block.Ordered));
    }

    [Fact]
    public void Parser_KeepsListItemsSeparatedByBlankLinesAsListItems()
    {
        var article = PostWithBody("We found five behaviours:", "• leadership", "• selflessness", "• trust");

        Assert.Equal([BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.ListItem], article.Blocks.Select(block => block.Kind));
    }

    [Fact]
    public void Parser_SplitsAnIntroductionFromTheListBelowItAndJoinsContinuationLinesToTheirItem()
    {
        var article = PostWithBody("Our report makes\ntwo recommendations:\n- pool budgets\nacross the county\n- share one chief executive");

        Assert.Equal(
            [
                (BlockKind.Paragraph, "Our report makes two recommendations:", 5, 6),
                (BlockKind.ListItem, "pool budgets across the county", 7, 8),
                (BlockKind.ListItem, "share one chief executive", 9, 9),
            ],
            article.Blocks.Select(block => (block.Kind, block.Text, block.FirstLine, block.LastLine)));
    }

    [Theory]
    [InlineData("-based working is here to stay.")]
    [InlineData("*Note* the figures are provisional.")]
    [InlineData("2016 was the year of the deals.")]
    public void Parser_DoesNotTakeAMarkerWithoutASpaceForAList(string line)
    {
        var article = PostWithBody(line);

        Assert.Equal((BlockKind.Paragraph, line), (article.Blocks[0].Kind, article.Blocks[0].Text));
    }

    [Fact]
    public void Parser_ReportsABulletWithNoTextInsideThePost()
    {
        var article = PostWithBody("• leadership\n•\n• trust");

        Assert.Equal(["leadership", "trust"], article.Blocks.Select(block => block.Text));
        var diagnostic = Assert.Single(article.Diagnostics);
        Assert.Equal((6, "•"), (diagnostic.Line, diagnostic.Text));
        Assert.Contains("no text", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_KeepsFootnoteMarkersInTheTextAndReadsTheNoteAsAFootnote()
    {
        var article = PostWithBody("The deal was signed in March.[1]", "[1] HM Treasury, Devolution Deal, 2016.");

        Assert.Equal(["The deal was signed in March.[1]", "[1] HM Treasury, Devolution Deal, 2016."], article.Blocks.Select(block => block.Text));
        Assert.Equal([BlockKind.Paragraph, BlockKind.Footnote], article.Blocks.Select(block => block.Kind));
    }

    [Theory]
    [InlineData("As the Devolution Bill reaches its second reading, Jane Doe reflects on what it means for districts.")]
    [InlineData("Jane Doe asks whether the districts have a future.")]
    [InlineData("In this post Dr. Doe argues that scrutiny matters more than ever.")]
    [InlineData("Jane Doe has studied districts for years. Here she reflects on the Bill.")]
    public void Parser_TakesAOneSentenceOpeningThatNamesTheAuthorAsTheStandfirst(string standfirst)
    {
        var article = PostWithBody(standfirst, "The Bill has been a long time coming.");

        Assert.Equal((standfirst, 5), (article.Standfirst, article.StandfirstLine));
        Assert.Equal("The Bill has been a long time coming.", Assert.Single(article.Blocks).Text);
    }

    [Theory]
    [InlineData("As the Devolution Bill reaches its second reading, we reflect on what it means for districts.")]
    [InlineData("As the Bill reaches its second reading, the mason’s yard next to the town hall is busy again.")]
    [InlineData("Jane Doe has studied districts for years. She has advised councils on them. Here she reflects on the Bill. It is long overdue.")]
    public void Parser_KeepsAnOpeningThatIsNotAOneSentenceAuthorIntroductionInTheBody(string opening)
    {
        var article = PostWithBody(opening, "The Bill has been a long time coming.");

        Assert.Null(article.Standfirst);
        Assert.Equal(opening, article.Blocks[0].Text);
    }

    [Fact]
    public void Parser_LooksForAStandfirstOnlyStraightAfterTheByline()
    {
        var article = PostWithBody("The Bill has been a long time coming.", "Jane Doe asks whether the districts have a future.");

        Assert.Null(article.Standfirst);
        Assert.Equal(2, article.Blocks.Count);
    }
}
