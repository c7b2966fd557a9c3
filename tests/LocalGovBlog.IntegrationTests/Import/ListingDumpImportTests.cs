using System.Net;
using System.Net.Http.Json;
using LocalGovBlog.IntegrationTests.Api;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.IntegrationTests.Import;

/// <summary>
/// Thirty posts of our own as listing pages show them (captions, dates, sentence and dashed bylines, notices
/// with no byline, footnotes, joint bios), imported and read back through the API: every post present, none
/// merged into another, every field where it belongs.
/// </summary>
public sealed class ListingDumpImportTests() : ArchiveTest(seed: false)
{
    private const string House = DumpParser.DefaultHouseAuthor;

    /// <param name="Bios">Per author, the start of the bio the API gives (the post's own, else the author's latest); null for none.</param>
    public sealed record Expected(string Title, string[] Authors, string? Role, string? Published, bool Excerpt, string First, string Last, string?[] Bios);

    private static readonly Expected[] Posts =
    [
        new("Parking charges and the high street", ["Jo Bloggs"], null, null, true, "Few council decisions", "Our survey of forty", ["Jo Bloggs is a senior lecturer"]),
        new("What the housing white paper means for planning committees", ["Sam Lee"], "Lecturer in Urban Policy, INLOGOV", null, false, "The housing white paper arrived", "Three changes stand out", ["Sam Lee is a lecturer in urban policy at INLOGOV, where"]),
        new("Rural broadband and the county deal", ["Priya Sharma"], null, null, false, "County leaders have made broadband", "But the money on offer", ["Priya Sharma is a research fellow"]),
        new("Social value in procurement: promise and practice", ["Tom Okafor"], null, null, false, "The Public Services (Social Value) Act", "The councils that do best", [null]),
        new("Fixing the broken market?", ["Jo Bloggs"], null, null, true, "The white paper runs to more", "Councils will welcome", ["Jo Bloggs is a senior lecturer"]),
        new("Ten years of city deals", ["Jo Bloggs", "Sam Lee"], null, null, false, "The first city deals were signed", "A decade later the deals", ["Jo Bloggs is a senior lecturer at INLOGOV.", "Sam Lee is a lecturer in urban policy at INLOGOV."]),
        new("The long road to a county unitary", ["Jo Bloggs"], "Senior Lecturer at INLOGOV", null, true, "Every few years a county", "The latest round of bids", ["Jo Bloggs is a senior lecturer"]),
        new("Scrutiny after the cuts", ["Amina Yusuf"], "Chair of Scrutiny, Anytown Council", null, false, "When I joined the scrutiny committee", "Scrutiny has not stopped", ["Cllr Amina Yusuf has represented"]),
        new("Partnership boards that work", ["Helen Marsh", "Peter Quinn"], null, null, true, "Health and wellbeing boards", "We visited twelve boards", ["Dr Helen Marsh is a senior lecturer", "Professor Peter Quinn is a professor"]),
        new("Measuring the cost of reorganisation", ["Ann Lee", "Bo Chan"], null, null, false, "Reorganisation is always sold", "The savings were real", ["Professor Ann Lee is a professor of public finance at INLOGOV and a former", "Professor Bo Chan is a professor of public management"]),
        new("Faith groups and the local state", ["Mark Bright"], null, null, false, "Churches, mosques, gurdwaras", "The relationship works best", ["Mark Bright is a parish priest"]),
        new("Join our team", [House], null, null, false, "We are looking for a lecturer", "Informal enquiries are welcome", [null]),
        new("Civic entrepreneurs in hard times", ["Jane Foster"], "Director, Civic Futures", null, true, "Austerity did not only close", "Those civic entrepreneurs", [null]),
        new("Call for papers: local government in a cold climate", [House], null, null, false, "We invite papers", "Abstracts of no more than", [null]),
        new("Can councils still afford to innovate?", ["Rachel Green"], null, null, false, "The usual answer is that innovation", "They did not call it innovation", ["Rachel Green is a research fellow at INLOGOV."]),
        new("The devolution framework and the shires", ["Maximilian Lee"], null, null, false, "The framework sets out three levels", "For the shires, the catch", [null]),
        new("District priorities for the next four years", ["Ravi Sheth"], "Leader, Anytown District Council", null, false, "Our first priority is housing", "Our second is the high street", [null]),
        new("Accountability in combined authorities", ["Helen Marsh"], null, null, true, "Combined authorities have grown", "Mayors answer to an electorate", ["Dr Helen Marsh is a senior lecturer"]),
        new("The case for a local tax on tourism", ["Peter Quinn"], null, null, false, "Visitor levies are common", "A levy of a pound or two", ["Peter Quinn is a lecturer in public finance at INLOGOV."]),
        new("Counting what counts in adult social care", ["Bo Chan"], null, null, false, "Adult social care takes", "Notes", ["Professor Bo Chan is a professor of public management"]),
        new("Towns fund, towns found", ["Tom Okafor"], null, "2026-11-27", true, "The towns fund was meant", "The next round should start", [null]),
        new("Libraries as civic infrastructure", ["Priya Sharma"], null, "2026-11-03", true, "Libraries are the last free", "Councils that closed them", ["Priya Sharma is a research fellow"]),
        new("Audit after the collapse of local audit", ["Ann Lee"], null, "2026-10-14", true, "Local audit in England", "Without audited accounts", ["Ann Lee is a professor of public finance at INLOGOV."]),
        new("Neighbourhood governance revisited", ["Helen Marsh", "Peter Quinn"], null, null, false, "Neighbourhood governance has come", "We studied six places", ["Dr Helen Marsh is a senior lecturer at INLOGOV, where she researches partnership working.", "Professor Peter Quinn is a professor of public finance at INLOGOV and chairs"]),
        new("Climate emergencies and council action", ["Priya Sharma"], "Research Fellow, INLOGOV", null, false, "Most councils have declared", "The gap is not only about money", ["Priya Sharma is a research fellow at INLOGOV, where she studies local climate policy."]),
        new("Mayors and the media", ["Sam Lee"], null, null, true, "Metro mayors have proved", "Visibility is not the same", ["Sam Lee is a lecturer in urban policy at INLOGOV"]),
        new("Five lessons from the first unitary councils", ["Rachel Green"], "Research Fellow, INLOGOV", null, true, "The first wave of new unitary councils", "None of these is surprising", ["Rachel Green is a research fellow at INLOGOV."]),
        new("Event: devolution in practice, 12 June", [House], null, null, false, "INLOGOV will host a half-day seminar", "The seminar is free", [null]),
        new("Whose high street is it anyway?", ["Jo Bloggs"], null, null, true, "Councils own far less", "The new powers to let empty shops", ["Jo Bloggs is a senior lecturer"]),
        new("The quiet revolution in council tax support", ["Ann Lee"], null, null, false, "When council tax benefit was abolished", "Ten years on, a growing number", ["Ann Lee is a professor of public finance at INLOGOV."]),
    ];

    [Fact]
    public async Task ImportingAListingDump_KeepsEveryPostWhole_WithEveryFieldInItsPlace()
    {
        var report = await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));
        var client = Factory.CreateClient();

        Assert.Equal((Posts.Length, 0, 0), (report.Added, report.DiagnosticCount, report.WarningCount));
        Assert.Equal(3, report.NoteCount); // the three notices, read as the blog's own
        var page = await client.GetFromJsonAsync<ArticlePage>("/api/articles", Cancel);
        Assert.Equal(Posts.Length, page!.Total);

        var failures = new List<string>();
        foreach (var expected in Posts)
        {
            var article = await client.GetFromJsonAsync<ArticleDetail>($"/api/articles/{Slug.From(expected.Title)}", Cancel);
            failures.AddRange(Compare(expected, article!));
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ImportingAListingDump_GivesCaptionsKeywordsAndFootnotesTheirOwnPlaces()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));
        var client = Factory.CreateClient();

        var planning = await client.GetFromJsonAsync<ArticleDetail>("/api/articles/what-the-housing-white-paper-means-for-planning-committees", Cancel);
        Assert.Equal(["Picture source: Anytown Borough Council press office", "Photo: Councillors at the Anytown planning committee, March 2017"], planning!.Captions);
        Assert.DoesNotContain("Picture source", planning.Text, StringComparison.Ordinal);

        var accountability = await client.GetFromJsonAsync<ArticleDetail>("/api/articles/accountability-in-combined-authorities", Cancel);
        Assert.Equal(["devolution", "combined authorities", "mayors", "accountability"], accountability!.Keywords);

        var tourism = await client.GetFromJsonAsync<ArticleDetail>("/api/articles/the-case-for-a-local-tax-on-tourism", Cancel);
        Assert.Equal(["paragraph", "paragraph", "footnote", "footnote"], tourism!.Blocks.Select(block => block.Kind));

        // A caption is not body text, so search does not find the post by it.
        var byCaption = await client.GetFromJsonAsync<ArticlePage>("/api/articles?q=borough", Cancel);
        Assert.Equal(0, byCaption!.Total);
    }

    [Fact]
    public async Task ListsShowDatedPostsNewestFirstThenTheRestInTheDumpsOrder()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));

        var page = await Factory.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles", Cancel);

        Assert.Equal(["Towns fund, towns found", "Libraries as civic infrastructure", "Audit after the collapse of local audit", "Parking charges and the high street"],
            page!.Items.Take(4).Select(item => item.Title));
        Assert.Equal(new DateOnly(2026, 11, 27), page.Items[0].Published);
    }

    [Fact]
    public async Task ArticlePage_ShowsThePostsOwnRoleNotOneFromAnotherPost()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));
        var client = Factory.CreateClient();

        // Jo Bloggs's role comes from "The long road …"; "Fixing the broken market?" gives none.
        var html = await client.GetStringAsync("/articles/fixing-the-broken-market", Cancel);
        var withRole = await client.GetStringAsync("/articles/the-long-road-to-a-county-unitary", Cancel);
        var author = await client.GetStringAsync("/authors/jo-bloggs", Cancel);

        Assert.DoesNotContain("Senior Lecturer at INLOGOV", html, StringComparison.Ordinal);
        Assert.Contains("Senior Lecturer at INLOGOV", withRole, StringComparison.Ordinal);
        Assert.Contains("Senior Lecturer at INLOGOV", author, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_LinksFootnoteMarkersToTheNotesAndBack()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));

        var html = await Factory.CreateClient().GetStringAsync("/articles/the-case-for-a-local-tax-on-tourism", Cancel);

        Assert.Contains("<a class=\"fn-ref\" href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Note 1\">[1]</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fn-1\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"fn-back\" href=\"#fnref-1\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("posted-on-listing.txt", 6)]
    [InlineData("month-first-listing.txt", 5)]
    public async Task ImportingAnotherBlogsListing_FindsEveryPostByTheDumpsOwnShapeAndSaysWhichShape(string dump, int posts)
    {
        var report = await Factory.ImportAsync(RepositoryPaths.TestData(dump));

        Assert.Equal((posts, 0, 0), (report.Added, report.DiagnosticCount, report.WarningCount));
        Assert.Contains($"date and author ({posts} of {posts})", report.Shape, StringComparison.Ordinal);
        var page = await Factory.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles", Cancel);
        Assert.All(page!.Items, item => Assert.NotNull(item.Published));
        Assert.All(page.Items, item => Assert.True(item.IsExcerpt));
    }

    [Fact]
    public async Task ImportingAListingDumpTwice_ChangesNothing()
    {
        await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));

        var again = await Factory.ImportAsync(RepositoryPaths.TestData("listing-mixed.txt"));

        Assert.Equal((0, 0, Posts.Length), (again.Added, again.Updated, again.Unchanged));
    }

    private static IEnumerable<string> Compare(Expected expected, ArticleDetail article)
    {
        var at = expected.Title;
        if (article.Title != expected.Title)
        {
            yield return $"{at}: title is “{article.Title}”";
        }
        if (!article.Authors.Select(a => a.Name).SequenceEqual(expected.Authors))
        {
            yield return $"{at}: authors are {string.Join(", ", article.Authors.Select(a => a.Name))}";
        }
        if (article.Role != expected.Role)
        {
            yield return $"{at}: role is “{article.Role}”";
        }
        if (article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) != expected.Published)
        {
            yield return $"{at}: published is {article.Published}";
        }
        if (article.IsExcerpt != expected.Excerpt)
        {
            yield return $"{at}: excerpt is {article.IsExcerpt}";
        }
        var body = article.Blocks.Where(block => block.Kind != "footnote").Select(block => article.Text[block.Start..block.End]).ToList();
        if (body.Count == 0 || !body[0].StartsWith(expected.First, StringComparison.Ordinal))
        {
            yield return $"{at}: first paragraph is “{body.FirstOrDefault()}”";
        }
        if (body.Count == 0 || !body[^1].StartsWith(expected.Last, StringComparison.Ordinal))
        {
            yield return $"{at}: last paragraph is “{body.LastOrDefault()}”";
        }
        for (var i = 0; i < expected.Bios.Length && i < article.Authors.Count; i++)
        {
            var bio = article.Authors[i].Bio;
            if (expected.Bios[i] is null ? bio is not null : bio is null || !bio.StartsWith(expected.Bios[i]!, StringComparison.Ordinal))
            {
                yield return $"{at}: {article.Authors[i].Name}'s bio is “{bio}”";
            }
        }
    }
}
