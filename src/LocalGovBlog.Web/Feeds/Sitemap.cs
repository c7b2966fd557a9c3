using System.Globalization;
using System.Text;
using System.Xml;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Export;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Feeds;

/// <summary>
/// The sitemap (sitemaps.org 0.9): the home, author, theme and export pages, every author and theme, and
/// every article with its last change. A sitemap file may list at most 50,000 addresses, so an archive
/// larger than that gets a sitemap index at <c>/sitemap.xml</c> pointing at pages of articles
/// (<c>/sitemap/articles-{n}.xml</c>) and one of everything else (<c>/sitemap/pages.xml</c>). Written as read.
/// </summary>
public static class Sitemap
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public const string ContentType = "application/xml; charset=utf-8";

    public const int MaxUrls = 50_000;

    private static readonly string[] FixedPages = ["/", "/authors", "/themes", "/search", "/export"];

    private static readonly XmlWriterSettings Xml = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(false),
        Indent = true,
        NewLineChars = "\n",
    };

    /// <summary>Whether the archive needs an index rather than one file.</summary>
    public static async Task<bool> NeedsIndexAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = FixedPages.Length + await db.Articles.CountAsync(cancellationToken) + await db.Authors.CountAsync(cancellationToken)
            + await db.Themes.CountAsync(cancellationToken);
        return count > MaxUrls;
    }

    public static async Task WriteIndexAsync(Stream output, ArchiveDbContext db, ArchiveIris iris, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(iris);
        var pages = (await db.Articles.CountAsync(cancellationToken) + MaxUrls - 1) / MaxUrls;
        await using var xml = XmlWriter.Create(output, Xml);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
        await WriteEntryAsync(xml, "sitemap", $"{iris.Base}/sitemap/pages.xml", null);
        for (var page = 1; page <= pages; page++)
        {
            await WriteEntryAsync(xml, "sitemap", $"{iris.Base}/sitemap/articles-{page.ToString(CultureInfo.InvariantCulture)}.xml", null);
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>A sitemap file: the pages (fixed pages, authors, themes) and/or one page of articles (all when <paramref name="articlePage"/> is null).</summary>
    public static async Task WriteUrlsAsync(
        Stream output, ArchiveDbContext db, ArchiveIris iris, bool withPages, int? articlePage, bool withArticles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(iris);
        await using var xml = XmlWriter.Create(output, Xml);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        if (withPages)
        {
            foreach (var page in FixedPages)
            {
                await WriteEntryAsync(xml, "url", iris.Base + page, null);
            }
            await foreach (var slug in db.Authors.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Slug).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await WriteEntryAsync(xml, "url", iris.Author(slug), null);
            }
            await foreach (var slug in db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Slug).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await WriteEntryAsync(xml, "url", iris.Theme(slug), null);
            }
        }
        if (withArticles)
        {
            var articles = db.Articles.AsNoTracking().OrderBy(a => a.Id).AsQueryable();
            if (articlePage is { } page)
            {
                articles = articles.Skip((page - 1) * MaxUrls).Take(MaxUrls);
            }
            var written = 0;
            await foreach (var article in articles.Select(a => new { a.Slug, a.UpdatedAtUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await WriteEntryAsync(xml, "url", iris.Article(article.Slug), article.UpdatedAtUtc);
                if (++written % 1000 == 0)
                {
                    await xml.FlushAsync();
                }
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task WriteEntryAsync(XmlWriter xml, string element, string location, DateTime? modified)
    {
        await xml.WriteStartElementAsync(null, element, Namespace);
        await xml.WriteElementStringAsync(null, "loc", Namespace, location);
        if (modified is { } utc)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        await xml.WriteEndElementAsync();
    }
}
