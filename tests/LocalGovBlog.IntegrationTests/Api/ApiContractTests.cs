using System.Net.Http.Json;
using System.Text.Json;

namespace LocalGovBlog.IntegrationTests.Api;

/// <summary>The API's field names, asserted as names: integrations rely on them (product.md section 5).</summary>
public sealed class ApiContractTests() : ArchiveTest(seed: true)
{
    private const string Slug = "creating-our-fate-through-our-own-behaviours";

    private async Task<JsonElement> GetAsync(string path) =>
        await Factory.CreateClient().GetFromJsonAsync<JsonElement>(path, Cancel);

    /// <summary>Every name is one the API documents; the ones never null are always there (nulls are left out).</summary>
    private static void AssertNames(JsonElement json, string[] always, string[]? whenNotNull = null)
    {
        var names = json.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Subset(always.Concat(whenNotNull ?? []).ToHashSet(), names);
        Assert.Subset(names, always.ToHashSet());
    }

    [Fact]
    public async Task ArticleList_NamesItsFields()
    {
        var page = await GetAsync("/api/articles");

        AssertNames(page, ["items", "page", "total"]);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            AssertNames(item, ["slug", "title", "authors", "isExcerpt", "themes"], ["role", "standfirst", "published"]);
            AssertNames(item.GetProperty("authors")[0], ["slug", "name"]);
        }
    }

    [Fact]
    public async Task Search_AddsSnippetRankedAndFacets()
    {
        var page = await GetAsync("/api/articles?q=partnership");

        AssertNames(page, ["items", "page", "total", "ranked", "facets"]);
        AssertNames(page.GetProperty("items")[0], ["slug", "title", "authors", "isExcerpt", "themes", "snippet"], ["role", "standfirst", "published"]);
        AssertNames(page.GetProperty("facets"), ["authors", "themes"]);
        AssertNames(page.GetProperty("facets").GetProperty("authors")[0], ["slug", "name", "count"]);
    }

    [Fact]
    public async Task Article_NamesItsFields()
    {
        var article = await GetAsync($"/api/articles/{Slug}");

        AssertNames(article, ["slug", "title", "authors", "isExcerpt", "captions", "keywords", "text", "blocks", "annotations"], ["standfirst", "role", "published"]);
        AssertNames(article.GetProperty("authors")[0], ["slug", "name"], ["role", "bio"]);
        AssertNames(article.GetProperty("blocks")[0], ["kind", "start", "end", "ordered"]);
    }

    [Fact]
    public async Task AuthorsAndThemes_NameTheirFields()
    {
        AssertNames((await GetAsync("/api/authors"))[0], ["slug", "name", "articleCount"], ["role", "bio"]);
        AssertNames((await GetAsync("/api/themes"))[0], ["slug", "name", "color", "passageCount"], ["description"]);
    }

    [Fact]
    public void StrictReading_RefusesARenamedOrUnknownField()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<AuthorRef>("""{"Slug":"a","Name":"A"}""", ApiJson.Strict));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<AuthorRef>("""{"slug":"a","name":"A","nickname":"B"}""", ApiJson.Strict));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<AuthorRef>("""{"slug":"a"}""", ApiJson.Strict));
        Assert.Equal(new AuthorRef("a", "A"), JsonSerializer.Deserialize<AuthorRef>("""{"slug":"a","name":"A"}""", ApiJson.Strict));
    }
}
