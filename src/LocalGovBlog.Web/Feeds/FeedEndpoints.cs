using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Feeds;

/// <summary>The Atom feeds and the sitemap: for feed readers and search engines, not part of the JSON API's description.</summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").ExcludeFromDescription().CacheFeedsForAnonymousReaders();
        feeds.MapGet("/feed.atom", SiteFeedAsync);
        feeds.MapGet("/authors/{slug}/feed.atom", AuthorFeedAsync);
        feeds.MapGet("/themes/{slug}/feed.atom", ThemeFeedAsync);
        feeds.MapGet("/sitemap.xml", SitemapAsync);
        feeds.MapGet("/sitemap/pages.xml", (ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken) =>
            Xml(stream => Sitemap.WriteUrlsAsync(stream, db, ArchiveIris.For(http), withPages: true, null, withArticles: false, cancellationToken)));
        feeds.MapGet("/sitemap/articles-{page:int:min(1)}.xml", (int page, ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken) =>
            Xml(stream => Sitemap.WriteUrlsAsync(stream, db, ArchiveIris.For(http), withPages: false, page, withArticles: true, cancellationToken)));
        return app;
    }

    private static async Task<FileContentHttpResult> SiteFeedAsync(ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var iris = ArchiveIris.For(http);
        var info = new AtomFeed.FeedInfo("LocalGovBlog", "The latest commentary on local government.", iris.Site, $"{iris.Base}/feed.atom");
        return Feed(await AtomFeed.BuildAsync(db, db.Articles, info, iris, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> AuthorFeedAsync(string slug, ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var name = await db.Authors.Where(a => a.Slug == slug).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return TypedResults.NotFound();
        }
        var iris = ArchiveIris.For(http);
        var info = new AtomFeed.FeedInfo($"{name} — LocalGovBlog", $"The latest articles by {name}.", iris.Author(slug), $"{iris.Author(slug)}/feed.atom");
        return Feed(await AtomFeed.BuildAsync(db, db.Articles.Where(a => a.Authors.Any(x => x.Author.Slug == slug)), info, iris, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ThemeFeedAsync(string slug, ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var name = await db.Themes.Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return TypedResults.NotFound();
        }
        var iris = ArchiveIris.For(http);
        var info = new AtomFeed.FeedInfo($"{name} — LocalGovBlog", $"The latest articles with passages tagged {name}.", iris.Theme(slug), $"{iris.Theme(slug)}/feed.atom");
        // The theme pages' rule: public tags on passages still found.
        var tagged = db.Annotations.Where(a => a.IsPublic && !a.IsOrphan && a.Themes.Any(t => t.Slug == slug));
        return Feed(await AtomFeed.BuildAsync(db, db.Articles.Where(a => tagged.Any(t => t.ArticleId == a.Id)), info, iris, cancellationToken));
    }

    private static async Task<PushStreamHttpResult> SitemapAsync(ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var iris = ArchiveIris.For(http);
        return await Sitemap.NeedsIndexAsync(db, cancellationToken)
            ? Xml(stream => Sitemap.WriteIndexAsync(stream, db, iris, cancellationToken))
            : Xml(stream => Sitemap.WriteUrlsAsync(stream, db, iris, withPages: true, null, withArticles: true, cancellationToken));
    }

    private static FileContentHttpResult Feed(byte[] atom) => TypedResults.File(atom, AtomFeed.ContentType);

    private static PushStreamHttpResult Xml(Func<Stream, Task> write) => TypedResults.Stream(write, Sitemap.ContentType);
}
