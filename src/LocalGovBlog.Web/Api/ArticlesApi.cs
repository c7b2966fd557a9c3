using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Api;

public static class ArticlesApi
{
    public const int PageSize = 20;

    public sealed record AuthorRef(string Slug, string Name);

    public sealed record ArticleSummary(string Slug, string Title, IReadOnlyList<AuthorRef> Authors, string? Role,
        bool IsExcerpt, string? Standfirst, IReadOnlyList<string> Themes);

    public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int Total);

    public sealed record ArticleAuthorDetail(string Slug, string Name, string? Role, string? Bio);

    public sealed record BlockDetail(BlockKind Kind, int Start, int End, bool Ordered);

    public sealed record ArticleDetail(string Slug, string Title, IReadOnlyList<ArticleAuthorDetail> Authors, string? Standfirst,
        bool IsExcerpt, string Text, IReadOnlyList<BlockDetail> Blocks, IReadOnlyList<object> Annotations);

    public static RouteGroupBuilder MapArticlesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListAsync);
        api.MapGet("/articles/{slug}", GetAsync);
        return api;
    }

    private static async Task<Results<Ok<ArticlePage>, ProblemHttpResult>> ListAsync(
        ArchiveDbContext db, string? author, int? page, CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        if (pageNumber < 1)
        {
            return TypedResults.Problem(detail: "page must be 1 or more.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid page");
        }
        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(author))
        {
            query = query.Where(a => a.Authors.Any(aa => aa.Author.Slug == author));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(a => a.SourceOrder)
            .Skip((pageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new
            {
                a.Slug,
                a.Title,
                a.IsExcerpt,
                a.Standfirst,
                Authors = a.Authors.OrderBy(aa => aa.Position)
                    .Select(aa => new { aa.Author.Slug, aa.Author.Name, aa.Role })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var themes = await ArticleThemesAsync(db, rows.Select(r => r.Slug).ToList(), cancellationToken);
        var items = rows.Select(r => new ArticleSummary(
                r.Slug, r.Title, r.Authors.Select(x => new AuthorRef(x.Slug, x.Name)).ToList(),
                r.Authors.Select(x => x.Role).FirstOrDefault(role => role is not null),
                r.IsExcerpt, r.Standfirst, themes.GetValueOrDefault(r.Slug) ?? []))
            .ToList();
        return TypedResults.Ok(new ArticlePage(items, pageNumber, total));
    }

    /// <summary>Slugs of the themes tagged (publicly, on found passages) in each of these articles.</summary>
    private static async Task<Dictionary<string, List<string>>> ArticleThemesAsync(ArchiveDbContext db, List<string> slugs, CancellationToken cancellationToken)
    {
        var tags = await db.Annotations.AsNoTracking()
            .Where(a => a.IsPublic && !a.IsOrphan && slugs.Contains(a.Article.Slug))
            .Select(a => new { a.Article.Slug, Themes = a.Themes.Select(t => t.Slug).ToList() })
            .ToListAsync(cancellationToken);
        return tags.GroupBy(t => t.Slug).ToDictionary(g => g.Key,
            g => g.SelectMany(t => t.Themes).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> GetAsync(
        ArchiveDbContext db, HttpContext http, string slug, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .AsSplitQuery()
            .Where(a => a.Slug == slug)
            .Select(a => new ArticleDetail(
                a.Slug,
                a.Title,
                a.Authors.OrderBy(aa => aa.Position)
                    .Select(aa => new ArticleAuthorDetail(aa.Author.Slug, aa.Author.Name, aa.Role ?? aa.Author.Role, aa.Bio ?? aa.Author.Bio))
                    .ToList(),
                a.Standfirst,
                a.IsExcerpt,
                a.Text,
                a.Blocks.OrderBy(b => b.Ordinal).Select(b => new BlockDetail(b.Kind, b.Start, b.End, b.Ordered)).ToList(),
                Array.Empty<object>()))
            .FirstOrDefaultAsync(cancellationToken);
        return article is null
            ? TypedResults.Problem(detail: $"No article has the address '{slug}'.", statusCode: StatusCodes.Status404NotFound, title: "Article not found")
            : TypedResults.Ok(article with { Annotations = await AnnotationsApi.ForArticleAsync(db, http, slug, article.Text, cancellationToken) });
    }
}
