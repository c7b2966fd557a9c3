using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGovBlog.IntegrationTests.Analysis;

/// <summary>
/// The analysis is read once and then follows each tag written (made, re-themed, made private, deleted, restored) by
/// that tag's share: right after each write the API counts it, and what the site serves is what reading the whole
/// store again gives.
/// </summary>
public sealed class AnalysisFollowsWritesTests : ArchiveTest
{
    [Fact]
    public async Task EachTagWrite_IsCountedAtOnce_AndMatchesReadingTheStoreAgain()
    {
        var ann = new FormsClient(Factory);
        await ann.RegisterAsync("ann");
        var (slug, text) = await TaggingClient.FirstArticleAsync(ann);
        var author = (await ann.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}", Cancel))
            .GetProperty("authors")[0].GetProperty("slug").GetString()!;
        await TaggingClient.TagAsync(ann, slug, text, text[..20], ["austerity"]);
        Assert.Equal((0, 0), await CellAsync(ann, "devolution", author));
        // From here on every write is a tag's: none of them sends the analysis back to read the whole store.
        var version = Factory.Services.GetRequiredService<AnalysisVersion>();
        var wholeReads = version.Wide;

        var created = await TaggingClient.TagAsync(ann, slug, text, text[30..60], ["devolution"]);
        var address = new Uri(created.GetProperty("id").GetString()!).AbsolutePath;
        Assert.Equal((1, 1), await CellAsync(ann, "devolution", author));
        await AssertServedIsWholeReadAsync();

        await SendAsync(ann, HttpMethod.Put, address, TaggingClient.Body(30, 70, text[30..70], ["devolution", "austerity"]), HttpStatusCode.OK);
        Assert.Equal((2, 1), await CellAsync(ann, "austerity", author));
        await SendAsync(ann, HttpMethod.Put, address, TaggingClient.Body(30, 70, text[30..70], ["austerity"], isPublic: false), HttpStatusCode.OK);
        Assert.Equal((0, 0), await CellAsync(ann, "devolution", author));
        Assert.Equal((1, 1), await CellAsync(ann, "austerity", author));
        Assert.Equal((2, 1), await CellAsync(ann, "austerity", author, "&taggers=mine"));
        await AssertServedIsWholeReadAsync();

        await SendAsync(ann, HttpMethod.Delete, address, null, HttpStatusCode.NoContent);
        Assert.Equal((1, 1), await CellAsync(ann, "austerity", author, "&taggers=mine"));
        await AssertServedIsWholeReadAsync();

        await SendAsync(ann, HttpMethod.Post, address + "/restore", null, HttpStatusCode.OK);
        Assert.Equal((2, 1), await CellAsync(ann, "austerity", author, "&taggers=mine"));
        await AssertServedIsWholeReadAsync();
        Assert.Equal(wholeReads, version.Wide);
    }

    private static async Task SendAsync(FormsClient client, HttpMethod method, string address, object? body, HttpStatusCode expected)
    {
        var response = await client.SendApiAsync(method, address, json: body);
        Assert.True(response.StatusCode == expected, $"{method} {address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    private static async Task<(int Passages, int Articles)> CellAsync(FormsClient client, string theme, string author, string query = "")
    {
        var matrix = await client.Http.GetFromJsonAsync<JsonElement>($"/api/analysis/matrix?rows=themes&cols=authors{query}", Cancel);
        var cell = matrix.GetProperty("cells").EnumerateArray()
            .FirstOrDefault(c => c.GetProperty("row").GetString() == theme && c.GetProperty("column").GetString() == author);
        return cell.ValueKind == JsonValueKind.Undefined ? (0, 0) : (cell.GetProperty("passages").GetInt32(), cell.GetProperty("articles").GetInt32());
    }

    /// <summary>The snapshot the site serves now against one read whole from the store.</summary>
    private async Task AssertServedIsWholeReadAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var served = await scope.ServiceProvider.GetRequiredService<AnalysisStore>().GetAsync(Cancel);
        var whole = await AnalysisStore.LoadAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), Cancel);
        static object Shape(CodedPassage p) => (p.TagId, p.ArticleId, p.OwnerId, p.Start, p.End, p.IsPublic, string.Join(",", p.ThemeIds));
        Assert.Equal(whole.Passages.Select(Shape), served.Passages.Select(Shape));
        Assert.Equal(whole.Articles.Keys.Order(), served.Articles.Keys.Order());
        Assert.Equal(whole.TaggerNames.OrderBy(n => n.Key, StringComparer.Ordinal), served.TaggerNames.OrderBy(n => n.Key, StringComparer.Ordinal));
    }
}
