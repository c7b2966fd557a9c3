using System.IO.Compression;
using System.Net;
using System.Text;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Caching;

/// <summary>
/// Anonymous readers get pages and API answers compressed as their browser asks, and the same words once unpacked;
/// a kept page is never sent in an encoding the reader did not ask for. Nothing that carries a secret is compressed
/// (a signed-in reader's page, a form's antiforgery token), so its length cannot give the secret away.
/// </summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private const string Page = "/articles/creating-our-fate-through-our-own-behaviours";
    private const string Browser = "gzip, deflate, br, zstd";

    private readonly ArchiveFactory _factory = new();
    private FormsClient _anonymous = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _anonymous = new FormsClient(_factory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task<HttpResponseMessage> GetAsync(FormsClient client, string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await client.Http.SendAsync(request, Cancel);
    }

    private static async Task<string> WordsAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Stream unpacked = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            null => new MemoryStream(bytes),
            var other => throw new InvalidOperationException($"Unexpected encoding {other}"),
        };
        await using (unpacked)
        {
            using var reader = new StreamReader(unpacked, Encoding.UTF8);
            return await reader.ReadToEndAsync(Cancel);
        }
    }

    [Fact]
    public async Task AnonymousPage_IsSentAsTheBrowserAsks_AndAKeptPageNeverInAnotherEncoding()
    {
        var browser = await GetAsync(_anonymous, Page, Browser);
        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
        Assert.Equal(["gzip"], browser.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", browser.Headers.Vary);
        var words = await WordsAsync(browser);
        Assert.Contains("Anthony Mason", words, StringComparison.OrdinalIgnoreCase);

        // The same page, kept, asked for by a client that prefers Brotli, then by one that takes nothing.
        var brotli = await GetAsync(_anonymous, Page, "br;q=1.0, gzip;q=0.5");
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        var plain = await GetAsync(_anonymous, Page, null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var plainWords = await WordsAsync(plain);
        Assert.Equal(plainWords, await WordsAsync(brotli));
        Assert.Equal(plainWords, words);
        var sent = (await browser.Content.ReadAsByteArrayAsync(Cancel)).Length;
        Assert.True(sent < Encoding.UTF8.GetByteCount(plainWords) / 2, $"{sent} bytes compressed against {Encoding.UTF8.GetByteCount(plainWords)}");

        // A second browser gets the kept page: still gzip, still the same words.
        var again = await GetAsync(_anonymous, Page, Browser);
        Assert.Equal(["gzip"], again.Content.Headers.ContentEncoding);
        Assert.Equal(plainWords, await WordsAsync(again));
    }

    [Fact]
    public async Task NothingCarryingASecret_IsCompressed()
    {
        // The sign-in form carries an antiforgery token: the first time with its cookie, after that on its own.
        foreach (var visit in new[] { "first", "second" })
        {
            var signIn = await GetAsync(_anonymous, "/account/signin", Browser);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Contains("__RequestVerificationToken", await WordsAsync(signIn), StringComparison.Ordinal);
            Assert.True(signIn.Content.Headers.ContentEncoding.Count == 0, $"The {visit} sign-in form was compressed.");
        }

        // A signed-in reader's article page carries their forms' tokens and their private tags.
        var reader = new FormsClient(_factory);
        await reader.RegisterAsync("compression.reader");
        var article = await GetAsync(reader, Page, Browser);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Empty(article.Content.Headers.ContentEncoding);
        var api = await GetAsync(reader, "/api/articles/creating-our-fate-through-our-own-behaviours", Browser);
        Assert.Empty(api.Content.Headers.ContentEncoding);

        // The same page for an anonymous reader is compressed: what differs is only who asks.
        Assert.Equal(["gzip"], (await GetAsync(_anonymous, Page, Browser)).Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task CompressedApiAnswer_HasAWeakETag_ThatStillRevalidates()
    {
        const string Api = "/api/articles/creating-our-fate-through-our-own-behaviours";
        var plain = await GetAsync(_anonymous, Api, null);
        var strong = plain.Headers.ETag!;
        Assert.False(strong.IsWeak);

        var packed = await GetAsync(_anonymous, Api, Browser);
        Assert.Equal(["gzip"], packed.Content.Headers.ContentEncoding);
        var weak = packed.Headers.ETag!;
        Assert.True(weak.IsWeak);
        Assert.Equal(strong.Tag, weak.Tag);
        Assert.Equal(await WordsAsync(plain), await WordsAsync(packed));

        var revalidated = await GetAsync(_anonymous, Api, Browser, weak.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(Cancel));
    }
}
