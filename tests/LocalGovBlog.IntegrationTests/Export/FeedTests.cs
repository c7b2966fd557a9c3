using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Export;

/// <summary>The seeded archive's feeds, sitemap and discovery tags, read by a feed parser and an XML parser.</summary>
public sealed class FeedTests : ArchiveTest
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(SyndicationFeed Feed, XDocument Xml)> FeedAsync(string path)
    {
        var response = await new FormsClient(Factory).Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return (formatter.Feed, XDocument.Load(new MemoryStream(bytes)));
    }

    /// <summary>RFC 4287's required elements: a feed and each entry have an id, a title and an updated time; an entry has an alternate link.</summary>
    private static void AssertAtomRequiredElements(XDocument xml)
    {
        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            Assert.Single(element.Elements(Atom + "id"));
            Assert.Single(element.Elements(Atom + "title"));
            Assert.Single(element.Elements(Atom + "updated"));
            Assert.True(Uri.IsWellFormedUriString(element.Element(Atom + "id")!.Value, UriKind.Absolute));
        }
        Assert.True(feed.Elements(Atom + "author").Any() || feed.Elements(Atom + "entry").All(e => e.Elements(Atom + "author").Any()),
            "every entry needs an author, its own or the feed's");
    }

    [Fact]
    public async Task SiteFeed_IsAtom10_WithTheLatestArticlesLinkingToTheirPages()
    {
        var (feed, xml) = await FeedAsync("/feed.atom");

        AssertAtomRequiredElements(xml);
        var items = feed.Items.ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("/articles/", i.Links.Single(l => l.RelationshipType is null or "alternate").Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(items.Select(i => i.LastUpdatedTime).OrderDescending(), items.Select(i => i.LastUpdatedTime));
    }

    [Fact]
    public async Task AuthorFeed_HoldsOnlyThatAuthorsArticles_AndAnUnknownAuthorIs404()
    {
        var authors = await new FormsClient(Factory).Http.GetFromJsonAsync<JsonElement>("/api/authors", Cancel);
        var author = authors.EnumerateArray().First(a => a.GetProperty("articleCount").GetInt32() > 0);
        var slug = author.GetProperty("slug").GetString()!;

        var (feed, xml) = await FeedAsync($"/authors/{slug}/feed.atom");

        AssertAtomRequiredElements(xml);
        Assert.InRange(feed.Items.Count(), 1, author.GetProperty("articleCount").GetInt32());
        Assert.All(feed.Items, i => Assert.Contains(i.Authors, a => a.Name == author.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await new FormsClient(Factory).Http.GetAsync("/authors/nobody-at-all/feed.atom", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ThemeFeed_HoldsArticlesWithPublicPassagesTaggedWithIt()
    {
        var ada = new FormsClient(Factory);
        await ada.RegisterAsync("ada");
        var list = await ada.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        var text = await TaggingClient.TextAsync(ada, slug);
        Assert.Empty((await FeedAsync("/themes/brexit/feed.atom")).Feed.Items);

        await TaggingClient.TagAsync(ada, slug, text, text[..20], ["brexit"]);
        var (feed, xml) = await FeedAsync("/themes/brexit/feed.atom");

        AssertAtomRequiredElements(xml);
        Assert.EndsWith($"/articles/{slug}", Assert.Single(feed.Items).Links[0].Uri.AbsolutePath, StringComparison.Ordinal);
        // A private tag does not put its article in the theme's public feed.
        await TaggingClient.TagAsync(ada, list.GetProperty("items")[1].GetProperty("slug").GetString()!,
            await TaggingClient.TextAsync(ada, list.GetProperty("items")[1].GetProperty("slug").GetString()!), "a", ["housing"], isPublic: false);
        Assert.Empty((await FeedAsync("/themes/housing/feed.atom")).Feed.Items);
    }

    [Fact]
    public async Task Sitemap_ListsTheHomePageAndEveryArticle()
    {
        var client = new FormsClient(Factory);
        var response = await client.Http.GetAsync("/sitemap.xml", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var locations = new List<string>();
        if (xml.Root!.Name == SitemapNs + "sitemapindex")
        {
            foreach (var part in xml.Root.Elements(SitemapNs + "sitemap").Select(s => new Uri(s.Element(SitemapNs + "loc")!.Value)))
            {
                locations.AddRange(XDocument.Parse(await client.Http.GetStringAsync(part.PathAndQuery, Cancel)).Descendants(SitemapNs + "loc").Select(l => l.Value));
            }
        }
        else
        {
            Assert.Equal(SitemapNs + "urlset", xml.Root.Name);
            locations.AddRange(xml.Descendants(SitemapNs + "loc").Select(l => l.Value));
        }

        var total = (await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel)).GetProperty("total").GetInt32();
        Assert.Equal(total, locations.Count(l => new Uri(l).AbsolutePath.StartsWith("/articles/", StringComparison.Ordinal)));
        Assert.Contains(locations, l => new Uri(l).AbsolutePath == "/");
    }

    [Fact]
    public async Task ArticlePage_HasCanonicalAndOpenGraphTags_AndTheSiteFeedIsDiscoverable()
    {
        var client = new FormsClient(Factory);
        var slug = (await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel)).GetProperty("items")[0].GetProperty("slug").GetString()!;
        var document = await new HtmlParser().ParseDocumentAsync(await client.Http.GetStringAsync($"/articles/{slug}", Cancel), Cancel);

        var canonical = document.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.EndsWith($"/articles/{slug}", canonical, StringComparison.Ordinal);
        Assert.Equal(canonical, document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(document.QuerySelector("h1")!.TextContent.Trim(), document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("/feed.atom", document.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }
}
