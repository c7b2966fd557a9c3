using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>Where posts start: a title line, then a byline naming the authors and perhaps their role.</summary>
public class DumpParserBylineTests
{
    private const string Body = "Councils have been asked to do more with less for a decade now, and the strain is showing in every service.";

    [Theory]
    [InlineData("Paul Bunyan", "Paul Bunyan", null)]
    [InlineData("Anthony Mason, Senior Associate INLOGOV", "Anthony Mason", "Senior Associate INLOGOV")]
    [InlineData("Catherine Staite, Director, INLOGOV", "Catherine Staite", "Director, INLOGOV")]
    [InlineData("Jane Doe Lecturer in Public Policy, INLOGOV", "Jane Doe", "Lecturer in Public Policy, INLOGOV")]
    [InlineData("Anthony Mason, Birmingham City Council", "Anthony Mason", "Birmingham City Council")]
    [InlineData("Jane Doe, Professor of Local Governance", "Jane Doe", "Professor of Local Governance")]
    [InlineData("Zoë Müller-Ørsted", "Zoë Müller-Ørsted", null)]
    [InlineData("J. R. Smith", "J. R. Smith", null)]
    [InlineData("Siobhán O’Brien INLOGOV", "Siobhán O’Brien", "INLOGOV")]
    [InlineData("Jan van der Berg", "Jan van der Berg", null)]
    [InlineData("Aisha al-Hassan, Policy Adviser, LGA", "Aisha al-Hassan", "Policy Adviser, LGA")]
    [InlineData("Jane Reader", "Jane Reader", null)]
    [InlineData("By Jane Doe", "Jane Doe", null)]
    [InlineData("Paul\u00A0Bunyan", "Paul Bunyan", null)]
    [InlineData("Mark Hughes, Conference Convenor", "Mark Hughes", "Conference Convenor")]
    [InlineData("Ruth Owen, Personal Tutor, INLOGOV", "Ruth Owen", "Personal Tutor, INLOGOV")]
    [InlineData("Siân Llŷr ap Dafydd, Prifysgol Caerdydd", "Siân Llŷr ap Dafydd", "Prifysgol Caerdydd")]
    [InlineData("Siân Llŷr ap Dafydd, Darlithydd, Prifysgol Caerdydd", "Siân Llŷr ap Dafydd", "Darlithydd, Prifysgol Caerdydd")]
    [InlineData("Rhodri ab Owain, Uwch Ddarlithydd, Prifysgol Bangor", "Rhodri ab Owain", "Uwch Ddarlithydd, Prifysgol Bangor")]
    [InlineData("Małgorzata Żółkiewska-Wójcik, Uniwersytet Łódzki", "Małgorzata Żółkiewska-Wójcik", "Uniwersytet Łódzki")]
    public void Parser_ReadsABylineIntoItsAuthorAndRole(string byline, string name, string? role)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal([new ParsedAuthor(name, null)], article.Authors);
        Assert.Equal(role, article.Role);
    }

    [Theory]
    [InlineData("Dr Jane Doe", "Dr")]
    [InlineData("Dr. Jane Doe", "Dr.")]
    [InlineData("Professor Jane Doe", "Professor")]
    [InlineData("Prof Jane Doe", "Prof")]
    [InlineData("Cllr Jane Doe", "Cllr")]
    [InlineData("Dame Jane Doe", "Dame")]
    [InlineData("Baroness Jane Doe", "Baroness")]
    [InlineData("Mrs Jane Doe", "Mrs")]
    [InlineData("Sir Jane Doe", "Sir")]
    public void Parser_TakesTheHonorificOutOfTheName(string byline, string honorific)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal([new ParsedAuthor("Jane Doe", honorific)], article.Authors);
    }

    [Theory]
    [InlineData("Jane Doe and John Smith", null)]
    [InlineData("Jane Doe & John Smith", null)]
    [InlineData("Jane Doe, John Smith", null)]
    [InlineData("Jane Doe & John Smith, Lecturers, INLOGOV", "Lecturers, INLOGOV")]
    [InlineData("Jane Doe and John Smith Lecturers in Public Policy", "Lecturers in Public Policy")]
    [InlineData("Dr Jane Doe and Professor John Smith, INLOGOV", "INLOGOV")]
    public void Parser_ReadsCoAuthorsJoinedByAndAmpersandOrComma(string byline, string? role)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal(["Jane Doe", "John Smith"], article.Authors.Select(author => author.Name));
        Assert.Equal(role, article.Role);
    }

    [Theory]
    [InlineData("Jane Doe, John Smith and Ann Lee")]
    [InlineData("Jane Doe, John Smith, and Ann Lee")]
    [InlineData("Jane Doe, John Smith & Ann Lee, Research Fellows, INLOGOV")]
    public void Parser_ReadsThreeCoAuthors(string byline)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal(["Jane Doe", "John Smith", "Ann Lee"], article.Authors.Select(author => author.Name));
    }

    [Fact]
    public void Parser_GivesEachCoAuthorTheRoleWrittenAfterTheirName()
    {
        var byline = "Jane Smith, Lecturer, INLOGOV, John Brown, Research Fellow, and Mary Green, Professor of Public Policy";

        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal(
            [
                new ParsedAuthor("Jane Smith", null, Role: "Lecturer, INLOGOV"),
                new ParsedAuthor("John Brown", null, Role: "Research Fellow"),
                new ParsedAuthor("Mary Green", null, Role: "Professor of Public Policy"),
            ],
            article.Authors);
        Assert.Null(article.Role);
    }

    [Fact]
    public void Parser_GivesABracketedRoleOnlyToTheTitledAuthorBeforeIt()
    {
        var byline = "Dr Alan White (INLOGOV), Prof. Beth Black & Cllr Colin Grey";

        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal(
            [
                new ParsedAuthor("Alan White", "Dr", Role: "INLOGOV"),
                new ParsedAuthor("Beth Black", "Prof."),
                new ParsedAuthor("Colin Grey", "Cllr"),
            ],
            article.Authors);
        Assert.Null(article.Role);
    }

    [Fact]
    public void Parser_ReadsABylineOfCoAuthorsWithLongRolesBeyondTheLengthOfOneAuthorsByline()
    {
        var byline = "Professor Jane Smith, Professor of Public Management and Director of Research, Institute of Local Government Studies, "
            + "and John Brown, Honorary Senior Research Fellow in Local Governance and Democratic Renewal, Anytown Borough Council";
        Assert.True(byline.Length > 200);

        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal(
            [
                ("Jane Smith", "Professor of Public Management and Director of Research, Institute of Local Government Studies"),
                ("John Brown", "Honorary Senior Research Fellow in Local Governance and Democratic Renewal, Anytown Borough Council"),
            ],
            article.Authors.Select(author => (author.Name, author.Role)));
        Assert.Equal(Body, Assert.Single(article.Blocks).Text);
    }

    [Fact]
    public void Parser_DoesNotTakeALineLongerThanOneAuthorsBylineForOneAuthorsByline()
    {
        var overlong = "Jane Smith, Professor of Public Management and Director of Research, Institute of Local Government Studies, "
            + "Honorary Senior Research Fellow in Local Governance and Democratic Renewal, Anytown Borough Council";
        Assert.True(overlong.Length > 200);

        var entries = ParsedDump.Entries(ParsedDump.Blocks("Devolution and the districts", overlong, Body));

        Assert.DoesNotContain(entries, entry => entry is ParsedArticle);
    }

    [Theory]
    [InlineData("Jane Doe, Honorary Senior Research Fellow, INLOGOV, University of Birmingham, and Visiting Professor, Sheffield Hallam",
        "Honorary Senior Research Fellow, INLOGOV, University of Birmingham, and Visiting Professor, Sheffield Hallam")]
    [InlineData("Jane Doe, Lecturer, Cardiff Met, and Chair, Anytown Partnership Board",
        "Lecturer, Cardiff Met, and Chair, Anytown Partnership Board")]
    [InlineData("Jane Doe & John Smith, Lecturers, INLOGOV, University of Birmingham",
        "Lecturers, INLOGOV, University of Birmingham")]
    public void Parser_KeepsALongRoleWhoseWordsLookLikeANameAsTheRoleOfTheAuthorsBeforeIt(string byline, string role)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Devolution and the districts", byline, Body));

        Assert.Equal("Jane Doe", article.Authors[0].Name);
        Assert.All(article.Authors, author => Assert.Null(author.Role));
        Assert.DoesNotContain(article.Authors, author => author.Name is "Sheffield Hallam" or "Cardiff Met");
        Assert.Equal(role, article.Role);
    }

    [Theory]
    [InlineData("Jane reflects on the need for partnerships")]
    [InlineData("Jane Doe is writing about scrutiny")]
    [InlineData("Jane Doe.")]
    [InlineData("Anthony Mason was at the meeting")]
    [InlineData("What next for the districts?")]
    [InlineData("Conclusions")]
    [InlineData("Why Districts Matter")]
    [InlineData("Devolution Deals Explained")]
    [InlineData("In 2016 the deals were signed")]
    public void Parser_DoesNotTakeATitleOrSentenceForAByline(string notAByline)
    {
        var dump = ParsedDump.Blocks("Devolution and the districts", notAByline, Body);

        var entries = ParsedDump.Entries(dump);

        Assert.All(entries, entry => Assert.IsType<DumpDiagnostic>(entry));
        var title = (DumpDiagnostic)entries[0];
        Assert.Equal(1, title.Line);
        Assert.Contains("no byline follows", title.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_AcceptsATitleThatBeginsWithTheAuthorsName()
    {
        var dump = ParsedDump.Blocks("Catherine Staite reflects on partnerships in Birmingham", "Catherine Staite, Director, INLOGOV", Body);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal("Catherine Staite reflects on partnerships in Birmingham", article.Title);
        Assert.Equal((1, 3), (article.TitleLine, article.BylineLine));
        Assert.Equal("Catherine Staite", article.Authors[0].Name);
    }

    [Theory]
    [InlineData("Is devolution dead?")]
    [InlineData("Devolution: what the districts need")]
    [InlineData("Austerity, again!")]
    [InlineData("What does “place” mean to a district council?")]
    public void Parser_AcceptsTitlesEndingInAQuestionOrExclamationOrWithInnerPunctuation(string title)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(title, "Jane Doe", Body));

        Assert.Equal(title, article.Title);
    }

    [Theory]
    [InlineData("Devolution has stalled.")]
    [InlineData("Three things the districts need:")]
    public void Parser_DoesNotTakeALineEndingLikeASentenceForATitle(string notATitle)
    {
        var entries = ParsedDump.Entries(ParsedDump.Blocks(notATitle, "Jane Doe", Body));

        Assert.DoesNotContain(entries, entry => entry is ParsedArticle);
    }

    [Fact]
    public void Parser_DoesNotTakeAnOverlongLineForATitle()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("devolution deals", 15));

        var entries = ParsedDump.Entries(ParsedDump.Blocks(longLine, "Jane Doe", Body));

        Assert.DoesNotContain(entries, entry => entry is ParsedArticle);
    }

    [Fact]
    public void Parser_KeepsTheTitleTrimmedButWithItsInnerNonBreakingSpace()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("\u00A0 Cities will need to lead the way\u00A0post-Brexit \u00A0", "Paul Bunyan", Body));

        Assert.Equal("Cities will need to lead the way\u00A0post-Brexit", article.Title);
    }

    [Fact]
    public void Parser_ReportsTextBeforeTheFirstPostWithItsLineNumber()
    {
        var dump = ParsedDump.Blocks("Posts from the INLOGOV blog, exported in March.", "Devolution and the districts", "Jane Doe", Body);

        var entries = ParsedDump.Entries(dump);

        var preamble = Assert.IsType<DumpDiagnostic>(entries[0]);
        Assert.Equal((1, "text before the first post (no title and byline found)"), (preamble.Line, preamble.Message));
        Assert.Equal("Devolution and the districts", Assert.IsType<ParsedArticle>(entries[1]).Title);
    }

    [Fact]
    public void Parser_YieldsNothingForAnEmptyOrBlankDump()
    {
        Assert.Empty(ParsedDump.Entries(""));
        Assert.Empty(ParsedDump.Entries("\n \n\u00A0\t\n"));
        Assert.Empty(ParsedDump.Entries("\uFEFF"));
    }

    [Fact]
    public void Parser_TreatsALineOfNonBreakingSpacesAsABlankLine()
    {
        var article = ParsedDump.SingleArticle("Devolution and the districts\n\u00A0\u00A0\nJane Doe\n\t \n" + Body);

        Assert.Equal(("Devolution and the districts", 3), (article.Title, article.BylineLine));
        Assert.Equal(5, Assert.Single(article.Blocks).FirstLine);
    }
}
