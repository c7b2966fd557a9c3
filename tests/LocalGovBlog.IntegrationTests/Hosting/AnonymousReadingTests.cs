using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Hosting;

/// <summary>
/// A reader who is not signed in gets the reading pages with no cookie and no antiforgery token (those pages have
/// no form for them), so nothing is set up per reader; a signed-in reader's forms still carry their tokens and work.
/// </summary>
public sealed class AnonymousReadingTests() : ArchiveTest(environment: "Production")
{
    [Fact]
    public async Task ReadingPages_SetNoCookie_AndCarryNoAntiforgeryToken_ForAnAnonymousReader()
    {
        var client = new FormsClient(Factory);
        var slug = await FirstArticleSlugAsync(client);

        foreach (var path in new[] { "/", $"/articles/{slug}", "/themes/housing", "/search?q=council", $"/api/articles/{slug}", "/health" })
        {
            var response = await client.Http.GetAsync(path, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);

            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie: {string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])}");
            Assert.DoesNotContain("__RequestVerificationToken", body, StringComparison.Ordinal);
        }
        Assert.Empty(client.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task ArticlePage_ForASignedInReader_HasTokenedFormsThatWork()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("reader.with.forms");
        var slug = await FirstArticleSlugAsync(client);

        var html = await client.Http.GetStringAsync($"/articles/{slug}", Cancel);
        var document = await new HtmlParser().ParseDocumentAsync(html, Cancel);
        var postForms = document.QuerySelectorAll("form[method=post]").ToList();

        Assert.NotEmpty(postForms);
        Assert.All(postForms, form => Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]")));
        var tagged = await client.PostFormAsync($"/articles/{slug}", new Dictionary<string, string>
        {
            ["Form.Block"] = "1",
            ["Form.Themes"] = "housing",
            ["Form.IsPublic"] = "true",
        }, action: $"/articles/{slug}?handler=Tag");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, tagged.StatusCode);
    }

    private static async Task<string> FirstArticleSlugAsync(FormsClient client)
    {
        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        return list.GetProperty("items")[0].GetProperty("slug").GetString()!;
    }
}
