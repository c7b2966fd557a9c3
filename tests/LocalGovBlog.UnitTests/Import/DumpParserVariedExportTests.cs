using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>Dumps that vary the way real blog exports do, beyond the samples the parser was first written for.</summary>
public class DumpParserVariedExportTests
{
    [Fact]
    public void Parser_ReadsTwoPostsWithTheSameTitleAsTwoPostsNotAsFurniture()
    {
        var dump = SampleDumps.Read(SampleDumps.RecurringTitles);

        var entries = ParsedDump.Entries(dump);

        var articles = entries.OfType<ParsedArticle>().ToList();
        Assert.Equal(
            ["Weekly round-up", "Call for papers: local governance workshop", "Weekly round-up", "Call for papers: local governance workshop"],
            articles.Select(article => article.Title));
        Assert.Equal(["David Price", "Mark Hughes", "David Price", "Sarah Lee"], articles.Select(article => article.Authors[0].Name));
        Assert.StartsWith("The week began", articles[0].Blocks[0].Text, StringComparison.Ordinal);
        Assert.Empty(articles[1].Blocks);
        Assert.StartsWith("This week brought", articles[2].Blocks[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("We invite papers", articles[3].Blocks[0].Text, StringComparison.Ordinal);
        Assert.Empty(entries.OfType<DumpDiagnostic>());
    }

    [Fact]
    public void Parser_ReadsWelshIrishAndPolishNamesInBylines()
    {
        var dump = SampleDumps.Read(SampleDumps.WelshIrishPolishNames);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(
            ["Welsh councils and the Senedd", "Local government in Ireland", "Samorząd in Poland", "Gwynedd’s second homes premium"],
            articles.Select(article => article.Title));
        Assert.Equal(
            ["Siân Llŷr ap Dafydd", "Seán Ó Ríordáin;Aoife Ní Mhaoláin", "Małgorzata Żółkiewska-Wójcik", "Rhodri ab Owain;Elin ferch Gruffydd"],
            articles.Select(article => string.Join(";", article.Authors.Select(author => author.Name))));
        Assert.Equal("Lecturer, Cardiff University", articles[0].Role);
        Assert.All(articles, article => Assert.NotNull(article.SignOffLine));
        Assert.Equal("Siân Llŷr ap Dafydd is a lecturer in public policy at Cardiff University.", Assert.Single(articles[0].Bios).Text);
    }

    [Fact]
    public void Parser_KeepsTheTagsOfAWordPressFooterAsWellAsItsCategory()
    {
        var dump = SampleDumps.Read(SampleDumps.WordPressFooter);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(
            ["Devolution;mayors;referendums", "Democracy;councillors;allowances", "Democracy"],
            articles.Select(article => string.Join(";", article.Keywords)));
        Assert.All(articles, article => Assert.Single(article.Blocks));
    }
    [Theory]
    [InlineData("Friday, 6 March 2020")]
    [InlineData("Thursday, 27th November 2026")]
    public void Parser_ReadsADateWithItsWeekdayAsTheDateNotAsABylineByTheWeekday(string date)
    {
        var dump = ParsedDump.Blocks("Scrutiny after the pandemic", date, "Jo Bloggs",
            "Remote meetings changed scrutiny for good, and councils now face the question of which changes to keep.");

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal("Jo Bloggs", Assert.Single(article.Authors).Name);
        Assert.Null(article.Role);
        Assert.Equal(3, article.DateLine);
        Assert.NotNull(article.Published);
        Assert.Equal(5, article.BylineLine);
    }
    [Fact]
    public void Parser_EndsAPostAtASignOffThatTheListingsSharingButtonsFollow()
    {
        var dump = SampleDumps.Read(SampleDumps.ShareButtons);

        var entries = ParsedDump.Entries(dump);

        var first = entries.OfType<ParsedArticle>().First();
        Assert.Equal(SampleDumps.LineEqualTo(dump, "Helen Baker"), first.SignOffLine);
        Assert.Equal(["Council budgets have been under pressure for more than a decade, and the pressure is not evenly spread."],
            first.Blocks.Select(block => block.Text));
        Assert.Equal(3, entries.OfType<ParsedArticle>().Count());
        var diagnostics = entries.SelectMany(entry => entry is ParsedArticle article ? article.Diagnostics : [(DumpDiagnostic)entry]).ToList();
        Assert.Equal(15, diagnostics.Count(diagnostic => diagnostic.Message.Contains("furniture", StringComparison.Ordinal)));
    }
}
