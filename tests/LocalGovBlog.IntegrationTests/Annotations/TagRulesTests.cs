using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Who may change a tag is one rule: the API and the article page give the same answer.</summary>
public sealed class TagRulesTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new();
    private string _slug = "";
    private string _text = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (_slug, _text) = await TaggingClient.FirstArticleAsync(new FormsClient(_factory));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<FormsClient> SignedInAsync(string name)
    {
        var client = new FormsClient(_factory);
        await client.RegisterAsync(name);
        return client;
    }

    private string Sentence() => _text[.._text.IndexOf('.', StringComparison.Ordinal)];

    private static int IdOf(JsonElement tag) => int.Parse(new Uri(tag.GetProperty("id").GetString()!).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> PageDeleteAsync(FormsClient client, int id) =>
        client.PostFormAsync($"/articles/{_slug}", new Dictionary<string, string>(), action: $"/articles/{_slug}?handler=Delete&id={id}");

    [Fact]
    public async Task Editor_ChangesSomeoneElsesPrivateTag_AndGetsTheChangedTagBack()
    {
        var admin = await SignedInAsync("first-admin"); // the first account is the admin
        var owner = await SignedInAsync("private-owner");
        var tag = await TaggingClient.TagAsync(owner, _slug, _text, Sentence(), ["brexit"], isPublic: false);
        var address = new Uri(tag.GetProperty("id").GetString()!).AbsolutePath;

        var response = await admin.SendApiAsync(HttpMethod.Put, address, json: TaggingClient.Body(0, 5, _text[..5], ["housing"], "moderated", isPublic: false));

        var content = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("housing", content, StringComparison.Ordinal);
        var themes = await _factory.QueryAsync(db => db.Annotations.Where(a => a.Id == IdOf(tag)).SelectMany(a => a.Themes.Select(t => t.Slug)).ToListAsync(Cancel));
        Assert.Equal(["housing"], themes);
    }

    [Fact]
    public async Task Stranger_IsToldAPrivateTagDoesNotExist_ByTheApiAndThePageAlike()
    {
        var owner = await SignedInAsync("keeper");
        var stranger = await SignedInAsync("stranger");
        var hidden = IdOf(await TaggingClient.TagAsync(owner, _slug, _text, Sentence(), ["brexit"], isPublic: false));
        var shown = IdOf(await TaggingClient.TagAsync(owner, _slug, _text, _text[..12], ["housing"]));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendApiAsync(HttpMethod.Delete, $"/api/annotations/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PageDeleteAsync(stranger, hidden)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendApiAsync(HttpMethod.Delete, "/api/annotations/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PageDeleteAsync(stranger, 999999)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SendApiAsync(HttpMethod.Delete, $"/api/annotations/{shown}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageDeleteAsync(stranger, shown)).StatusCode);
        Assert.Equal(2, await _factory.QueryAsync(db => db.Annotations.CountAsync(Cancel)));
    }

    [Fact]
    public async Task DeletedTag_LeavesPagesCountsAndSearch_AndUndoBringsItAllBack()
    {
        var owner = await SignedInAsync("undoer");
        var id = IdOf(await TaggingClient.TagAsync(owner, _slug, _text, Sentence(), ["housing"], "quixotic zeppelins"));
        Assert.Equal(1, (await owner.Http.GetFromJsonAsync<Search.SearchPage>("/api/articles?q=zeppelins", Cancel))!.Total);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendApiAsync(HttpMethod.Delete, $"/api/annotations/{id}")).StatusCode);

        Assert.Equal(0, (await owner.Http.GetFromJsonAsync<Search.SearchPage>("/api/articles?q=zeppelins", Cancel))!.Total);
        Assert.Equal(0, (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
        Assert.Equal(0, await PassageCountAsync(owner, "housing"));
        // Kept, softly, so it can come back.
        Assert.Equal(1, await _factory.QueryAsync(db => db.Annotations.IgnoreQueryFilters().CountAsync(a => a.DeletedAtUtc != null, Cancel)));

        var stranger = await SignedInAsync("not-the-undoer");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SendApiAsync(HttpMethod.Post, $"/api/annotations/{id}/restore")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.SendApiAsync(HttpMethod.Post, $"/api/annotations/{id}/restore")).StatusCode);

        Assert.Equal(1, (await owner.Http.GetFromJsonAsync<Search.SearchPage>("/api/articles?q=zeppelins", Cancel))!.Total);
        Assert.Equal(1, (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
        Assert.Equal(1, await PassageCountAsync(owner, "housing"));
    }

    [Fact]
    public async Task PageDelete_OffersUndo_AndTheUndoFormRestoresTheTag()
    {
        var owner = await SignedInAsync("page-undoer");
        var id = IdOf(await TaggingClient.TagAsync(owner, _slug, _text, Sentence(), ["housing"]));

        Assert.Equal(HttpStatusCode.Redirect, (await PageDeleteAsync(owner, id)).StatusCode);
        var html = await owner.Http.GetStringAsync($"/articles/{_slug}", Cancel);
        var document = await new HtmlParser().ParseDocumentAsync(html, Cancel);
        Assert.Empty(document.QuerySelectorAll("#article-text mark"));
        var undo = document.QuerySelector("form.tag-undo");
        Assert.NotNull(undo);
        Assert.Contains("Tag deleted", document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/articles/{_slug}", new Dictionary<string, string>(), action: undo.GetAttribute("action"))).StatusCode);
        var after = await new HtmlParser().ParseDocumentAsync(await owner.Http.GetStringAsync($"/articles/{_slug}", Cancel), Cancel);
        Assert.NotEmpty(after.QuerySelectorAll("#article-text mark"));
    }

    private static async Task<int> PassageCountAsync(FormsClient client, string theme) =>
        (await client.Http.GetFromJsonAsync<JsonElement>("/api/themes", Cancel)).EnumerateArray()
            .Single(t => t.GetProperty("slug").GetString() == theme).GetProperty("passageCount").GetInt32();
}
