using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Authors;

public sealed record AuthorListItem(string Slug, string Name, string? Role, int ArticleCount, string SearchName)
{
    /// <summary>Surname-ish: the last word of the displayed name, folded ("Müller-Ørsted" files under M).</summary>
    public string SortKey => PersonName.SearchForm(Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? Name);
}

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<AuthorListItem> Authors { get; private set; } = [];

    public bool IsSearch => !string.IsNullOrWhiteSpace(Query);

    public string Title => IsSearch ? $"Authors matching “{Query!.Trim()}”" : "Authors";

    /// <summary>What the live region announces after each search, and what the page says without JavaScript.</summary>
    public string Summary => (IsSearch, Authors.Count) switch
    {
        (true, 0) => $"No author matches “{Query!.Trim()}”.",
        (true, 1) => $"1 author matches “{Query!.Trim()}”.",
        (true, var n) => $"{n} authors match “{Query!.Trim()}”.",
        (false, 1) => "1 author.",
        (false, var n) => $"{n} authors.",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Authors = await FindAsync(cancellationToken);

    /// <summary>Just the results, for the search-as-you-type script to swap in.</summary>
    public async Task<PartialViewResult> OnGetResultsAsync(CancellationToken cancellationToken)
    {
        Authors = await FindAsync(cancellationToken);
        return Partial("_AuthorResults", this);
    }

    private async Task<IReadOnlyList<AuthorListItem>> FindAsync(CancellationToken cancellationToken)
    {
        var authors = await db.Authors.AsNoTracking()
            .MatchingName(Query)
            .Select(a => new AuthorListItem(a.Slug, a.Name, a.Role, a.Articles.Count, a.SearchName))
            .ToListAsync(cancellationToken);
        // Surnames are not stored, so order in memory: an archive has hundreds of authors, not millions.
        return [.. authors.OrderBy(a => a.SortKey, StringComparer.Ordinal).ThenBy(a => a.SearchName, StringComparer.Ordinal)];
    }
}
