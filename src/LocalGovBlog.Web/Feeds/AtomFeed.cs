using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Export;
using LocalGovBlog.Web.Pages.Articles;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Feeds;

/// <summary>
/// Atom 1.0 feeds of the latest articles: the whole archive, one author's, or those in which a theme is
/// tagged. Written with System.ServiceModel.Syndication's Atom formatter; entry ids are the articles'
/// permanent addresses, so a feed reader never shows a post twice.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public const int Entries = 20;

    private const int SummaryWords = 60;

    /// <summary>The feed's own description: its title, its page and its address.</summary>
    public sealed record FeedInfo(string Title, string Subtitle, string PageUrl, string FeedUrl);

    public static async Task<byte[]> BuildAsync(ArchiveDbContext db, IQueryable<Article> articles, FeedInfo info, ArchiveIris iris, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(iris);
        var rows = await articles.AsNoTracking().InListingOrder(db).Take(Entries)
            .Select(a => new
            {
                a.Slug,
                a.Title,
                a.Standfirst,
                Opening = a.Text.Substring(0, 1500),
                a.Published,
                a.UpdatedAtUtc,
                Authors = a.Authors.OrderBy(x => x.Position).Select(x => new { x.Author.Slug, x.Author.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var updated = rows.Count == 0 ? DateTimeOffset.UnixEpoch : rows.Max(r => Utc(r.UpdatedAtUtc));
        var feed = new SyndicationFeed(info.Title, info.Subtitle, new Uri(info.PageUrl), info.FeedUrl, updated)
        {
            Generator = "LocalGovBlog",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(info.FeedUrl), "application/atom+xml"));
        // Every entry needs an author in Atom; the site speaks for posts whose byline names nobody.
        feed.Authors.Add(new SyndicationPerson(null, "LocalGovBlog", iris.Site));
        feed.Items = [.. rows.Select(r =>
        {
            var address = iris.Article(r.Slug);
            var summary = r.Standfirst ?? ArticleListQuery.OpeningWords(r.Opening, SummaryWords, textWasCut: r.Opening.Length >= 1500);
            var item = new SyndicationItem(r.Title, (SyndicationContent?)null, new Uri(address), address, Utc(r.UpdatedAtUtc))
            {
                Summary = new TextSyndicationContent(XmlSafeText.Clean(summary)),
            };
            if (r.Published is { } published)
            {
                item.PublishDate = new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            foreach (var author in r.Authors)
            {
                item.Authors.Add(new SyndicationPerson(null, author.Name, iris.Author(author.Slug)));
            }
            return item;
        })];
        using var buffer = new MemoryStream();
        // A feed is at most twenty entries: formatted in memory (the formatter writes synchronously), then sent.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }
        return buffer.ToArray();
    }

    private static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
