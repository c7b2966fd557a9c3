using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>
/// What real dumps copied from listing pages hold that the sample does not: captions, sentence bylines,
/// unusual honorifics, posts with no byline, other standfirsts, footnotes, dates and joint bios. Each test
/// writes its own posts; every one also checks that each line is placed exactly once.
/// </summary>
public class DumpParserListingTests
{
    private const string Paragraph = "Councils have been asked to do more with less for a decade now, and the strain is showing in every service.";
    private const string Second = "The strain falls hardest on the services that residents never see until they fail.";
    private const string Title = "Devolution and the districts";

    // 1. Captions and image lines between the title and byline, or between the byline and the text.

    [Theory]
    [InlineData("[Image: https://blog.example.org/uploads/2026/03/car-park.jpg]")]
    [InlineData("Picture source: Anytown Borough Council")]
    [InlineData("Photo: the council chamber in Anytown")]
    [InlineData("Image credit Anytown City Council")]
    [InlineData("Image courtesy of the Local Government Association")]
    [InlineData("Photograph by Jo Bloggs")]
    [InlineData("© Anytown Borough Council 2019")]
    [InlineData("https://blog.example.org/uploads/2026/03/town-hall.png")]
    [InlineData("[caption id=\"attachment_12\" align=\"alignleft\"]A town hall[/caption]")]
    public void Parser_ReadsAnImageLineBetweenTitleAndBylineAsACaption(string caption)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, caption, "Jo Bloggs", Paragraph));

        Assert.Equal((Title, 5), (article.Title, article.BylineLine));
        Assert.Equal([new ParsedCaption(caption, 3)], article.Captions);
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_ReadsAnImageLineAfterTheBylineAsACaptionNotBodyText()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Jo Bloggs, Lecturer, INLOGOV", "Image credit: Anytown City Council", Paragraph));

        Assert.Equal("Image credit: Anytown City Council", Assert.Single(article.Captions).Text);
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_KeepsATitleWhoseCaptionFollowsItInsteadOfGivingItToThePostBefore()
    {
        // Before captions were known, "Photo: …" became the title and the real title the last paragraph above.
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Parking and the high street", "Photo: a pay-and-display machine", "Sam Lee", Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([Title, "Parking and the high street"], articles.Select(article => article.Title));
        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
        Assert.Equal("Photo: a pay-and-display machine", Assert.Single(articles[1].Captions).Text);
    }

    [Fact]
    public void Parser_ReadsAltTextOnALineOfItsOwnAfterAPostHasEnded()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Continue reading", "Rural broadband and the county deal", "A fibre cabinet beside a country lane", "Priya Sharma", Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal("Rural broadband and the county deal", articles[1].Title);
        Assert.Equal("A fibre cabinet beside a country lane", Assert.Single(articles[1].Captions).Text);
        Assert.Equal("Priya Sharma", articles[1].Authors[0].Name);
    }

    [Fact]
    public void Parser_ReadsAnOpeningRunTogetherWithNoBlankLinesBetweenItsLines()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Continue reading",
            "Parking and the high street\n27 November 2026\nSam Lee, Lecturer, INLOGOV\n" + Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(2, articles.Count);
        Assert.Equal(("Parking and the high street", "Sam Lee", "Lecturer, INLOGOV"), (articles[1].Title, articles[1].Authors[0].Name, articles[1].Role));
        Assert.Equal(new DateOnly(2026, 11, 27), articles[1].Published);
        Assert.Equal([Second], articles[1].Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_DoesNotSplitAParagraphWrappedOverSeveralLines()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Jo Bloggs", "Councils have been asked to do more\nwith less for a decade now, and the strain\nis showing in every service."));

        Assert.Equal("Councils have been asked to do more with less for a decade now, and the strain is showing in every service.", Assert.Single(article.Blocks).Text);
    }

    // 2. Bylines written as a sentence.

    [Theory]
    [InlineData("Jo Bloggs gives a first look at the housing white paper", new[] { "Jo Bloggs" })]
    [InlineData("Jo Bloggs and Sam Lee reflect on a decade of city deals", new[] { "Jo Bloggs", "Sam Lee" })]
    [InlineData("Dr Jo Bloggs asks whether the districts have a future", new[] { "Jo Bloggs" })]
    [InlineData("Jo Bloggs on the housing white paper", new[] { "Jo Bloggs" })]
    [InlineData("Catherine Staite reflects on the need for partnerships", new[] { "Catherine Staite" })]
    [InlineData("Jason Lowther is the Director of INLOGOV", new[] { "Jason Lowther" })]
    [InlineData("Jo Bloggs and Sam Lee are lecturers in public policy", new[] { "Jo Bloggs", "Sam Lee" })]
    public void Parser_ReadsABylineWrittenAsASentenceAndKeepsTheSentenceAsTheStandfirst(string byline, string[] names)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks("Fixing the broken market?", byline, Paragraph, Second));

        Assert.Equal(names, article.Authors.Select(author => author.Name));
        Assert.Equal((3, byline, null), (article.BylineLine, article.Standfirst, article.StandfirstLine));
        Assert.Null(article.Role);
        Assert.Equal([Paragraph, Second], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_StartsANewPostAtASentenceBylineInsteadOfMergingItIntoThePostAbove()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Ten years of city deals", "Jo Bloggs and Sam Lee reflect on a decade of city deals", Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([Title, "Ten years of city deals"], articles.Select(article => article.Title));
        Assert.Equal(2, articles[1].Authors.Count);
    }

    [Theory]
    [InlineData("Posted by Jo Bloggs")]
    [InlineData("Written by Jo Bloggs")]
    [InlineData("A guest post by Jo Bloggs")]
    [InlineData("by Jo Bloggs")]
    public void Parser_ReadsTheNamesAfterTheWordsAListingPutsBeforeThem(string byline)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, byline, Paragraph));

        Assert.Equal("Jo Bloggs", Assert.Single(article.Authors).Name);
    }

    [Fact]
    public void Parser_ReadsByAndARoleWithLowerCaseWords()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "By Jo Bloggs, Senior Lecturer at INLOGOV", Paragraph));

        Assert.Equal(("Jo Bloggs", "Senior Lecturer at INLOGOV"), (article.Authors[0].Name, article.Role));
    }

    [Fact]
    public void Parser_DoesNotTakeABodySentenceThatOpensWithANameForABylineInsideAPost()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "What next?", "Sam Lee argues that the districts must combine.", Second);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal(["What next?", "Sam Lee argues that the districts must combine.", Second], article.Blocks.Skip(1).Select(block => block.Text));
    }

    // 3. Honorifics the lexicon lacked, letters after a name, and a role after a dash.

    [Theory]
    [InlineData("Cllr. Jo Bloggs", "Jo Bloggs", "Cllr.", null, null)]
    [InlineData("Rt Hon Jo Bloggs", "Jo Bloggs", "Rt Hon", null, null)]
    [InlineData("Revd Dr Jo Bloggs", "Jo Bloggs", "Revd Dr", null, null)]
    [InlineData("Jo Bloggs OBE", "Jo Bloggs", null, "OBE", null)]
    [InlineData("Dr Jo Bloggs MBE, Director, Civic Futures", "Jo Bloggs", "Dr", "MBE", "Director, Civic Futures")]
    [InlineData("Jo Bloggs, OBE, Director, INLOGOV", "Jo Bloggs", null, "OBE", "Director, INLOGOV")]
    [InlineData("Cllr. Jo Bloggs – Chair of Scrutiny, Anytown Council", "Jo Bloggs", "Cllr.", null, "Chair of Scrutiny, Anytown Council")]
    [InlineData("Jo Bloggs — Director, Civic Futures", "Jo Bloggs", null, null, "Director, Civic Futures")]
    [InlineData("Jo Bloggs - Lecturer in Public Policy", "Jo Bloggs", null, null, "Lecturer in Public Policy")]
    [InlineData("Jo Bloggs | INLOGOV", "Jo Bloggs", null, null, "INLOGOV")]
    [InlineData("Jo Bloggs (INLOGOV)", "Jo Bloggs", null, null, "INLOGOV")]
    public void Parser_ReadsHonorificsPostNominalsAndADashedRole(string byline, string name, string? honorific, string? letters, string? role)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, byline, Paragraph));

        Assert.Equal(new ParsedAuthor(name, honorific, letters), Assert.Single(article.Authors));
        Assert.Equal(role, article.Role);
    }

    [Theory]
    [InlineData("Drs. Helen Marsh and Peter Quinn", "Dr")]
    [InlineData("Drs Helen Marsh and Peter Quinn", "Dr")]
    [InlineData("Profs Helen Marsh and Peter Quinn", "Prof")]
    [InlineData("Professors Helen Marsh and Peter Quinn", "Professor")]
    [InlineData("Cllrs Helen Marsh & Peter Quinn", "Cllr")]
    public void Parser_GivesAPluralHonorificToEveryAuthorItTitles(string byline, string each)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, byline, Paragraph));

        Assert.Equal([new ParsedAuthor("Helen Marsh", each), new ParsedAuthor("Peter Quinn", each)], article.Authors);
    }

    // 4. Posts with no byline: the blog's own notices.

    [Fact]
    public void Parser_ReadsANoticeAfterAnExcerptAsAPostByTheBlogAndSaysSo()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Continue reading", "Join our team",
            "We are looking for a lecturer in local governance to join INLOGOV from September.", Second);

        var notice = ParsedDump.Articles(dump)[1];

        Assert.Equal(("Join our team", null), (notice.Title, notice.BylineLine));
        Assert.Equal([new ParsedAuthor(DumpParser.DefaultHouseAuthor, null)], notice.Authors);
        Assert.Equal(2, notice.Blocks.Count);
        var note = Assert.Single(notice.Diagnostics);
        Assert.Equal((DiagnosticKind.Note, 9), (note.Kind, note.Line));
    }

    [Fact]
    public void Parser_ReadsANoticeAfterABioOrAtTheStartOfTheDump()
    {
        var dump = ParsedDump.Blocks("Call for papers: local government in a cold climate",
            "We invite papers for a one-day conference on local government after a decade of austerity.",
            Title, "Jo Bloggs", Paragraph, "Jo Bloggs", "Jo Bloggs is a senior lecturer at INLOGOV.",
            "Event: devolution in practice, 12 June", "INLOGOV will host a half-day seminar on devolution in practice, with three speakers.");

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(["Call for papers: local government in a cold climate", Title, "Event: devolution in practice, 12 June"], articles.Select(article => article.Title));
        Assert.Equal([null, 7, null], articles.Select(article => article.BylineLine));
    }

    [Fact]
    public void Parser_UsesTheConfiguredHouseAuthorForAPostWithNoByline()
    {
        var article = Assert.Single(DumpParser.Parse(ParsedDump.Blocks("Join our team", Paragraph), houseAuthor: "Civic Futures").OfType<ParsedArticle>());

        Assert.Equal("Civic Futures", Assert.Single(article.Authors).Name);
    }

    [Fact]
    public void Parser_KeepsASubheadingAndItsParagraphInsideThePostWhenNoEndCameFirst()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "What the deal leaves out", Second);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal([Paragraph, "What the deal leaves out", Second], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_StartsAPostWithNoBylineInsideABodyWhenADateLineSaysAPostStartsThere()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Join our team", "27 November 2026", Second + " Please apply by the end of the month.");

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([Title, "Join our team"], articles.Select(article => article.Title));
        Assert.Equal(new DateOnly(2026, 11, 27), articles[1].Published);
    }

    // 5. Standfirsts of other kinds, and keywords.

    [Fact]
    public void Parser_TakesAOneSentenceQuestionUnderTheBylineAsTheStandfirst()
    {
        const string Question = "Can a council that is cutting its core services still find the money to try something new?";

        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Rachel Green", Question, Paragraph));

        Assert.Equal((Question, 5), (article.Standfirst, article.StandfirstLine));
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_TakesASubtitleUnderTheBylineAsTheStandfirst()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Rachel Green", "Lessons from a decade of combined authorities", Paragraph));

        Assert.Equal("Lessons from a decade of combined authorities", article.Standfirst);
    }

    [Theory]
    [InlineData("Maximilian Lee", "The government published its devolution framework last week. Max Lee asks what it offers the shire counties.")]
    [InlineData("Cllr Ravi Sheth, Leader, Anytown District Council", "Ahead of the district elections, we asked Cllr Sheth to set out his priorities. Here is his answer.")]
    public void Parser_TakesAnEditorsIntroductionNamingTheAuthorInAShorterFormAsTheStandfirst(string byline, string introduction)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, byline, introduction, Paragraph));

        Assert.Equal(introduction, article.Standfirst);
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
    }

    [Theory]
    [InlineData("devolution, combined authorities, mayors, accountability", new[] { "devolution", "combined authorities", "mayors", "accountability" })]
    [InlineData("Tags: devolution, mayors", new[] { "devolution", "mayors" })]
    [InlineData("Categories: Devolution; Scrutiny", new[] { "Devolution", "Scrutiny" })]
    [InlineData("Filed under Housing, Planning", new[] { "Housing", "Planning" })]
    public void Parser_ReadsAKeywordLineUnderTheBylineAsKeywords(string line, string[] keywords)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Helen Marsh", line, Paragraph));

        Assert.Equal(keywords, article.Keywords);
        Assert.Equal([5], article.KeywordLines);
        Assert.Null(article.Standfirst);
        Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_ReadsACategoryLineAfterReadMoreAsThePostsKeywords()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Read more »", "Posted in Devolution, Mayors | Leave a comment", "Councils and the living wage", "Sam Lee", Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(["Devolution", "Mayors"], articles[0].Keywords);
        Assert.True(articles[0].IsExcerpt);
        Assert.Equal("Councils and the living wage", articles[1].Title);
    }

    // 6. Footnotes.

    [Fact]
    public void Parser_ReadsNumberedRomanAndBracketedNotesAfterTheBodyAsFootnotes()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Bo Chan",
            "Adult social care takes the largest share of county budgets.[i] Few councils measure what it achieves (1).",
            "Notes", "[i] Adult social care outcomes framework, 2023 edition.", "(1) Interviews with directors, 2024."));

        Assert.Equal([BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Footnote, BlockKind.Footnote], article.Blocks.Select(block => block.Kind));
    }

    [Fact]
    public void Parser_KeepsAnEnumerationThatNoMarkerPointsToAsAParagraph()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Bo Chan", Paragraph, "(i) the loss of planning powers to a strategic tier, which districts resist."));

        Assert.All(article.Blocks, block => Assert.Equal(BlockKind.Paragraph, block.Kind));
    }

    [Fact]
    public void Parser_ReadsFootnotesThatComeAfterTheBio()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Peter Quinn", "Visitor levies are almost unknown in England.[1]",
            "Peter Quinn", "Peter Quinn is a lecturer in public finance at INLOGOV.", "[1] Visitor Economy Review, Tourist Taxes in Europe (2019)."));

        Assert.Equal(BlockKind.Footnote, article.Blocks[^1].Kind);
        Assert.Single(article.Bios);
    }

    // 7. Dates.

    [Theory]
    [InlineData("27 November 2026")]
    [InlineData("November 27, 2026")]
    [InlineData("27/11/2026")]
    [InlineData("Thursday, 27th November 2026")]
    [InlineData("Posted on 27 November 2026")]
    [InlineData("2026-11-27")]
    public void Parser_ReadsADateLineUnderTheTitleOrTheBylineIntoThePublishedDate(string dateLine)
    {
        var underTitle = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, dateLine, "Jo Bloggs", Paragraph));
        var underByline = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Jo Bloggs", dateLine, Paragraph));

        Assert.Equal((new DateOnly(2026, 11, 27), 3), (underTitle.Published, underTitle.DateLine));
        Assert.Equal((new DateOnly(2026, 11, 27), 5), (underByline.Published, underByline.DateLine));
        Assert.Equal([Paragraph], underByline.Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_GivesADateLineAboveATitleToThePostBelowIt()
    {
        var dump = ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, "Continue reading", "14/10/2026", "Audit after the collapse of local audit", "Ann Lee", Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Null(articles[0].Published);
        Assert.Equal((new DateOnly(2026, 10, 14), 9), (articles[1].Published, articles[1].DateLine));
    }

    [Fact]
    public void Parser_ReadsNumericDatesTheWayTheDumpWritesThem()
    {
        static string Post(string title, string date) => ParsedDump.Blocks(title, $"Posted on {date} by Jo Bloggs.", Paragraph, "Read more");

        var dayFirst = ParsedDump.Articles(Post("Parish councils", "03/04/2019") + "\n" + Post("Shared services", "17/05/2019"));
        var monthFirst = ParsedDump.Articles(Post("Parish councils", "03/04/2019") + "\n" + Post("Shared services", "05/17/2019"));

        Assert.Equal(new DateOnly(2019, 4, 3), dayFirst[0].Published);
        Assert.Equal(new DateOnly(2019, 3, 4), monthFirst[0].Published);
        Assert.Equal(new DateOnly(2019, 5, 17), monthFirst[1].Published);
    }

    [Fact]
    public void Parser_ReportsADateThatIsNoDayOfTheCalendarAndKeepsThePost()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "31/02/2026", "Jo Bloggs", Paragraph));

        Assert.Null(article.Published);
        Assert.Equal(3, Assert.Single(article.Diagnostics).Line);
    }

    // 8. Joint bios, and the post's own role.

    [Fact]
    public void Parser_SplitsABioParagraphAboutTwoCoAuthorsSoEachGetsTheirOwnSentences()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Dr Ann Lee and Professor Bo Chan", Paragraph, "Ann Lee and Bo Chan",
            "Dr Ann Lee is a senior lecturer at INLOGOV. She researches partnership working. Professor Bo Chan is a professor of public management at the University of Anyshire."));

        Assert.Equal([0, 1], article.Bios.Select(bio => bio.AuthorIndex));
        Assert.Equal("Dr Ann Lee is a senior lecturer at INLOGOV. She researches partnership working.", article.Bios[0].Text);
        Assert.StartsWith("Professor Bo Chan is", article.Bios[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_ReadsABioWithNoSignOffAboveItAtTheEndOfAPost()
    {
        var dump = ParsedDump.Blocks(Title, "Priya Sharma, Research Fellow, INLOGOV", Paragraph,
            "Priya Sharma is a research fellow at INLOGOV, where she studies local climate policy.", "Mayors and the media", "Sam Lee", Second);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
        Assert.StartsWith("Priya Sharma is a research fellow", Assert.Single(articles[0].Bios).Text, StringComparison.Ordinal);
        Assert.Equal("Mayors and the media", articles[1].Title);
    }

    // 9. Other blogs' listings: a date and the author on one line, "Read more", an unreadable name.

    [Theory]
    [InlineData("Posted on 03/04/2019 by Jo Bloggs.", 2019, 4, 3)]
    [InlineData("June 2, 2018 by Jo Bloggs", 2018, 6, 2)]
    [InlineData("By Jo Bloggs on 2 June 2018", 2018, 6, 2)]
    [InlineData("Published 2 June 2018 by Jo Bloggs", 2018, 6, 2)]
    [InlineData("Jo Bloggs, 2 June 2018", 2018, 6, 2)]
    [InlineData("2 June 2018 | Jo Bloggs", 2018, 6, 2)]
    [InlineData("June 2, 2018 – Jo Bloggs", 2018, 6, 2)]
    public void Parser_ReadsADateAndTheAuthorOnOneLine(string line, int year, int month, int day)
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, line, Paragraph, "Read more"));

        Assert.Equal("Jo Bloggs", Assert.Single(article.Authors).Name);
        Assert.Equal((new DateOnly(year, month, day), 3, 3), (article.Published, article.BylineLine, article.DateLine));
        Assert.True(article.IsExcerpt);
    }

    [Fact]
    public void Parser_ReadsADateLineNamingNoPersonAsAPostByTheBlogAndSaysSo()
    {
        var article = ParsedDump.SingleArticle(ParsedDump.Blocks(Title, "Posted on 21/06/2019 by admin.", Paragraph, "Read more"));

        Assert.Equal(DumpParser.DefaultHouseAuthor, Assert.Single(article.Authors).Name);
        Assert.Equal(new DateOnly(2019, 6, 21), article.Published);
        var note = Assert.Single(article.Diagnostics);
        Assert.Equal((DiagnosticKind.Note, 3), (note.Kind, note.Line));
        Assert.Contains("admin", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Read more")]
    [InlineData("Read More »")]
    [InlineData("Read the rest of this entry »")]
    [InlineData("[Read more…]")]
    [InlineData("Keep reading →")]
    [InlineData("Continue reading “Devolution and the districts” →")]
    public void Parser_EndsAnExcerptAtTheMarkersListingsUse(string marker)
    {
        var articles = ParsedDump.Articles(ParsedDump.Blocks(Title, "Jo Bloggs", Paragraph, marker, "Councils and the living wage", "Sam Lee", Second));

        Assert.Equal(2, articles.Count);
        Assert.True(articles[0].IsExcerpt);
        Assert.Equal([Paragraph], articles[0].Blocks.Select(block => block.Text));
    }

    [Fact]
    public void Parser_LearnsAMarkerTheDumpRepeatsBeforeEveryTitle()
    {
        static string Post(string title, string author) => ParsedDump.Blocks(title, author, Paragraph, "→ Full story on the blog");
        var dump = Post("Parish councils", "Jo Bloggs") + "\n" + Post("Shared services", "Sam Lee") + "\n" + Post("Town deals", "Ann Lee") + "\n" + Post("Ward boundaries", "Bo Chan");

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(4, articles.Count);
        Assert.All(articles, article => Assert.True(article.IsExcerpt));
        Assert.All(articles, article => Assert.Equal([Paragraph], article.Blocks.Select(block => block.Text)));
        Assert.Contains("“→ Full story on the blog”", DumpShape.Learn(dump).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_DescribesTheOpeningsDatesAndMarkersOfTheDump()
    {
        var shape = DumpShape.Learn(SampleDumps.Read(SampleDumps.PostedOn));

        Assert.Equal(6, shape.Openings);
        Assert.Contains("title, date and author (6 of 6)", shape.Description, StringComparison.Ordinal);
        Assert.Contains("Posted on {date} by {author}.", shape.Description, StringComparison.Ordinal);
        Assert.Contains("day first", shape.Description, StringComparison.Ordinal);
    }

    // The listing page's furniture.

    [Fact]
    public void Parser_LeavesFurnitureTheDumpRepeatsBetweenPostsOutOfThemAndKeepsTheirTags()
    {
        static string Post(string title, string author, string tags) =>
            ParsedDump.Blocks(title, author, Paragraph, Second, "Share this:\nTwitter\nFacebook", tags, "Leave a comment");
        var dump = Post("Parish councils", "Jo Bloggs", "Tags: parishes") + "\n" + Post("Shared services", "Sam Lee", "Tags: services, efficiency")
            + "\n" + Post("Town deals", "Ann Lee", "Tags: towns");

        var entries = ParsedDump.Entries(dump);

        var articles = entries.OfType<ParsedArticle>().ToList();
        Assert.Equal(3, articles.Count);
        Assert.All(articles, article => Assert.Equal([Paragraph, Second], article.Blocks.Select(block => block.Text)));
        Assert.Equal(["services", "efficiency"], articles[1].Keywords);
        var furniture = entries.SelectMany(entry => entry is ParsedArticle article ? article.Diagnostics : [(DumpDiagnostic)entry]).ToList();
        Assert.Equal(12, furniture.Count);
        Assert.All(furniture, diagnostic => Assert.Contains("furniture", diagnostic.Message, StringComparison.Ordinal));
        Assert.Contains("“Share this:”", DumpShape.Learn(dump).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_KeepsAHeadingThatEveryPostRepeatsAboveItsText()
    {
        static string Post(string title, string author) =>
            ParsedDump.Blocks(title, author, Paragraph + "[1]", "Conclusion", Second, "Notes", "[1] Local Government Act 1972.");
        var dump = Post("Parish councils", "Jo Bloggs") + "\n" + Post("Shared services", "Sam Lee") + "\n" + Post("Town deals", "Ann Lee");

        var articles = ParsedDump.Articles(dump);

        Assert.All(articles, article => Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Footnote],
            article.Blocks.Select(block => block.Kind)));
    }

    // The guard against a swallowed post.

    [Theory]
    [InlineData("jo bloggs, lecturer")]
    [InlineData("Jo Bloggs (@jobloggs) | Lecturer")]
    [InlineData("Jo Bloggs writes:")]
    public void Parser_WarnsOfAPossibleMissedPostBoundaryWhenABylineCannotBeRead(string unreadable)
    {
        var dump = ParsedDump.Blocks(Title, "Sam Lee", Paragraph, "Why Parish Councils Still Matter", unreadable, Second);

        var entries = ParsedDump.Entries(dump);

        var article = Assert.Single(entries.OfType<ParsedArticle>());
        var warning = Assert.Single(article.Diagnostics, diagnostic => diagnostic.Kind == DiagnosticKind.Warning);
        Assert.Equal(7, warning.Line);
        Assert.StartsWith("possible missed post boundary", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_WarnsOfATitleEndingInAFullStopWithANameUnderIt()
    {
        var dump = ParsedDump.Blocks(Title, "Sam Lee", Paragraph, "Brexit means Brexit.", "Jo Bloggs (@jobloggs)", Second);

        var article = ParsedDump.SingleArticle(dump);

        Assert.Equal(7, Assert.Single(article.Diagnostics, diagnostic => diagnostic.Kind == DiagnosticKind.Warning).Line);
    }

    [Fact]
    public void Parser_DoesNotWarnOfTheAuthorsOwnNameUnderAShortLine()
    {
        var dump = ParsedDump.Blocks(Title, "Sam Lee", Paragraph, "That is where we stand.", "Sam Lee", Second);

        var article = ParsedDump.SingleArticle(dump);

        Assert.DoesNotContain(article.Diagnostics, diagnostic => diagnostic.Kind == DiagnosticKind.Warning);
    }

    [Fact]
    public void Parser_WarnsOfAPostFarLongerThanTheOthers()
    {
        var shortPost = string.Join("\n\n", Enumerable.Repeat(Paragraph, 4));
        var longPost = string.Join("\n\n", Enumerable.Repeat(Paragraph, 80));
        var dump = string.Join("\n", Enumerable.Range(0, 6).Select(i => ParsedDump.Blocks($"Post number {i + 1}", "Jo Bloggs", i == 3 ? longPost : shortPost)));

        var entries = ParsedDump.Entries(dump);

        var warning = Assert.Single(entries.OfType<DumpDiagnostic>());
        Assert.Equal(DiagnosticKind.Warning, warning.Kind);
        Assert.Equal(entries.OfType<ParsedArticle>().ElementAt(3).TitleLine, warning.Line);
    }

    [Theory]
    [MemberData(nameof(SampleDumps.Clean), MemberType = typeof(SampleDumps))]
    public void Parser_GivesNoWarningOnACleanDump(string name)
    {
        var entries = ParsedDump.Entries(SampleDumps.Read(name));

        var warnings = entries.SelectMany(entry => entry is ParsedArticle article ? article.Diagnostics : [(DumpDiagnostic)entry])
            .Where(diagnostic => diagnostic.Kind == DiagnosticKind.Warning);
        Assert.Empty(warnings);
    }
}
