using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>How posts end: "Continue reading", a sign-off with bios, the next post, or the end of the dump.</summary>
public class DumpParserPostEndTests
{
    private const string Title = "Partnership working after austerity";
    private const string Paragraph = "Austerity has changed the terms on which councils come to the partnership table, and their partners have noticed.";
    private const string NextTitle = "Why scrutiny still matters";
    private const string NextByline = "Siobhán O’Brien, Honorary Senior Fellow, INLOGOV";

    [Theory]
    [InlineData("Continue reading")]
    [InlineData("continue reading")]
    [InlineData("CONTINUE READING")]
    [InlineData("Continue reading →")]
    [InlineData("Continue reading…")]
    [InlineData("Continue Reading »")]
    [InlineData("Continue reading ›")]
    [InlineData("Continue reading:")]
    [InlineData("Continue reading ...")]
    [InlineData("  Continue\u00A0reading  ")]
    public void Parser_SplitsPostAtContinueReading(string marker)
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, marker, NextTitle, NextByline, Paragraph);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(2, articles.Count);
        Assert.True(articles[0].IsExcerpt);
        Assert.Equal((7, 7), (articles[0].ContinueReadingLine, articles[0].LastLine));
        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
        Assert.False(articles[1].IsExcerpt);
        Assert.Null(articles[1].ContinueReadingLine);
    }

    [Fact]
    public void Parser_EndsAPostAtContinueReadingEvenWithoutABlankLineBeforeIt()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Anthony Mason", Paragraph + "\nContinue reading →"));

        Assert.Equal((6, true), (article.ContinueReadingLine, article.IsExcerpt));
        Assert.Equal(Paragraph, Assert.Single(article.Blocks).Text);
    }

    [Fact]
    public void Parser_KeepsASentenceThatStartsWithContinueReadingInTheBody()
    {
        const string Sentence = "Continue reading the report on the council’s website.";

        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, Sentence));

        Assert.False(article.IsExcerpt);
        Assert.Equal(Sentence, article.Blocks[^1].Text);
    }

    [Fact]
    public void Parser_YieldsTheExcerptBeforeTheDiagnosticsForTheTextAfterIt()
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "Continue reading", "Share this: Twitter, Facebook, Email.", NextTitle, NextByline, Paragraph);

        var entries = ParsedDump.Entries(dump);

        Assert.IsType<ParsedArticle>(entries[0]);
        var stray = Assert.IsType<DumpDiagnostic>(entries[1]);
        Assert.Equal((9, "Share this: Twitter, Facebook, Email."), (stray.Line, stray.Text));
        Assert.Contains("after “Continue reading” (line 7)", stray.Message, StringComparison.Ordinal);
        Assert.Equal(NextTitle, Assert.IsType<ParsedArticle>(entries[2]).Title);
    }

    [Fact]
    public void Parser_ReadsASignOffAndBioAtTheEndOfTheDump()
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason, Senior Associate INLOGOV", Paragraph, "Anthony Mason", "Anthony Mason is a senior associate at INLOGOV.");

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal(7, article.SignOffLine);
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
        Assert.Equal([new ParsedBio(0, "Anthony Mason is a senior associate at INLOGOV.", 9)], article.Bios);
    }

    [Fact]
    public void Parser_ReadsASignOffWithoutABioAtTheEndOfTheDump()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "Anthony Mason"));

        Assert.Equal((7, 7), (article.SignOffLine, article.LastLine));
        Assert.Empty(article.Bios);
        Assert.Single(article.Blocks);
    }

    [Theory]
    [InlineData("Professor Catherine Staite")]
    [InlineData("CATHERINE STAITE")]
    [InlineData("– Catherine Staite")]
    [InlineData("Catherine\u00A0Staite\u00A0")]
    [InlineData("Catherine Staite, Director, INLOGOV")]
    public void Parser_RecognisesTheSignOffHoweverTheNameIsTitledSpacedOrCased(string signOff)
    {
        var dump = ParsedDump.Blocks(Title, "Catherine Staite, Director, INLOGOV", Paragraph, signOff, NextTitle, NextByline, Paragraph);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(7, articles[0].SignOffLine);
        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_EndsAPostAtASignOffRepeatingCoAuthorsWhoEachHaveTheirOwnRole()
    {
        var dump = ParsedDump.Blocks(Title, "Jane Smith, Lecturer, INLOGOV, John Brown, Research Fellow, and Mary Green, Professor of Public Policy",
            Paragraph, "Jane Smith, John Brown and Mary Green", "John Brown is a research fellow at INLOGOV.", NextTitle, NextByline, Paragraph);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(2, articles.Count);
        Assert.Equal((7, 9), (articles[0].SignOffLine, articles[0].LastLine));
        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
        Assert.Equal([new ParsedBio(1, "John Brown is a research fellow at INLOGOV.", 9)], articles[0].Bios);
        Assert.Empty(articles[0].Diagnostics);
        Assert.Equal(NextTitle, articles[1].Title);
    }

    [Fact]
    public void Parser_EndsAPostAtASignOffWhenTheBylineIsLongerThanOneAuthorsByline()
    {
        var byline = "Professor Jane Smith, Professor of Public Management and Director of Research, Institute of Local Government Studies, "
            + "and John Brown, Honorary Senior Research Fellow in Local Governance and Democratic Renewal, Anytown Borough Council";
        var dump = ParsedDump.Blocks(Title, byline, Paragraph, "Jane Smith and John Brown", NextTitle, NextByline, Paragraph);

        var entries = ParsedDump.Entries(dump);

        Assert.All(entries, entry => Assert.IsType<ParsedArticle>(entry));
        var articles = entries.Cast<ParsedArticle>().ToList();
        Assert.Equal(["Jane Smith", "John Brown"], articles[0].Authors.Select(author => author.Name));
        Assert.Equal(7, articles[0].SignOffLine);
        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_MatchesTheAuthorAcrossApostropheSpellingsInBylineSignOffAndBio()
    {
        var dump = ParsedDump.Blocks(Title, "Siobhán O‘Brien, INLOGOV", Paragraph, "Siobhán O’Brien", "Siobhán O'Brien’s research is on scrutiny.");

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal([new ParsedAuthor("Siobhán O‘Brien", null)], article.Authors);
        Assert.Equal(7, article.SignOffLine);
        Assert.Equal(0, Assert.Single(article.Bios).AuthorIndex);
    }

    [Theory]
    [InlineData("JANE DOE, JOHN SMITH, AND ANN LEE")]
    [InlineData("Ann Lee, Jane Doe, and John Smith")]
    public void Parser_RecognisesAThreeAuthorSignOffWithAnOxfordCommaInAnyCase(string signOff)
    {
        var dump = ParsedDump.Blocks(Title, "Jane Doe, John Smith and Ann Lee", Paragraph, signOff);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal(7, article.SignOffLine);
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_ReadsANameFollowedByOrdinaryBodyTextAsAOneLineParagraph()
    {
        const string After = "That is what one district leader told us when we asked about the deal.";
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "Anthony Mason", After);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Null(article.SignOffLine);
        Assert.Equal([Paragraph, "Anthony Mason", After], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_DoesNotTakeSomeoneElsesNameForASignOff()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "Catherine Staite"));

        Assert.Null(article.SignOffLine);
        Assert.Equal("Catherine Staite", article.Blocks[^1].Text);
    }

    [Theory]
    [InlineData("Jane Doe and John Smith")]
    [InlineData("John Smith & Jane Doe")]
    [InlineData("Dr Jane Doe, Dr John Smith")]
    public void Parser_ReadsACoAuthorSignOffInAnyJoiningFormAndGivesEachBioItsAuthor(string signOff)
    {
        var dump = ParsedDump.Blocks(
            Title, "Jane Doe & John Smith, Lecturers, INLOGOV", Paragraph, signOff,
            "John Smith is a lecturer at INLOGOV.", "Jane Doe is a lecturer in public policy.");

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal(7, article.SignOffLine);
        Assert.Equal([1, 0], article.Bios.Select(bio => bio.AuthorIndex));
    }

    [Theory]
    [InlineData("Jane Doe and John Smith are lecturers at INLOGOV.", null)]
    [InlineData("The authors are lecturers at INLOGOV.", null)]
    [InlineData("Smith is a lecturer at INLOGOV, where he works with Jane Doe.", 1)]
    [InlineData("Dr Jane Doe is a lecturer at INLOGOV.", 0)]
    [InlineData("Jane is a lecturer at INLOGOV.", 0)]
    public void Parser_AttachesABioToTheAuthorItNamesFirstOrToNoneWhenItNamesThemTogether(string bio, int? authorIndex)
    {
        var dump = ParsedDump.Blocks(Title, "Jane Doe and John Smith", Paragraph, "Jane Doe and John Smith", bio);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal(authorIndex, Assert.Single(article.Bios).AuthorIndex);
    }

    [Fact]
    public void Parser_ReportsTextAfterTheBioThatIsNeitherABioNorANewPost()
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "Anthony Mason", "Anthony Mason is a senior associate at INLOGOV.", "Share this:");

        var entries = ParsedDump.Entries(dump);

        var article = Assert.IsType<ParsedArticle>(entries[0]);
        Assert.Equal(9, article.LastLine);
        var stray = Assert.IsType<DumpDiagnostic>(entries[1]);
        Assert.Equal((11, "Share this:"), (stray.Line, stray.Text));
        Assert.Contains($"after the end of the post “{Title}”", stray.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_DoesNotTakeASignOffAndItsBioForANewPost()
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "Anthony Mason", "Anthony Mason is a senior associate at INLOGOV", NextTitle, NextByline, Paragraph);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([Title, NextTitle], articles.Select(article => article.Title));
        Assert.Single(articles[0].Bios);
    }

    [Fact]
    public void Parser_StartsANewPostStraightAfterTheBodyWhenNoEndMarkerComesFirst()
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, Paragraph, NextTitle, NextByline, Paragraph);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([(1, 7), (9, 13)], articles.Select(article => (article.TitleLine, article.LastLine)));
        Assert.All(articles, article => Assert.Equal((false, null), (article.IsExcerpt, article.SignOffLine)));
    }

    [Fact]
    public void Parser_TakesAShortLastLineOfABodyAsBodyWhenATitleAndBylineFollowIt()
    {
        var dump = ParsedDump.Blocks(Title, "Anthony Mason", Paragraph, "So what next for the districts?", "Ward Boundaries Revisited", "Jane Doe", Paragraph);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([Title, "Ward Boundaries Revisited"], articles.Select(article => article.Title));
        Assert.Equal("So what next for the districts?", articles[0].Blocks[^1].Text);
        Assert.Equal("Jane Doe", articles[1].Authors[0].Name);
    }

    [Fact]
    public void Parser_ReadsAPostThatStopsAtTheEndOfTheDumpWithoutAnyEndMarker()
    {
        var article = ParsedDump.SingleArticle(Title + "\n\nAnthony Mason\n\n" + Paragraph);

        Assert.Equal((false, null, 5), (article.IsExcerpt, article.SignOffLine, article.LastLine));
    }

    [Fact]
    public void Parser_ReadsAPostWithATitleAndBylineButNoBody()
    {
        var articles = ParsedDump.Articles(ParsedDump.Blocks(Title, "Anthony Mason", NextTitle, NextByline, Paragraph));

        Assert.Equal(2, articles.Count);
        Assert.Empty(articles[0].Blocks);
        Assert.Equal(3, articles[0].LastLine);
    }
}
