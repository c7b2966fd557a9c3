using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

public sealed class AnnotationApiTests : IAsyncLifetime
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

    [Fact]
    public async Task Tag_IsReturnedAsAW3cAnnotation_WithCodePointOffsetsAndTheme()
    {
        var owner = await SignedInAsync("ada");
        var words = Sentence();
        var created = await TaggingClient.TagAsync(owner, _slug, _text, words, ["Devolution", "austerity"], "A **note**");

        Assert.Equal("http://www.w3.org/ns/anno.jsonld", created.GetProperty("@context").GetString());
        Assert.Equal("Annotation", created.GetProperty("type").GetString());
        var bodies = created.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal(["austerity", "devolution"], bodies.Where(b => b.GetProperty("purpose").GetString() == "tagging").Select(b => b.GetProperty("value").GetString()).Order());
        Assert.Equal("A **note**", bodies.Single(b => b.GetProperty("purpose").GetString() == "commenting").GetProperty("value").GetString());
        var selectors = created.GetProperty("target").GetProperty("selector").EnumerateArray().ToList();
        var position = selectors.Single(s => s.GetProperty("type").GetString() == "TextPositionSelector");
        Assert.Equal(TaggingClient.CodePoints(_text, 0), position.GetProperty("start").GetInt32());
        Assert.Equal(words, selectors.Single(s => s.GetProperty("type").GetString() == "TextQuoteSelector").GetProperty("exact").GetString());

        var listed = await new FormsClient(_factory).Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel);
        Assert.Equal(1, listed.GetArrayLength());
        var themes = await owner.Http.GetFromJsonAsync<JsonElement>("/api/themes", Cancel);
        Assert.Equal(1, themes.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "devolution").GetProperty("passageCount").GetInt32());
    }

    public static TheoryData<int, int, string, string, string> BadWrites() => new()
    {
        { -1, 5, "quote", "devolution", "offsets" },
        { 0, 1_000_000, "quote", "devolution", "offsets" },
        { 5, 5, "", "devolution", "offsets" },
        { 0, 5, "wrong", "devolution", "quote" },
        { 0, 5, "", "", "theme" },
        { 0, 5, "", "no-such-theme", "no theme called" },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public async Task BadWrite_Gets400ProblemDetailsSayingWhatWasWrong(int start, int end, string exact, string theme, string expected)
    {
        var client = await SignedInAsync("bea");
        var quote = exact.Length == 0 && start >= 0 && end <= _text.Length && end > start ? _text[start..end] : exact;
        var response = await client.SendApiAsync(HttpMethod.Post, $"/api/articles/{_slug}/annotations",
            json: TaggingClient.Body(start, end, quote, theme.Length == 0 ? [] : [theme]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TooLongNote_IsRefused()
    {
        var client = await SignedInAsync("cyril");
        var response = await client.SendApiAsync(HttpMethod.Post, $"/api/articles/{_slug}/annotations",
            json: TaggingClient.Body(0, 5, _text[..5], ["housing"], new string('x', 4001)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("note", await response.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Writes_NeedASignInAndTheAntiforgeryHeader()
    {
        var anonymous = new FormsClient(_factory);
        var body = TaggingClient.Body(0, 5, _text[..5], ["housing"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendApiAsync(HttpMethod.Post, $"/api/articles/{_slug}/annotations", json: body)).StatusCode);
        var client = await SignedInAsync("dee");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendApiAsync(HttpMethod.Post, $"/api/articles/{_slug}/annotations", withToken: false, json: body)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnEditor_ChangesOrDeletesATag()
    {
        var admin = await SignedInAsync("first-admin"); // the first account is the admin
        var owner = await SignedInAsync("eve");
        var other = await SignedInAsync("fay");
        var created = await TaggingClient.TagAsync(owner, _slug, _text, Sentence(), ["leadership"]);
        var address = new Uri(created.GetProperty("id").GetString()!).AbsolutePath;

        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendApiAsync(HttpMethod.Delete, address)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendApiAsync(HttpMethod.Put, address, json: TaggingClient.Body(0, 5, _text[..5], ["housing"]))).StatusCode);
        var edited = await owner.SendApiAsync(HttpMethod.Put, address, json: TaggingClient.Body(0, 5, _text[..5], ["housing"], "changed"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendApiAsync(HttpMethod.Delete, address)).StatusCode);
        Assert.Equal(0, (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
    }

    [Fact]
    public async Task PrivateTag_IsSeenOnlyByItsOwner()
    {
        var owner = await SignedInAsync("gil");
        await TaggingClient.TagAsync(owner, _slug, _text, Sentence(), ["brexit"], isPublic: false);
        Assert.Equal(1, (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
        var other = await SignedInAsync("hal");
        Assert.Equal(0, (await other.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}/annotations", Cancel)).GetArrayLength());
        Assert.Equal(0, (await new FormsClient(_factory).Http.GetFromJsonAsync<JsonElement>($"/api/articles/{_slug}", Cancel)).GetProperty("annotations").GetArrayLength());
    }
}
