using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;
using static LocalGovBlog.Web.Api.ArticlesApi;

namespace LocalGovBlog.Web.Api;

/// <summary><c>GET /api/articles?q=&amp;author=&amp;theme=</c>: the list shape, ranked by the search seam,
/// with a snippet per article and counts per author and theme.</summary>
internal static class ArticleSearchApi
{
    public static async Task<ArticlePage> SearchAsync(ArchiveDbContext db, IArticleSearch search,
        string? q, string? author, string? theme, int page, CancellationToken cancellationToken)
    {
        IReadOnlyList<int>? authorIds = null;
        if (!string.IsNullOrWhiteSpace(author))
        {
            authorIds = await db.Authors.AsNoTracking().Where(a => a.Slug == author).Select(a => a.Id).ToListAsync(cancellationToken);
        }
        IReadOnlyList<int>? themeIds = null;
        if (!string.IsNullOrWhiteSpace(theme))
        {
            themeIds = await db.Themes.AsNoTracking().Where(t => t.Slug == theme).Select(t => t.Id).ToListAsync(cancellationToken);
        }
        var results = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(q), authorIds, themeIds, page, PageSize), cancellationToken);
        var ids = results.Hits.Select(h => h.ArticleId).ToList();
        var summaries = (await ToSummariesAsync(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)), db, cancellationToken))
            .ToDictionary(row => row.Id, row => row.Summary);
        var items = results.Hits
            .Where(hit => summaries.ContainsKey(hit.ArticleId))
            .Select(hit => summaries[hit.ArticleId] with { Snippet = hit.SnippetHtml })
            .ToList();
        var facets = new SearchFacets(
            [.. results.AuthorFacets.Select(f => new FacetCount(f.Slug, f.Name, f.Count))],
            [.. results.ThemeFacets.Select(f => new FacetCount(f.Slug, f.Name, f.Count))]);
        return new ArticlePage(items, page, results.Total, results.Ranked, facets);
    }
}
