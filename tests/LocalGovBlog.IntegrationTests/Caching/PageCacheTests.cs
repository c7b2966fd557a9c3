using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Caching;

/// <summary>
/// Anonymous readers get kept pages, and never a stale one: every write through the app (a tag written, changed or
/// deleted, a theme renamed, recoloured or merged, a dump uploaded again) shows on the next anonymous request. That the
/// page is kept is shown by changing the store behind the app's back: an anonymous reader still sees the old page.
/// </summary>
public sealed class PageCacheTests : IAsyncLifetime
{
    private const string Slug = "what-the-devolution-deals-leave-out";
    private const string Page = "/articles/" + Slug;

    private readonly ArchiveFactory _factory = new(seed: false);
    private FormsClient _editor = null!;
    private FormsClient _anonymous = null!;
    private string _dump = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _editor = new FormsClient(_factory);
        await _editor.RegisterAsync("first-editor"); // the first account is an admin, which the editor policy admits
        _dump = await File.ReadAllTextAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(_dump)).StatusCode);
        _anonymous = new FormsClient(_factory);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<HttpResponseMessage> UploadAsync(string dump)
    {
        var token = await _editor.FormTokenAsync("/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(dump));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Dump", "dump.txt");
        return await _editor.Http.PostAsync("/import", form, Cancel);
    }

    private static async Task<string> ReadAsync(FormsClient client, string path)
    {
        var response = await client.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>Retitles the article in the store directly, as nothing in the app would: no eviction follows.</summary>
    private Task<int> RetitleBehindTheAppAsync(string title) =>
        _factory.QueryAsync(db => db.Articles.Where(a => a.Slug == Slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title), Cancel));

    private async Task<string> TagAsync(string words, string[] themes, string note, bool isPublic = true)
    {
        var text = await TaggingClient.TextAsync(_editor, Slug);
        var created = await TaggingClient.TagAsync(_editor, Slug, text, words, themes, note, isPublic);
        return new Uri(created.GetProperty("id").GetString()!).AbsolutePath;
    }

    [Fact]
    public async Task AnonymousArticlePage_IsKept_UntilATagWrittenThroughTheApiEvictsIt()
    {
        var before = await ReadAsync(_anonymous, Page);
        await RetitleBehindTheAppAsync("A title changed behind the app");

        Assert.Equal(before, await ReadAsync(_anonymous, Page));
        Assert.Contains("A title changed behind the app", await ReadAsync(_editor, Page), StringComparison.Ordinal);

        await TagAsync("What is missing is any serious account of scrutiny.", ["accountability"], "A note written just now");

        var after = await ReadAsync(_anonymous, Page);
        Assert.Contains("A title changed behind the app", after, StringComparison.Ordinal);
        Assert.Contains("A note written just now", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagChangedOrDeleted_ShowsOnTheNextAnonymousRequest_OnTheArticleAndBothThemesPages()
    {
        var address = await TagAsync("What is missing is any serious account of scrutiny.", ["accountability"], "First words of the note");
        Assert.Contains("First words of the note", await ReadAsync(_anonymous, Page), StringComparison.Ordinal);
        Assert.Contains("First words of the note", await ReadAsync(_anonymous, "/themes/accountability"), StringComparison.Ordinal);
        Assert.DoesNotContain("First words of the note", await ReadAsync(_anonymous, "/themes/leadership"), StringComparison.Ordinal);
        var codebook = await ReadAsync(_anonymous, "/themes");

        var text = await TaggingClient.TextAsync(_editor, Slug);
        var start = text.IndexOf("What is missing", StringComparison.Ordinal);
        var changed = await _editor.SendApiAsync(HttpMethod.Put, address,
            json: TaggingClient.Body(start, start + 15, "What is missing", ["leadership"], "Second words of the note"));
        Assert.True(changed.IsSuccessStatusCode);

        var page = await ReadAsync(_anonymous, Page);
        Assert.Contains("Second words of the note", page, StringComparison.Ordinal);
        Assert.DoesNotContain("First words of the note", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Second words of the note", await ReadAsync(_anonymous, "/themes/accountability"), StringComparison.Ordinal);
        Assert.Contains("Second words of the note", await ReadAsync(_anonymous, "/themes/leadership"), StringComparison.Ordinal);
        Assert.NotEqual(codebook, await ReadAsync(_anonymous, "/themes")); // the counts moved from one theme to the other

        Assert.Equal(HttpStatusCode.NoContent, (await _editor.SendApiAsync(HttpMethod.Delete, address)).StatusCode);

        Assert.DoesNotContain("Second words of the note", await ReadAsync(_anonymous, Page), StringComparison.Ordinal);
        Assert.DoesNotContain("Second words of the note", await ReadAsync(_anonymous, "/themes/leadership"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemeRenamedAndRecoloured_ShowsOnTheArticleAndThemePages()
    {
        await TagAsync("What is missing is any serious account of scrutiny.", ["devolution"], "A devolution note");
        Assert.Contains(">Devolution</a>", await ReadAsync(_anonymous, Page), StringComparison.Ordinal);
        Assert.Contains("Devolution", await ReadAsync(_anonymous, "/themes/devolution"), StringComparison.Ordinal);
        Assert.Contains(">Devolution</a>", await ReadAsync(_anonymous, "/themes"), StringComparison.Ordinal);
        var stylesheet = await _anonymous.Http.GetAsync("/css/themes.css", Cancel);
        Assert.Contains("#7b4fb8", await stylesheet.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var renamed = await _editor.PostFormAsync("/themes/devolution/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Devolved power",
            ["Form.Color"] = "#1a5e9c",
            ["Form.Description"] = "Powers moving down.",
        }, action: "/themes/devolution/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        Assert.Contains(">Devolved power</a>", await ReadAsync(_anonymous, Page), StringComparison.Ordinal);
        Assert.Contains("Devolved power", await ReadAsync(_anonymous, "/themes/devolution"), StringComparison.Ordinal);
        Assert.Contains(">Devolved power</a>", await ReadAsync(_anonymous, "/themes"), StringComparison.Ordinal);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/css/themes.css");
        revalidate.Headers.IfNoneMatch.Add(stylesheet.Headers.ETag!);
        var recoloured = await _anonymous.Http.SendAsync(revalidate, Cancel);
        Assert.Equal(HttpStatusCode.OK, recoloured.StatusCode);
        Assert.Contains("#1a5e9c", await recoloured.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var merged = await _editor.PostFormAsync("/themes/devolution/edit", new Dictionary<string, string> { ["into"] = "accountability" },
            action: "/themes/devolution/edit?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var page = await ReadAsync(_anonymous, Page);
        Assert.DoesNotContain("Devolved power", page, StringComparison.Ordinal);
        Assert.Contains(">Accountability</a>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.Http.GetAsync("/themes/devolution", Cancel)).StatusCode);
    }

    [Fact]
    public async Task DumpUploadedAgainWithAChangedPost_ShowsTheNewWordsOnTheNextAnonymousRequest()
    {
        Assert.Contains("any serious account of scrutiny", await ReadAsync(_anonymous, Page), StringComparison.Ordinal);
        var home = await ReadAsync(_anonymous, "/");
        Assert.Contains("As the second wave of deals", home, StringComparison.Ordinal);
        var feed = await ReadAsync(_anonymous, "/feed.atom");
        Assert.Contains("As the second wave of deals", feed, StringComparison.Ordinal);

        var edited = _dump
            .Replace("any serious account of scrutiny", "any account of scrutiny worth the name", StringComparison.Ordinal)
            .Replace("As the second wave of deals is signed", "As the third wave of deals is signed", StringComparison.Ordinal);
        Assert.NotEqual(_dump, edited);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(edited)).StatusCode);

        var page = await ReadAsync(_anonymous, Page);
        Assert.Contains("any account of scrutiny worth the name", page, StringComparison.Ordinal);
        Assert.DoesNotContain("any serious account of scrutiny", page, StringComparison.Ordinal);
        Assert.Contains("As the third wave of deals", await ReadAsync(_anonymous, "/"), StringComparison.Ordinal);
        Assert.NotEqual(home, await ReadAsync(_anonymous, "/"));
        Assert.Contains("As the third wave of deals", await ReadAsync(_anonymous, "/feed.atom"), StringComparison.Ordinal);
        Assert.NotEqual(feed, await ReadAsync(_anonymous, "/feed.atom"));
    }

    [Fact]
    public async Task SignedInReader_NeverGetsTheKeptPage_AndAnonymousReadersNeverGetTheirs()
    {
        await TagAsync("What is missing is any serious account of scrutiny.", ["accountability"], "Only I can read this note", isPublic: false);

        var anonymous = await _anonymous.Http.GetAsync(Page, Cancel);
        var anonymousPage = await anonymous.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Only I can read this note", anonymousPage, StringComparison.Ordinal);
        // Nothing personal is kept: no antiforgery token, no cookie.
        Assert.DoesNotContain("__RequestVerificationToken", anonymousPage, StringComparison.Ordinal);
        Assert.False(anonymous.Headers.Contains("Set-Cookie"), string.Join(" | ", anonymous.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))));

        var owners = await ReadAsync(_editor, Page);
        Assert.Contains("Only I can read this note", owners, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", owners, StringComparison.Ordinal);
        Assert.DoesNotContain("Only I can read this note", await ReadAsync(_anonymous, Page), StringComparison.Ordinal);
        Assert.DoesNotContain("Only I can read this note", await ReadAsync(new FormsClient(_factory), Page), StringComparison.Ordinal);

        // After signing out the reader is anonymous again and gets the page everyone gets.
        await _editor.SignOutAsync();
        Assert.DoesNotContain("Only I can read this note", await ReadAsync(_editor, Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptPagesVaryByQueryString()
    {
        await TagAsync("What is missing is any serious account of scrutiny.", ["accountability"], "A note in accountability");
        await TagAsync("Without these the deals concentrate power", ["leadership"], "A note in leadership");

        var accountability = await ReadAsync(_anonymous, Page + "?theme=accountability");
        var leadership = await ReadAsync(_anonymous, Page + "?theme=leadership");

        Assert.NotEqual(accountability, leadership);
        Assert.Equal(accountability, await ReadAsync(_anonymous, Page + "?theme=accountability"));
    }
}

/// <summary><c>Cache:Output=false</c> turns the kept pages off. What is still kept between writes for anonymous readers
/// (an article's head and bylines, the home page's listing: ReadMemo) follows a change made behind the app's back too,
/// within the second StoreChangeWatch takes to see it, not the minute of <c>Cache:OutputSeconds</c>.</summary>
public sealed class PageCacheSettingTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new ArchiveFactory(seed: false).WithSetting("Cache:Output", "false");

    public async ValueTask InitializeAsync() => await _factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task WithTheCacheOff_AnonymousReadersSeeAChangeMadeBehindTheApp()
    {
        var cancel = TestContext.Current.CancellationToken;
        var anonymous = new FormsClient(_factory);
        var slug = await _factory.QueryAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync(cancel));
        string[] pages = [$"/articles/{slug}", $"/api/articles/{slug}", "/"];
        foreach (var page in pages)
        {
            var before = await anonymous.Http.GetStringAsync(page, cancel); // and kept
            Assert.DoesNotContain("Retitled behind the app", before, StringComparison.Ordinal);
        }

        await _factory.QueryAsync(db => db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Retitled behind the app"), cancel));

        foreach (var page in pages)
        {
            await ShowsAsync(anonymous, page, "Retitled behind the app", cancel);
        }
    }

    /// <summary>Asks again until the page shows the words: the watch looks once a second; ten seconds is far past it,
    /// and far short of the minute a kept answer would otherwise live.</summary>
    private static async Task ShowsAsync(FormsClient client, string path, string words, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string page;
        do
        {
            page = await client.Http.GetStringAsync(path, cancel);
            if (page.Contains(words, StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(100, cancel);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{path} still did not show \"{words}\" ten seconds after the change.");
    }
}

/// <summary>The API's reads carry an ETag of the bytes sent; <c>If-None-Match</c> with it is a 304 until something changes.</summary>
public sealed class ApiETagTests : IAsyncLifetime
{
    private const string Slug = "what-the-devolution-deals-leave-out";

    private readonly ArchiveFactory _factory = new(seed: false);
    private FormsClient _editor = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _editor = new FormsClient(_factory);
        await _editor.RegisterAsync("first-editor");
        await _factory.ImportAsync(RepositoryPaths.TestData("multi-post.txt"));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task<HttpResponseMessage> GetAsync(FormsClient client, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return await client.Http.SendAsync(request, Cancel);
    }

    [Theory]
    [InlineData("/api/articles/" + Slug)]
    [InlineData("/api/articles")]
    [InlineData("/api/articles?theme=accountability")]
    [InlineData("/api/articles/" + Slug + "/annotations")]
    [InlineData("/api/themes")]
    public async Task ARead_IsNotModified_UntilATagIsWritten(string path)
    {
        var anonymous = new FormsClient(_factory);
        var first = await GetAsync(anonymous, path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        var again = await GetAsync(anonymous, path, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(etag, again.Headers.ETag);

        var text = await TaggingClient.TextAsync(_editor, Slug);
        await TaggingClient.TagAsync(_editor, Slug, text, "What is missing is any serious account of scrutiny.", ["accountability"], "A new note");

        var changed = await GetAsync(anonymous, path, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.NotEmpty(await changed.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task APrivateTag_GivesItsOwnerAnotherETag_MarkedPrivate()
    {
        var text = await TaggingClient.TextAsync(_editor, Slug);
        await TaggingClient.TagAsync(_editor, Slug, text, "What is missing is any serious account of scrutiny.", ["accountability"], "Mine alone", isPublic: false);
        var anonymous = await GetAsync(new FormsClient(_factory), $"/api/articles/{Slug}");

        var owner = await GetAsync(_editor, $"/api/articles/{Slug}", anonymous.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.NotEqual(anonymous.Headers.ETag, owner.Headers.ETag);
        Assert.Contains("Mine alone", await owner.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        // Private, or not to be stored at all when the sign-in cookie was renewed with the answer.
        Assert.True(owner.Headers.CacheControl!.Private || owner.Headers.CacheControl.NoStore, owner.Headers.CacheControl.ToString());
        Assert.True(owner.Headers.CacheControl.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(_editor, $"/api/articles/{Slug}", owner.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task TheAntiforgeryToken_IsNeverAnsweredNotModified()
    {
        var first = await GetAsync(_editor, "/api/antiforgery");
        Assert.Null(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_editor, "/api/antiforgery", new EntityTagHeaderValue("\"x\""))).StatusCode);
    }
}
