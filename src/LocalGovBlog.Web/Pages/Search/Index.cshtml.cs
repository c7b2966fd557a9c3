using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Pages.Articles;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Search;

public sealed record AuthorChoice(int Id, string Slug, string Name, int ArticleCount);

public sealed record SearchResultItem(ArticleListItem Article, string? SnippetHtml);

public sealed class IndexModel(ArchiveDbContext db, IArticleSearch search) : PageModel
{
    public const int PageSize = 20;

    private const int MaxAuthors = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>An author's slug (from a suggestion or a facet) or any part of a name typed in the box.</summary>
    [BindProperty(SupportsGet = true, Name = "author")]
    public string? Author { get; set; }

    /// <summary>A theme's slug: only articles with a passage tagged with it.</summary>
    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    public IReadOnlyList<AuthorChoice> Authors { get; private set; } = [];

    /// <summary>The chosen theme's name, when <see cref="Theme"/> names one.</summary>
    public string? ThemeName { get; private set; }

    public IReadOnlyList<SearchResultItem> Results { get; private set; } = [];

    public IReadOnlyList<SearchFacet> AuthorFacets { get; private set; } = [];

    public IReadOnlyList<SearchFacet> ThemeFacets { get; private set; } = [];

    public int Total { get; private set; }

    public bool Ranked { get; private set; } = true;

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query) || HasAuthor || HasTheme;

    public bool HasTheme => !string.IsNullOrWhiteSpace(Theme);

    public bool HasAuthor => !string.IsNullOrWhiteSpace(Author);

    public string Title => HasQuery ? $"Search: {Describe()}" : "Search";

    public string Summary => !HasQuery ? "Type words, an author, or both."
        : HasAuthor && Authors.Count == 0 ? $"No author matches “{Author!.Trim()}”."
        : SearchQuery.Parse(Query).IsEmpty ? Total switch
        {
            0 => $"No articles {Describe()}.",
            1 => $"1 article {Describe()}.",
            var n => $"{n:N0} articles {Describe()}.",
        }
        : Total switch
        {
            0 => $"No articles match {Describe()}.",
            1 => $"1 article matches {Describe()}.",
            var n => $"{n:N0} articles match {Describe()}.",
        };

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, pageNumber ?? 1);
        if (!HasQuery)
        {
            return Page();
        }
        Authors = HasAuthor ? await FindAuthorsAsync(Author!, cancellationToken) : [];
        if (HasAuthor && Authors.Count == 0)
        {
            return Page();
        }
        var theme = HasTheme
            ? await db.Themes.AsNoTracking().Where(t => t.Slug == Theme!.Trim()).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(cancellationToken)
            : null;
        ThemeName = theme?.Name;
        var request = new SearchRequest(SearchQuery.Parse(Query), HasAuthor ? [.. Authors.Select(a => a.Id)] : null,
            HasTheme ? (theme is null ? [] : [theme.Id]) : null, PageNumber, PageSize);
        var results = await search.SearchAsync(request, cancellationToken);
        (Total, Ranked, AuthorFacets, ThemeFacets) = (results.Total, results.Ranked, results.AuthorFacets, results.ThemeFacets);
        var ids = results.Hits.Select(h => h.ArticleId).ToList();
        var articles = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToKeyedListItemsAsync(cancellationToken))
            .ToDictionary(row => row.Id, row => row.Item);
        Results = [.. results.Hits.Where(h => articles.ContainsKey(h.ArticleId)).Select(h => new SearchResultItem(articles[h.ArticleId], h.SnippetHtml))];
        return Page();
    }

    /// <summary>Authors whose name contains what was typed, for the author box's suggestions.</summary>
    public async Task<PartialViewResult> OnGetAuthorsAsync(CancellationToken cancellationToken)
    {
        Authors = HasAuthor ? await FindAuthorsAsync(Author!, cancellationToken) : [];
        return Partial("_AuthorSuggestions", this);
    }

    public string Href(string? author, int page = 1) => Href(author, Theme, page);

    public string ThemeHref(string? theme) => Href(Author, theme, 1);

    private string Href(string? author, string? theme, int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            parts.Add("q=" + Uri.EscapeDataString(Query.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(author))
        {
            parts.Add("author=" + Uri.EscapeDataString(author));
        }
        if (!string.IsNullOrWhiteSpace(theme))
        {
            parts.Add("theme=" + Uri.EscapeDataString(theme));
        }
        if (page > 1)
        {
            parts.Add("page=" + page);
        }
        return "/search" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    private string Describe()
    {
        var words = SearchQuery.Parse(Query);
        var byWhom = Authors.Count == 1 ? $"by {Authors[0].Name}" : HasAuthor ? $"by authors matching “{Author!.Trim()}”" : "";
        var tagged = HasTheme ? $"tagged {ThemeName ?? Theme!.Trim()}" : "";
        return string.Join(' ', new[] { words.IsEmpty ? "" : $"“{words}”", byWhom, tagged }.Where(s => s.Length > 0));
    }

    private async Task<IReadOnlyList<AuthorChoice>> FindAuthorsAsync(string typed, CancellationToken cancellationToken)
    {
        var authors = db.Authors.AsNoTracking();
        var bySlug = await authors.Where(a => a.Slug == typed.Trim())
            .Select(a => new AuthorChoice(a.Id, a.Slug, a.Name, a.Articles.Count)).ToListAsync(cancellationToken);
        if (bySlug.Count > 0 || PersonName.QueryTerms(typed).Count == 0)
        {
            return bySlug;
        }
        return await authors.MatchingName(typed)
            .OrderByDescending(a => a.Articles.Count).ThenBy(a => a.SearchName).Take(MaxAuthors)
            .Select(a => new AuthorChoice(a.Id, a.Slug, a.Name, a.Articles.Count)).ToListAsync(cancellationToken);
    }
}
