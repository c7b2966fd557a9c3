using System.Net;
using System.Net.Http.Json;
using LocalGovBlog.IntegrationTests.Api;
using Microsoft.AspNetCore.Hosting;

namespace LocalGovBlog.IntegrationTests.Search;

public sealed record FacetCount(string Slug, string Name, int Count);

public sealed record SearchFacets(List<FacetCount> Authors, List<FacetCount> Themes);

public sealed record SearchItem(string Slug, string Title, List<AuthorRef> Authors, string? Snippet);

public sealed record SearchPage(List<SearchItem> Items, int Page, int Total, bool? Ranked, SearchFacets? Facets);

/// <summary>Words, authors and their combinations through <c>GET /api/articles?q=</c>, on a store built from a small dump.</summary>
public sealed class SearchApiTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new(seed: false);
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var dump = new SearchDump()
            .Post("Partnership working in the West Midlands", "Catherine Staite",
                "Councils and health trusts have learned to share budgets.")
            .Post("A café society for district councils", "Dr Zoë Müller-Ørsted",
                "The combined authority met in a café on the high street.")
            .Post("Mayors and money", "Jon Hale",
                "Authority combined with money is what mayors lack; the combined authority model gives neither.",
                "Partnerships with business are a start.")
            .Post("Housing first", "Catherine Staite", "Housing is the test of any council.")
            .Post("Housing and the county", "Jon Hale", "County housing strategies rarely reach the districts.")
            .Post("More housing, fewer plans", "Catherine Staite", "Plans for housing are not houses.")
            .Post("Escaping markup", "Jon Hale", "A paragraph that quotes <script>alert(1)</script> beside the word scrutiny.");
        await _factory.ImportAsync(_factory.WriteDump("search.txt", dump.ToString()));
        _client = _factory.CreateClient();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<SearchPage> SearchAsync(string query)
    {
        var page = await _client.GetFromJsonAsync<SearchPage>("/api/articles?" + query, Cancel);
        Assert.NotNull(page);
        return page;
    }

    [Fact]
    public async Task Search_FindsOtherFormsOfAWordByItsStem()
    {
        var page = await SearchAsync("q=partnerships");

        Assert.Equal(["Partnership working in the West Midlands", "Mayors and money"], page.Items.Select(i => i.Title));
    }

    [Theory]
    [InlineData("cafe")]
    [InlineData("CAFÉ")]
    [InlineData("zoe muller")]
    public async Task Search_IgnoresCaseAndAccentsInWordsAndAuthorNames(string query)
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.Equal("A café society for district councils", Assert.Single(page.Items).Title);
    }

    [Fact]
    public async Task Search_MatchesAQuotedPhraseOnlyWithItsWordsTogetherInOrder()
    {
        var loose = await SearchAsync("q=combined+authority");
        var phrase = await SearchAsync("q=" + Uri.EscapeDataString("\"authority combined\""));

        Assert.Equal(2, loose.Total);
        Assert.Equal("Mayors and money", Assert.Single(phrase.Items).Title);
    }

    [Fact]
    public async Task Search_RanksATitleMatchAboveABodyMatch()
    {
        var page = await SearchAsync("q=money");

        Assert.Equal("Mayors and money", page.Items[0].Title);
        Assert.True(page.Ranked);
    }

    [Fact]
    public async Task Search_WithWordsAndAnAuthor_FindsOnlyThatAuthorsArticlesWithThoseWords()
    {
        var page = await SearchAsync("q=housing&author=catherine-staite");

        Assert.Equal(2, page.Total);
        Assert.All(page.Items, item => Assert.Equal("Catherine Staite", Assert.Single(item.Authors).Name));
        Assert.Equal(["Housing first", "More housing, fewer plans"], page.Items.Select(i => i.Title).Order());
    }

    [Fact]
    public async Task Search_CountsMatchesPerAuthorBesideTheResults()
    {
        var page = await SearchAsync("q=housing&author=catherine-staite");

        Assert.NotNull(page.Facets);
        Assert.Equal([("catherine-staite", 2), ("jon-hale", 1)], page.Facets.Authors.Select(f => (f.Slug, f.Count)));
    }

    [Fact]
    public async Task Search_HighlightsMatchesInSnippetsAndEncodesTheArticlesOwnMarkup()
    {
        var page = await SearchAsync("q=scrutiny");

        var snippet = Assert.Single(page.Items).Snippet;
        Assert.NotNull(snippet);
        Assert.Contains("<mark>scrutiny</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ForAThemeFindsNothingWhileNoThemeExists()
    {
        var page = await SearchAsync("q=housing&theme=austerity");

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced phrase")]
    [InlineData("(housing")]
    [InlineData("housing)")]
    [InlineData("housing AND")]
    [InlineData("OR")]
    [InlineData("NOT housing")]
    [InlineData("NEAR(housing county, 2)")]
    [InlineData("hous*")]
    [InlineData("*")]
    [InlineData("^housing")]
    [InlineData("-housing")]
    [InlineData("title:housing")]
    [InlineData("{title body}: housing")]
    [InlineData("housing'); DROP TABLE Articles; --")]
    [InlineData("'")]
    [InlineData(":")]
    [InlineData("\u0002\u0003")]
    [InlineData("😀 housing")]
    public async Task Search_AnswersHostileQueriesWithResultsOrNothing_NeverAnError(string query)
    {
        var api = await _client.GetAsync("/api/articles?q=" + Uri.EscapeDataString(query), Cancel);
        var page = await _client.GetAsync("/search?q=" + Uri.EscapeDataString(query) + "&author=" + Uri.EscapeDataString(query), Cancel);

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Search_AnswersATenThousandCharacterPaste()
    {
        var paste = string.Concat(Enumerable.Repeat("housing \"(NEAR* ", 700))[..10_000];

        var api = await _client.GetAsync("/api/articles?q=" + Uri.EscapeDataString(paste), Cancel);
        var page = await _client.GetAsync("/search?q=" + Uri.EscapeDataString(paste), Cancel);

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Search_AfterADryRun_FindsNothingTheDryRunWouldHaveAdded()
    {
        var dump = new SearchDump().Post("Zanzibar and the county", "Jon Hale", "Zanzibar has no district councils.");

        var report = await _factory.ImportAsync(_factory.WriteDump("dry.txt", dump.ToString()), dryRun: true);

        Assert.Equal(1, report.Added);
        Assert.Equal(0, (await SearchAsync("q=zanzibar")).Total);
    }

    [Fact]
    public async Task Search_FindsTheNewWordsOfAReimportedPostAndNotItsOldOnes()
    {
        var changed = new SearchDump().Post("Housing first", "Catherine Staite", "Homelessness is the test of any council.");
        await _factory.ImportAsync(_factory.WriteDump("changed.txt", changed.ToString()));

        Assert.Equal("Housing first", Assert.Single((await SearchAsync("q=homelessness")).Items).Title);
        Assert.DoesNotContain("Housing first", (await SearchAsync("q=%22housing+is+the+test%22")).Items.Select(i => i.Title));
    }
}
