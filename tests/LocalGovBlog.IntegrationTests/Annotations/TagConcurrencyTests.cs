using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.Web.Pages.Articles;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Two people editing one tag at once: the second gets a 409 with the version that won, never a silent overwrite.</summary>
public sealed class TagConcurrencyTests : IAsyncLifetime
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

    private string Words => _text[.._text.IndexOf(' ', 20)];

    private Dictionary<string, object> Edit(string note, int? version)
    {
        var body = (Dictionary<string, object>)TaggingClient.Body(0, TaggingClient.CodePoints(_text, Words.Length), Words, ["devolution"], note);
        if (version is not null)
        {
            body["version"] = version;
        }
        return body;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    [Fact]
    public async Task SecondEditFromAnOldVersion_Gets409WithTheCurrentVersion_AndTheFirstEditStands()
    {
        var owner = new FormsClient(_factory);
        await owner.RegisterAsync("owner.person"); // the first account: an admin, so an editor of every tag
        var colleague = new FormsClient(_factory);
        await colleague.RegisterAsync("colleague.person");
        var created = await TaggingClient.TagAsync(colleague, _slug, _text, Words, ["devolution"], "first note");
        var path = new Uri(created.GetProperty("id").GetString()!).AbsolutePath;
        var loaded = created.GetProperty("version").GetInt32();

        // Both loaded version 1; the first to save wins and makes version 2.
        var first = await colleague.SendApiAsync(HttpMethod.Put, path, json: Edit("the first person's note", loaded));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(loaded + 1, (await JsonAsync(first)).GetProperty("version").GetInt32());

        var second = await owner.SendApiAsync(HttpMethod.Put, path, json: Edit("the second person's note", loaded));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(loaded + 1, (await JsonAsync(second)).GetProperty("currentVersion").GetInt32());
        var stored = await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel);
        var note = stored.EnumerateArray().Single().GetProperty("body").EnumerateArray().Single(b => b.GetProperty("purpose").GetString() == "commenting");
        Assert.Equal("the first person's note", note.GetProperty("value").GetString());
    }

    [Fact]
    public async Task IfMatchHeader_WithTheCurrentVersion_Saves_AndWithAnOldOne_Gets409()
    {
        var owner = new FormsClient(_factory);
        await owner.RegisterAsync("header.person");
        var created = await TaggingClient.TagAsync(owner, _slug, _text, Words, ["devolution"], "note");
        var path = new Uri(created.GetProperty("id").GetString()!).AbsolutePath;

        var request = await owner.PrepareApiAsync(HttpMethod.Put, path, json: Edit("changed", null));
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.SendAsync(request, Cancel)).StatusCode);

        var stale = await owner.PrepareApiAsync(HttpMethod.Delete, path);
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var refused = await owner.Http.SendAsync(stale, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(2, (await JsonAsync(refused)).GetProperty("currentVersion").GetInt32());
        Assert.Equal(1, (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
    }

    [Fact]
    public async Task EditsSavedAtTheSameMoment_OneWins_TheOtherGets409_NeverBothSilently()
    {
        var owner = new FormsClient(_factory);
        await owner.RegisterAsync("racing.person");
        var created = await TaggingClient.TagAsync(owner, _slug, _text, Words, ["devolution"], "note");
        var path = new Uri(created.GetProperty("id").GetString()!).AbsolutePath;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            (await owner.SendApiAsync(HttpMethod.Put, path, json: Edit($"edit {i}", 1))).StatusCode));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var tag = (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).EnumerateArray().Single();
        Assert.Equal(2, tag.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeleteFromThePage_AfterSomeoneElseChangedTheTag_IsRefused_AndThePageSaysSoWithTheCurrentTag()
    {
        var owner = new FormsClient(_factory);
        await owner.RegisterAsync("page.person");
        var created = await TaggingClient.TagAsync(owner, _slug, _text, Words, ["devolution"], "first note");
        var path = new Uri(created.GetProperty("id").GetString()!).AbsolutePath;
        var page = await new HtmlParser().ParseDocumentAsync(await owner.Http.GetStringAsync($"/articles/{_slug}", Cancel), Cancel);
        var form = page.QuerySelector(".tag-card__delete")!;
        var shown = form.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        Assert.Equal("1", shown);

        // A colleague's client changes the tag after the page was loaded.
        Assert.Equal(HttpStatusCode.OK, (await owner.SendApiAsync(HttpMethod.Put, path, json: Edit("changed elsewhere", 1))).StatusCode);
        var posted = await owner.PostFormAsync($"/articles/{_slug}", new Dictionary<string, string> { ["version"] = shown }, action: form.GetAttribute("action"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await new HtmlParser().ParseDocumentAsync(await owner.Http.GetStringAsync(posted.Headers.Location!.OriginalString, Cancel), Cancel);
        Assert.Equal(ShowModel.ChangedElsewhere, after.QuerySelector(".tag-message p")?.TextContent);
        var card = after.QuerySelector(".tag-card")!;
        Assert.Equal("2", card.GetAttribute("data-version"));
        Assert.Equal("2", card.QuerySelector(".tag-card__delete input[name=version]")?.GetAttribute("value"));
        Assert.Contains("changed elsewhere", card.TextContent, StringComparison.Ordinal);

        // The page's own delete, from the version it now shows, goes through.
        var again = await owner.PostFormAsync($"/articles/{_slug}", new Dictionary<string, string> { ["version"] = "2" }, action: form.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(0, (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
    }
}
