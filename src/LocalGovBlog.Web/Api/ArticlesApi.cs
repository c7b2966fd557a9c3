using System.Security.Claims;
using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Pages.Articles;
using LocalGovBlog.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Api;

public static class ArticlesApi
{
    public const int PageSize = 20;

    public sealed record AuthorRef(string Slug, string Name);

    public sealed record ArticleSummary(string Slug, string Title, IReadOnlyList<AuthorRef> Authors, string? Role,
        bool IsExcerpt, string? Standfirst, IReadOnlyList<string> Themes, string? Snippet = null, DateOnly? Published = null);

    /// <param name="Ranked">Searches only: false when too many articles match to rank, so they come in archive order.</param>
    /// <param name="Facets">Searches only: how many matching articles each author (and theme) has.</param>
    public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int Total, bool? Ranked = null, SearchFacets? Facets = null);

    public sealed record FacetCount(string Slug, string Name, int Count);

    public sealed record SearchFacets(IReadOnlyList<FacetCount> Authors, IReadOnlyList<FacetCount> Themes);

    public sealed record ArticleAuthorDetail(string Slug, string Name, string? Role, string? Bio);

    public sealed record BlockDetail(BlockKind Kind, int Start, int End, bool Ordered);

    /// <param name="Role">This post's own byline role, shared by its authors; null when its byline gave none.</param>
    /// <param name="Captions">Captions, image credits and alt text near the title: not part of <paramref name="Text"/>.</param>
    public sealed record ArticleDetail(string Slug, string Title, string? Role, DateOnly? Published, IReadOnlyList<ArticleAuthorDetail> Authors,
        string? Standfirst, bool IsExcerpt, IReadOnlyList<string> Captions, IReadOnlyList<string> Keywords, string Text,
        IReadOnlyList<BlockDetail> Blocks, IReadOnlyList<object> Annotations);

    public static RouteGroupBuilder MapArticlesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListAsync).WithSummary("Articles by author, theme or words (q), twenty a page; with q or theme ranked, with snippets and facets");
        api.MapGet("/articles/{slug}", GetAsync).WithSummary("One article: text, blocks with offsets, authors and the tags the caller may see");
        return api;
    }

    private static async Task<Results<Ok<ArticlePage>, ProblemHttpResult>> ListAsync(
        ArchiveDbContext db, IArticleSearch search, string? author, string? theme, string? q, int? page, CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        if (pageNumber < 1)
        {
            return TypedResults.Problem(detail: "page must be 1 or more.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid page");
        }
        if (!string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(theme))
        {
            return TypedResults.Ok(await ArticleSearchApi.SearchAsync(db, search, q, author, theme, pageNumber, cancellationToken));
        }
        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(author))
        {
            query = query.Where(a => a.Authors.Any(aa => aa.Author.Slug == author));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = (await ToSummariesAsync(query
            .InListingOrder(db)
            .Skip((pageNumber - 1) * PageSize)
            .Take(PageSize), db, cancellationToken)).ConvertAll(row => row.Summary);
        return TypedResults.Ok(new ArticlePage(items, pageNumber, total));
    }

    /// <summary>Projects already filtered and ordered articles into the list shape, with their themes.</summary>
    internal static async Task<List<(int Id, ArticleSummary Summary)>> ToSummariesAsync(IQueryable<Article> articles, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var rows = await articles
            .Select(a => new { a.Id, a.Slug, a.Title, a.IsExcerpt, a.Standfirst, a.Published })
            .ToListAsync(cancellationToken);
        var authors = await articles.AuthorLinksAsync(cancellationToken);
        var themes = await ArticleThemesAsync(db, rows.ConvertAll(r => r.Id), cancellationToken);
        return rows.ConvertAll(r => (r.Id, new ArticleSummary(
                r.Slug, r.Title, authors[r.Id].Select(x => new AuthorRef(x.Slug, x.Name)).ToList(),
                ArticleHeads.SharedRole(authors[r.Id].Select(x => x.Role)),
                r.IsExcerpt, r.Standfirst, themes.GetValueOrDefault(r.Id) ?? [], Published: r.Published)));
    }

    /// <summary>Slugs of the themes tagged (publicly, on found passages) in each of these articles.</summary>
    private static async Task<Dictionary<int, List<string>>> ArticleThemesAsync(ArchiveDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var tags = await db.Annotations.AsNoTracking()
            .Where(a => a.IsPublic && !a.IsOrphan && ids.Contains(a.ArticleId))
            .Select(a => new { a.ArticleId, Themes = a.Themes.Select(t => t.Slug).ToList() })
            .ToListAsync(cancellationToken);
        return tags.GroupBy(t => t.ArticleId).ToDictionary(g => g.Key,
            g => g.SelectMany(t => t.Themes).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> GetAsync(
        ArchiveDbContext db, ArticleContentCache contents, ReadMemo memo, HttpContext http, string slug, CancellationToken cancellationToken)
    {
        var viewerId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var front = await ArticleHeads.FrontAsync(db, memo, slug, viewerId, cancellationToken);
        var row = front.Head;
        // The words and blocks by content hash, kept between requests (ArticleContent).
        var content = row is null ? null : await contents.GetAsync(db, row.Id, row.ContentHash, cancellationToken);
        if (row is null || content is null)
        {
            return TypedResults.Problem(detail: $"No article has the address '{slug}'.", statusCode: StatusCodes.Status404NotFound, title: "Article not found");
        }
        var blocks = content.Blocks.Select(b => new BlockDetail(b.Kind, b.Start, b.End, b.Ordered)).ToList();
        var authors = front.Bylines.Select(a => new ArticleAuthorDetail(a.Slug, a.Name, a.Role, a.Bio)).ToList();
        var annotations = row.AnyTags ? await AnnotationsApi.ForArticleAsync(db, http, slug, content.Text, cancellationToken) : [];
        return TypedResults.Ok(new ArticleDetail(row.Slug, row.Title, ArticleHeads.SharedRole(authors.Select(a => a.Role)),
            row.Published, authors, row.Standfirst, row.IsExcerpt, Lines(row.Captions), Lines(row.Keywords), content.Text, blocks, annotations));
    }

    private static string[] Lines(string? text) => text is null ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
