using System.Net.Http.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Search;

/// <summary>Themes and tag notes in search: words + theme together, theme counts beside the results,
/// and a note's words finding its article.</summary>
public sealed class SearchThemeTests() : ArchiveTest(seed: true)
{
    private const string Mason = "creating-our-fate-through-our-own-behaviours";
    private const string Staite = "catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham";

    private async Task<FormsClient> TaggerAsync()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("search.tagger");
        var masonText = await TaggingClient.TextAsync(client, Mason);
        await TaggingClient.TagAsync(client, Mason, masonText, "partnership working", ["devolution"], note: "A marginal gloss about zeppelins.");
        var staiteText = await TaggingClient.TextAsync(client, Staite);
        await TaggingClient.TagAsync(client, Staite, staiteText, "Working in partnership in the public sector", ["partnership"]);
        return client;
    }

    [Fact]
    public async Task WordsAndTheme_FindOnlyArticlesTaggedWithTheTheme()
    {
        var client = await TaggerAsync();

        var all = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership", Cancel);
        var devolution = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership&theme=devolution", Cancel);
        var themeOnly = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?theme=partnership", Cancel);

        Assert.True(all!.Total >= 2);
        Assert.Equal([Mason], devolution!.Items.Select(i => i.Slug));
        Assert.Equal([Staite], themeOnly!.Items.Select(i => i.Slug));
        Assert.Contains(all.Facets!.Themes, f => f.Slug == "devolution" && f.Count == 1);
        Assert.Contains(all.Facets.Themes, f => f.Slug == "partnership" && f.Count == 1);
    }

    [Fact]
    public async Task ThemeCounts_FollowEveryTagWrittenOrDeleted()
    {
        var client = await TaggerAsync();
        static int Count(SearchPage? page, string theme) => page!.Facets!.Themes.FirstOrDefault(f => f.Slug == theme)?.Count ?? 0;
        Assert.Equal(1, Count(await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership", Cancel), "partnership"));

        var masonText = await TaggingClient.TextAsync(client, Mason);
        var added = await TaggingClient.TagAsync(client, Mason, masonText, "partnership working", ["partnership"]);
        Assert.Equal(2, Count(await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership", Cancel), "partnership"));

        var deleted = await client.SendApiAsync(HttpMethod.Delete, new Uri(added.GetProperty("id").GetString()!).AbsolutePath);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(1, Count(await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership", Cancel), "partnership"));
    }

    [Fact]
    public async Task WordsAuthorAndTheme_CombineIntoOneFilter()
    {
        var client = await TaggerAsync();

        var mason = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership&author=anthony-mason&theme=devolution", Cancel);
        var staite = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership&author=catherine-staite&theme=devolution", Cancel);
        var unknownTheme = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=partnership&theme=no-such-theme", Cancel);

        Assert.Equal([Mason], mason!.Items.Select(i => i.Slug));
        Assert.Equal(0, staite!.Total);
        Assert.Equal(0, unknownTheme!.Total);
    }

    [Fact]
    public async Task TagNote_IsSearchableOnceSavedAndGoneWhenTheTagIs()
    {
        var client = await TaggerAsync();

        var found = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=zeppelins", Cancel);
        Assert.Equal([Mason], found!.Items.Select(i => i.Slug));

        var tags = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/articles/{Mason}/annotations", Cancel);
        var id = tags.EnumerateArray().Single().GetProperty("id").GetString()!.Split('/')[^1];
        var deleted = await client.SendApiAsync(HttpMethod.Delete, $"/api/annotations/{id}");
        Assert.True(deleted.IsSuccessStatusCode);

        var gone = await client.Http.GetFromJsonAsync<SearchPage>("/api/articles?q=zeppelins", Cancel);
        Assert.Equal(0, gone!.Total);
    }

    [Fact]
    public async Task SearchPage_NarrowsByThemeAndListsThemeCounts()
    {
        var client = await TaggerAsync();

        var html = await client.Http.GetStringAsync("/search?q=partnership&theme=devolution", Cancel);
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, Cancel);

        Assert.Equal(["Creating our fate through our own\u00A0behaviours"], page.QuerySelectorAll(".search-list .teaser__title").Select(t => t.TextContent.Trim()));
        Assert.Contains("tagged Devolution", page.QuerySelector("#search-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#facets-themes + ul .facets__name"), n => n.TextContent == "Partnership");
        Assert.Equal("devolution", page.QuerySelector("input[type=hidden][name=theme]")?.GetAttribute("value"));
    }
}
