using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>Our own sample dumps, one per variation of the format that real dumps show.</summary>
public class DumpParserSampleDumpTests
{
    private readonly string varied = SampleDumps.Read(SampleDumps.Varied);

    [Theory]
    [MemberData(nameof(SampleDumps.Names), MemberType = typeof(SampleDumps))]
    public void Parser_PlacesEveryNonBlankLineOfEverySampleExactlyOnce(string name)
    {
        var dump = SampleDumps.Read(name);

        var entries = DumpParser.Parse(dump).ToList();

        LineAccounting.AssertEveryLinePlacedOnce(dump, entries);
    }

    [Fact]
    public void LineAccounting_CatchesAParserThatDropsOrRepeatsALine()
    {
        var dump = SampleDumps.Read(SampleDumps.Seed);
        var entries = DumpParser.Parse(dump).ToList();
        var withoutBio = entries.Select(entry => entry is ParsedArticle { Ordinal: 1 } article ? article with { Bios = [] } : entry).ToList();
        var twice = entries.Append(new DumpDiagnostic(1, "again", "Cities will need to lead the way\u00A0post-Brexit")).ToList();

        Assert.ThrowsAny<Exception>(() => LineAccounting.AssertEveryLinePlacedOnce(dump, withoutBio));
        Assert.ThrowsAny<Exception>(() => LineAccounting.AssertEveryLinePlacedOnce(dump, twice));
    }

    [Fact]
    public void Parser_FindsEveryPostInTheVariedDumpInFileOrder()
    {
        var entries = ParsedDump.Entries(varied);
        var articles = entries.OfType<ParsedArticle>().ToList();

        Assert.Equal(
            [
                "What does the Devolution Bill mean for district councils?",
                "Partnership working after austerity",
                "Combined authorities and the mayoral question",
                "Ann Lee on the future of the county deal",
                "Why scrutiny still matters",
                "Jan van der Berg reflects on twenty years of reorganisation",
                "A note on the figures",
                "Place-based leadership in an age of austerity",
                "Is the LGA still the voice of local government?",
            ],
            articles.Select(article => article.Title));
        Assert.Equal(Enumerable.Range(0, 9), articles.Select(article => article.Ordinal));
        var lines = entries.Select(entry => entry is ParsedArticle article ? article.TitleLine : ((DumpDiagnostic)entry).Line).ToList();
        Assert.Equal(lines.Order(), lines);
    }

    [Fact]
    public void Parser_ReportsThePreambleAsTextBeforeTheFirstPost()
    {
        var entries = ParsedDump.Entries(varied);

        var preamble = Assert.IsType<DumpDiagnostic>(entries[0]);
        Assert.Equal(1, preamble.Line);
        Assert.Contains("before the first post", preamble.Message, StringComparison.Ordinal);
        Assert.StartsWith("Exported from the blog archive", preamble.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_ReadsHonorificsAndCoAuthorsOutOfTheNames()
    {
        var articles = ParsedDump.Articles(varied);

        Assert.Equal([new ParsedAuthor("Jane Doe", "Dr")], articles[0].Authors);
        Assert.Equal([new ParsedAuthor("Jane Doe", null), new ParsedAuthor("John Smith", null)], articles[1].Authors);
        Assert.Equal(
            [new ParsedAuthor("Ann Lee", "Prof."), new ParsedAuthor("Tomás García", null), new ParsedAuthor("Zoë Müller-Ørsted", null)],
            articles[2].Authors);
        Assert.Equal([new ParsedAuthor("Ann Lee", "Cllr")], articles[3].Authors);
        Assert.Equal([new ParsedAuthor("Siobhán O’Brien", null)], articles[4].Authors);
        Assert.Equal([new ParsedAuthor("Jan van der Berg", null)], articles[5].Authors);
        Assert.Equal([new ParsedAuthor("J. R. Smith", null)], articles[7].Authors);
    }

    [Fact]
    public void Parser_ReadsRolesWithAndWithoutCommas()
    {
        var articles = ParsedDump.Articles(varied);

        Assert.Equal(
            [
                "Lecturer in Public Policy, INLOGOV", "Lecturers, INLOGOV", null, "Leader of Anyshire County Council",
                "Honorary Senior Fellow, INLOGOV", "Visiting Fellow, INLOGOV", null, "Senior Research Fellow INLOGOV", null,
            ],
            articles.Select(article => article.Role));
    }

    [Fact]
    public void Parser_TakesAOneSentenceThirdPersonOpeningAsTheStandfirst()
    {
        var articles = ParsedDump.Articles(varied);

        Assert.Equal(
            "As the Cities and Local Government Devolution Bill reaches its second reading, Jane Doe reflects on what it means for districts.",
            articles[0].Standfirst);
        Assert.Equal(SampleDumps.LineOf(varied, "As the Cities and Local Government"), articles[0].StandfirstLine);
        Assert.StartsWith("Most of the debate", articles[0].Blocks[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("In this post J. R. Smith argues", articles[7].Standfirst, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_TakesAnIntroductionNamingTheAuthorsAsTheStandfirstButKeepsAnOpeningNamingNobodyInTheBody()
    {
        var articles = ParsedDump.Articles(varied);

        // An editor's two sentences about the authors introduce the post; a sentence naming nobody is its text.
        Assert.StartsWith("Jane Doe and John Smith have spent", articles[1].Standfirst, StringComparison.Ordinal);
        Assert.StartsWith("Austerity has changed the terms", articles[1].Blocks[0].Text, StringComparison.Ordinal);
        Assert.Null(articles[5].Standfirst);
        Assert.Equal("Every generation of ministers discovers local government reorganisation anew.", articles[5].Blocks[0].Text);
    }

    [Fact]
    public void Parser_ReadsQuotationsIntroducedByAColon()
    {
        var articles = ParsedDump.Articles(varied);

        var quote = Assert.Single(articles[0].Blocks, block => block.Kind == BlockKind.Quote);
        Assert.StartsWith("“We are being asked", quote.Text, StringComparison.Ordinal);
        // Opening mark missing; then a two-paragraph quotation whose first paragraph stays open.
        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Quote, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Quote, BlockKind.Quote],
            articles[4].Blocks.Select(block => block.Kind));
        Assert.StartsWith("We used to be told things", articles[4].Blocks[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_ReadsBulletLinesAsListItemsWithoutTheirMarkers()
    {
        var articles = ParsedDump.Articles(varied);

        var items = articles[0].Blocks.Where(block => block.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(
            [
                "the loss of planning powers to a strategic tier;",
                "a mayor who would answer to an electorate far larger than any district;",
                "the cost of yet another layer of governance when budgets are falling.",
            ],
            items.Select(item => item.Text));
        Assert.All(items, item => Assert.False(item.Ordered));
        var introduction = articles[0].Blocks.Single(block => block.LastLine == items[0].FirstLine - 2);
        Assert.Equal((BlockKind.Paragraph, "Three concerns came up again and again:"), (introduction.Kind, introduction.Text));
    }

    [Fact]
    public void Parser_SplitsABlockOfIntroductionAndDashedItemsAndJoinsAnItemsContinuationLine()
    {
        var partnership = ParsedDump.Articles(varied)[1];

        var introduction = partnership.Blocks.Single(block => block.Text == "The councils we spoke to told us three things:");
        Assert.Equal(BlockKind.Paragraph, introduction.Kind);
        var items = partnership.Blocks.Where(block => block.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(
            "trust survives a change of leader only if it has been built between officers as well as between politicians;",
            items[1].Text);
        Assert.Equal(items[1].FirstLine + 1, items[1].LastLine);
    }

    [Fact]
    public void Parser_KeepsNumberedItemsSeparatedByBlankLinesAsOneOrderedList()
    {
        var mayors = ParsedDump.Articles(varied)[2];

        var items = mayors.Blocks.Where(block => block.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, item => Assert.True(item.Ordered));
        Assert.Equal("Some accepted reluctantly, insisting on a cabinet of council leaders to hold the mayor in check.", items[1].Text);
        var first = mayors.Blocks.ToList().IndexOf(items[0]);
        Assert.Equal(items, mayors.Blocks.Skip(first).Take(4));
    }

    [Fact]
    public void Parser_KeepsFootnoteMarkersInTextAndReadsTheNotesAfterTheBodyAsFootnotes()
    {
        var articles = ParsedDump.Articles(varied);

        Assert.EndsWith("residents notice every day.[1]", articles[0].Blocks[0].Text, StringComparison.Ordinal);
        var note = articles[0].Blocks[^1];
        Assert.Equal(BlockKind.Footnote, note.Kind);
        Assert.StartsWith("[1] District Councils’ Network", note.Text, StringComparison.Ordinal);
        Assert.Equal(BlockKind.Footnote, articles[8].Blocks[^1].Kind);
        Assert.StartsWith("[2]", articles[8].Blocks[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_ReportsTextAfterContinueReadingAsBelongingToNoPost()
    {
        var entries = ParsedDump.Entries(varied);

        var continueLine = ((ParsedArticle)entries[1]).ContinueReadingLine;
        var strays = entries.Skip(2).TakeWhile(entry => entry is DumpDiagnostic).Cast<DumpDiagnostic>().ToList();
        Assert.Equal(["Share this:", "Twitter · Facebook · Email"], strays.Select(stray => stray.Text));
        Assert.All(strays, stray => Assert.Contains($"after “Continue reading” (line {continueLine})", stray.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parser_ReadsATitleWithNoBylineAfterAnExcerptAsAPostByTheBlogAndSaysSo()
    {
        var entries = ParsedDump.Entries(varied);

        var note = Assert.Single(entries.OfType<ParsedArticle>(), article => article.Title == "A note on the figures");
        Assert.Equal((SampleDumps.LineOf(varied, "A note on the figures"), null), (note.TitleLine, note.BylineLine));
        Assert.Equal([new ParsedAuthor("INLOGOV", null)], note.Authors);
        Assert.StartsWith("The savings quoted", Assert.Single(note.Blocks).Text, StringComparison.Ordinal);
        var reading = Assert.Single(note.Diagnostics);
        Assert.Equal((DiagnosticKind.Note, note.TitleLine), (reading.Kind, reading.Line));
        Assert.Contains("no byline", reading.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, entry => entry is DumpDiagnostic { Text: "A note on the figures" });
    }

    [Fact]
    public void Parser_ReadsACoAuthorSignOffInAnotherJoiningFormAndGivesEachBioItsAuthor()
    {
        var partnership = ParsedDump.Articles(varied)[1];

        Assert.Equal(SampleDumps.LineEqualTo(varied, "Jane Doe and John Smith"), partnership.SignOffLine);
        Assert.Equal([0, 1, null], partnership.Bios.Select(bio => bio.AuthorIndex));
        Assert.StartsWith("Dr John Smith is a lecturer", partnership.Bios[1].Text, StringComparison.Ordinal);
        Assert.Equal("None of this is new, but austerity has made it urgent.", partnership.Blocks[^1].Text);
    }

    [Fact]
    public void Parser_CarriesABioOnToAFollowingParagraphAboutTheSamePerson()
    {
        var scrutiny = ParsedDump.Articles(varied)[4];

        Assert.Equal([0, 0], scrutiny.Bios.Select(bio => bio.AuthorIndex));
        Assert.StartsWith("She was previously", scrutiny.Bios[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_EndsAPostAtASignOffWithoutABioWhenTheNextPostFollows()
    {
        var articles = ParsedDump.Articles(varied);

        Assert.Equal(SampleDumps.LineEqualTo(varied, "Ann Lee"), articles[3].SignOffLine);
        Assert.Empty(articles[3].Bios);
        Assert.Equal(articles[3].SignOffLine, articles[3].LastLine);
        Assert.NotNull(articles[7].SignOffLine);
        Assert.Empty(articles[7].Bios);
    }

    [Fact]
    public void Parser_EndsAPostWithNoEndMarkerWhereTheNextTitleAndBylineBegin()
    {
        var articles = ParsedDump.Articles(varied);

        var mayors = articles[2];
        Assert.False(mayors.IsExcerpt);
        Assert.Null(mayors.SignOffLine);
        Assert.StartsWith("The mayoral question will not go away.", mayors.Blocks[^1].Text, StringComparison.Ordinal);
        Assert.Equal(mayors.Blocks[^1].LastLine, mayors.LastLine);
        var last = articles[^1];
        Assert.Null(last.SignOffLine);
        Assert.False(last.IsExcerpt);
        Assert.Equal(SourceLines.Of(varied).Count - 1, last.LastLine);
    }

    [Fact]
    public void Parser_ReadsACrlfDumpWithAByteOrderMarkAndNoFinalNewline()
    {
        var dump = SampleDumps.Read(SampleDumps.CrlfBomNbsp);

        var articles = ParsedDump.Articles(dump);

        Assert.Equal(["Devolution deals need districts too!", "Shared services:\u00A0what three districts learned"], articles.Select(article => article.Title));
        Assert.Equal([new ParsedAuthor("Priya Shah", "Ms"), new ParsedAuthor("Tom Hughes", null)], articles[0].Authors);
        Assert.Equal("Chief Executive, Anyshire District Council", articles[1].Role);
        Assert.Equal([0, 1], articles[0].Bios.Select(bio => bio.AuthorIndex));
        Assert.EndsWith("writes here in a personal capacity.", articles[1].Bios[0].Text, StringComparison.Ordinal);
        var texts = articles.SelectMany(article => article.Blocks.Select(block => block.Text).Concat(article.Bios.Select(bio => bio.Text)));
        Assert.All(texts, text => Assert.DoesNotContain('\r', text));
    }

    [Fact]
    public void Parser_KeepsNonBreakingSpacesInsideTextButTrimsThemAtTheEnds()
    {
        var articles = ParsedDump.Articles(SampleDumps.Read(SampleDumps.CrlfBomNbsp));

        Assert.Contains("across\u00A0the country", articles[0].Standfirst, StringComparison.Ordinal);
        Assert.Contains("house the homeless.\u00A0 A deal", articles[0].Blocks[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, articles[0].Bios[1].AuthorIndex);
        Assert.StartsWith("Tom\u00A0Hughes is", articles[0].Bios[1].Text, StringComparison.Ordinal);
        // "Mark Ellis\u00A0" still signs off the post it wrote.
        Assert.NotNull(articles[1].SignOffLine);
        Assert.StartsWith("Mark Ellis\u00A0is chief executive", articles[1].Bios[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_YieldsOnlyDiagnosticsForADumpWithNoPost()
    {
        var dump = SampleDumps.Read(SampleDumps.NoPosts);

        var entries = ParsedDump.Entries(dump);

        Assert.All(entries, entry => Assert.IsType<DumpDiagnostic>(entry));
        var diagnostics = entries.Cast<DumpDiagnostic>().ToList();
        Assert.Equal([1, 3, 5, 6, 7], diagnostics.Select(diagnostic => diagnostic.Line));
        Assert.All(diagnostics, diagnostic => Assert.Contains("before the first post", diagnostic.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleDumps.Names), MemberType = typeof(SampleDumps))]
    public void Parser_ReadsEverySampleTheSameWithCrlfBomOrNoFinalNewline(string name)
    {
        var lf = SampleDumps.Read(name).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = Describe(ParsedDump.Entries(lf));

        foreach (var variant in new[] { "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal), lf.TrimEnd('\n'), lf + "\n\n" })
        {
            Assert.Equal(expected, Describe(ParsedDump.Entries(variant)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Parser_ReadsTheSamplePostsTheSameInAnyOrder(int seed)
    {
        // A post with no byline ("A note on the figures") is told from a subheading, and alt text under a title
        // from the end of a body, only by what comes before them (the end of an excerpt), so those cannot keep
        // their reading in every order; nor can a date above a title, which lies outside the post's lines.
        var posts = SampleDumps.All.SelectMany(name => PostsOf(SampleDumps.Read(name))).Where(post => post.ReadsAloneTheSame).ToList();
        var shuffled = posts.ToArray();
        new Random(seed).Shuffle(shuffled);

        var dump = string.Join("\n\n", shuffled.Select(post => post.Text));
        var entries = ParsedDump.Entries(dump);

        Assert.All(entries, entry => Assert.IsType<ParsedArticle>(entry));
        Assert.Equal(shuffled.Select(post => post.Description), entries.Cast<ParsedArticle>().Select(DescribeIgnoringLines));
    }

    private static List<(string Text, string Description, bool ReadsAloneTheSame)> PostsOf(string dump)
    {
        var lines = SourceLines.Of(dump);
        return ParsedDump.Articles(dump)
            .Select(article => (
                string.Join("\n", lines.Skip(article.TitleLine).Take(article.LastLine - article.TitleLine + 1)),
                DescribeIgnoringLines(article),
                article.BylineLine is not null && article.Captions.All(caption => CaptionLine.IsExplicit(caption.Text))
                    && !(article.DateLine < article.TitleLine)))
            .ToList();
    }

    private static string Describe(IEnumerable<DumpEntry> entries) =>
        string.Join("\n", entries.Select(entry => entry switch
        {
            ParsedArticle article => $"{article.Ordinal} {article.TitleLine}-{article.LastLine} {DescribeIgnoringLines(article)}",
            DumpDiagnostic diagnostic => $"{diagnostic.Line}: {diagnostic.Message}: {diagnostic.Text}",
            _ => "?",
        }));

    private static string DescribeIgnoringLines(ParsedArticle article) =>
        string.Join(
            " | ",
            [
                article.Title,
                string.Join(";", article.Authors.Select(author => $"{author.Honorific} {author.Name} {author.PostNominals}")),
                article.Role ?? "-",
                article.Standfirst ?? "-",
                string.Join(";", article.Captions.Select(caption => caption.Text)),
                article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                string.Join(";", article.Keywords),
                string.Join(";", article.Blocks.Select(block => $"{block.Kind}{(block.Ordered ? "#" : "")}:{block.Text}")),
                article.IsExcerpt ? "excerpt" : "whole",
                article.SignOffLine is null ? "no sign-off" : "signed",
                string.Join(";", article.Bios.Select(bio => $"{bio.AuthorIndex}:{bio.Text}")),
                string.Join(";", article.Diagnostics.Select(diagnostic => diagnostic.Text)),
            ]);
}
