using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>
/// A theme page's count, its "Written by" choices and its page of passages are kept between requests (the first two
/// read every passage of the theme), yet each tag written, changed or deleted shows in them on the very next request — with whole-page caching
/// off, so nothing but the kept counts stands between the store and the page.
/// </summary>
public sealed partial class ThemePageCountTests : IAsyncLifetime
{
    private const string Theme = "/themes/partnership";

    private readonly ArchiveFactory _factory = new ArchiveFactory().WithSetting("Cache:Output", "false");
    private FormsClient _tagger = null!;
    private FormsClient _reader = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _tagger = new FormsClient(_factory);
        await _tagger.RegisterAsync("theme-counter");
        _reader = new FormsClient(_factory);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [GeneratedRegex("""<h2 id="theme-passages"[^>]*>([^<]*)</h2>""")]
    private static partial Regex CountHeading();

    [GeneratedRegex("""<option value="([^"]+)"[^>]*>""")]
    private static partial Regex AuthorChoice();

    private async Task<(string Count, string[] Authors)> ReadThemeAsync()
    {
        var html = await ReadThemeHtmlAsync();
        return (CountHeading().Match(html).Groups[1].Value, [.. AuthorChoice().Matches(html).Select(m => m.Groups[1].Value)]);
    }

    private async Task<string> ReadThemeHtmlAsync()
    {
        var response = await _reader.Http.GetAsync(Theme, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<(string Slug, string Text, string Author)[]> ArticlesAsync()
    {
        var list = await _reader.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var articles = new List<(string, string, string)>();
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var slug = item.GetProperty("slug").GetString()!;
            articles.Add((slug, await TaggingClient.TextAsync(_reader, slug), item.GetProperty("authors")[0].GetProperty("slug").GetString()!));
        }
        return [.. articles];
    }

    private static string FirstWords(string text) => text[..text.IndexOf(' ', 40)];

    [Fact]
    public async Task TheCountAndAuthorChoices_FollowEveryTagWrittenChangedOrDeleted()
    {
        var articles = await ArticlesAsync();
        var (first, second) = (articles[0], articles.First(a => a.Author != articles[0].Author));
        var (none, noAuthors) = await ReadThemeAsync();
        Assert.Equal("0 passages", none);
        Assert.Empty(noAuthors);

        var one = await TaggingClient.TagAsync(_tagger, first.Slug, first.Text, FirstWords(first.Text), ["partnership"]);
        Assert.Equal("1 passage", (await ReadThemeAsync()).Count);
        Assert.Contains(FirstWords(first.Text), await ReadThemeHtmlAsync(), StringComparison.Ordinal);

        var two = await TaggingClient.TagAsync(_tagger, second.Slug, second.Text, FirstWords(second.Text), ["partnership"]);
        var (count, authors) = await ReadThemeAsync();
        Assert.Equal("2 passages", count);
        Assert.Equal(new[] { first.Author, second.Author }.Order(StringComparer.Ordinal), authors.Order(StringComparer.Ordinal));

        // Made private, the second tag leaves the public theme page, and with it its author's choice.
        var words = FirstWords(second.Text);
        var changed = await _tagger.SendApiAsync(HttpMethod.Put, new Uri(two.GetProperty("id").GetString()!).AbsolutePath,
            json: TaggingClient.Body(0, TaggingClient.CodePoints(words, words.Length), words, ["partnership"], isPublic: false));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var (left, oneAuthor) = await ReadThemeAsync();
        Assert.Equal("1 passage", left);
        Assert.Empty(oneAuthor); // one author: nothing to choose between, so no choices are offered

        var deleted = await _tagger.SendApiAsync(HttpMethod.Delete, new Uri(one.GetProperty("id").GetString()!).AbsolutePath);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("0 passages", (await ReadThemeAsync()).Count);
        Assert.DoesNotContain(FirstWords(first.Text), await ReadThemeHtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorWithNoPassageHere_OrAPagePastTheLast_ShowsNone()
    {
        var (slug, text) = await TaggingClient.FirstArticleAsync(_tagger);
        await TaggingClient.TagAsync(_tagger, slug, text, FirstWords(text), ["partnership"]);

        foreach (var address in new[] { Theme + "?author=no-such-author", Theme + "?page=99" })
        {
            var response = await _reader.Http.GetAsync(address, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
            Assert.False(html.Contains(FirstWords(text), StringComparison.Ordinal), address);
        }
        var byNobody = await _reader.Http.GetStringAsync(Theme + "?author=no-such-author", Cancel);
        Assert.Equal("0 passages", CountHeading().Match(byNobody).Groups[1].Value);
    }
}
