using System.Net;
using System.Text.RegularExpressions;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>
/// An anonymous reader's article page keeps its tags, highlights and tag panel between requests (PublicTags), yet
/// every tag written, changed or deleted and every theme renamed shows on the very next request — with whole-page
/// caching off, so nothing but the kept view stands between the store and the page. A signed-in reader's own private
/// tags never come from it, and what one request asked for (a citation, a theme chip) is not shown to the next.
/// </summary>
public sealed partial class PublicTagViewTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new ArchiveFactory().WithSetting("Cache:Output", "false");
    private FormsClient _editor = null!;
    private FormsClient _tagger = null!;
    private FormsClient _anonymous = null!;
    private string _slug = null!;
    private string _text = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _editor = new FormsClient(_factory);
        await _editor.RegisterAsync("view-editor"); // the first account is an admin, which may rename themes
        _tagger = new FormsClient(_factory);
        await _tagger.RegisterAsync("view-tagger");
        _anonymous = new FormsClient(_factory);
        (_slug, _text) = await TaggingClient.FirstArticleAsync(_tagger);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [GeneratedRegex("""<span class="tag-panel__count">(\d+)</span>""")]
    private static partial Regex PanelCount();

    private async Task<string> ReadAsync(FormsClient client, string? query = null)
    {
        var response = await client.Http.GetAsync($"/articles/{_slug}{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private async Task<int> ApiTagCountAsync(FormsClient? client = null)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await (client ?? _anonymous).Http.GetStringAsync($"/api/articles/{_slug}", Cancel));
        return json.RootElement.GetProperty("annotations").GetArrayLength();
    }

    private static int Count(string html) => int.Parse(PanelCount().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Panel(string html)
    {
        var start = html.IndexOf("<section class=\"tag-panel\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private string Words(int length) => _text[.._text.IndexOf(' ', length)];

    private static string Id(System.Text.Json.JsonElement tag)
    {
        var iri = tag.GetProperty("id").GetString()!;
        return iri[(iri.LastIndexOf('/') + 1)..];
    }

    [Fact]
    public async Task EveryWriteShowsOnTheNextAnonymousRequest()
    {
        // Read untagged first: that the article has no tag is kept for anonymous readers too, until the next write.
        Assert.Equal(0, Count(await ReadAsync(_anonymous)));
        Assert.Equal(0, await ApiTagCountAsync());

        var first = await TaggingClient.TagAsync(_tagger, _slug, _text, Words(30), ["devolution"]);
        var page = await ReadAsync(_anonymous);
        Assert.Equal(1, Count(page));
        Assert.Equal(1, await ApiTagCountAsync());
        Assert.Equal(Panel(page), Panel(await ReadAsync(_anonymous))); // kept: the same again

        var second = await TaggingClient.TagAsync(_tagger, _slug, _text, Words(60), ["austerity"]);
        page = await ReadAsync(_anonymous);
        Assert.Equal(2, Count(page));
        Assert.Contains($"id=\"tag-{Id(second)}\"", page, StringComparison.Ordinal);
        Assert.Contains("title=\"Tagged 2 times: Devolution, Austerity\"", page, StringComparison.Ordinal);

        // Renamed by an editor: the chip, the card and the highlight's tooltip say the new name.
        var renamed = await _editor.PostFormAsync("/themes/austerity/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Austerity and cuts",
            ["Form.Color"] = "#9a7412",
            ["Form.Description"] = "Spending cuts.",
        }, action: "/themes/austerity/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        page = await ReadAsync(_anonymous);
        Assert.Contains(">Austerity and cuts</a>", page, StringComparison.Ordinal);
        Assert.Contains("title=\"Tagged 2 times: Devolution, Austerity and cuts\"", page, StringComparison.Ordinal);

        // Made private, the second tag leaves what anonymous readers see; its tagger still sees it, marked private.
        var words = Words(60);
        var changed = await _tagger.SendApiAsync(HttpMethod.Put, new Uri(second.GetProperty("id").GetString()!).AbsolutePath,
            json: TaggingClient.Body(0, TaggingClient.CodePoints(words, words.Length), words, ["austerity"], isPublic: false));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        page = await ReadAsync(_anonymous);
        Assert.Equal(1, Count(page));
        Assert.DoesNotContain($"id=\"tag-{Id(second)}\"", page, StringComparison.Ordinal);
        var own = await ReadAsync(_tagger);
        Assert.Equal(2, Count(own));
        Assert.Contains("· private", System.Net.WebUtility.HtmlDecode(own), StringComparison.Ordinal);

        var deleted = await _tagger.SendApiAsync(HttpMethod.Delete, new Uri(first.GetProperty("id").GetString()!).AbsolutePath);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        page = await ReadAsync(_anonymous);
        Assert.Equal(0, Count(page));
        Assert.DoesNotContain("<mark", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrivateTag_IsShownToItsOwner_ThoughAnonymousReadersWereKeptAnUntaggedArticle()
    {
        var mine = await TaggingClient.TagAsync(_tagger, _slug, _text, Words(30), ["devolution"], isPublic: false);

        // Anonymous readers see no tag here, and that is what is kept for them until the next write.
        Assert.Equal(0, Count(await ReadAsync(_anonymous)));
        Assert.Equal(0, await ApiTagCountAsync());

        var own = await ReadAsync(_tagger);
        Assert.Equal(1, Count(own));
        Assert.Contains($"id=\"tag-{Id(mine)}\"", own, StringComparison.Ordinal);
        Assert.Contains("<mark", own, StringComparison.Ordinal);
        Assert.Equal(1, await ApiTagCountAsync(_tagger));
        Assert.Equal(0, Count(await ReadAsync(_anonymous)));
    }

    [Fact]
    public async Task ACitationOrAThemeChipAskedForOnce_IsNotShownToTheNextReader()
    {
        var devolution = Id(await TaggingClient.TagAsync(_tagger, _slug, _text, Words(30), ["devolution"]));
        var austerity = Id(await TaggingClient.TagAsync(_tagger, _slug, _text, Words(60), ["austerity"]));

        var cited = await ReadAsync(_anonymous, $"?cite={devolution}");
        Assert.Contains("<details class=\"tag-cite\" open>", cited, StringComparison.Ordinal);
        var filtered = await ReadAsync(_anonymous, "?theme=austerity");
        Assert.Equal(1, Count(filtered));
        Assert.Contains($"href=\"?theme=austerity&amp;cite={austerity}#tag-{austerity}\"", filtered, StringComparison.Ordinal);
        Assert.Equal(0, Count(await ReadAsync(_anonymous, "?theme=no-such-theme")));

        var plain = await ReadAsync(_anonymous);
        Assert.Equal(2, Count(plain));
        Assert.DoesNotContain("<details class=\"tag-cite\"", plain, StringComparison.Ordinal);
        Assert.Contains($"href=\"?cite={devolution}#tag-{devolution}\"", plain, StringComparison.Ordinal);
        Assert.Equal(Panel(filtered), Panel(await ReadAsync(_anonymous, "?theme=austerity")));
    }
}
