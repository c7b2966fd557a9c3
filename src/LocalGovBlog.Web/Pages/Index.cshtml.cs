using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages;

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<ArticleListItem> Articles { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int TotalArticles { get; private set; }

    // "page" is a route value Razor Pages reserves for the page's own name, so bind the query string only.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }
        TotalArticles = await db.Articles.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (TotalArticles + PageSize - 1) / PageSize);
        PageNumber = pageNumber ?? 1;
        if (PageNumber < 1 || PageNumber > PageCount)
        {
            return NotFound();
        }
        Articles = await db.Articles.AsNoTracking()
            .InListingOrder(db)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListItemsAsync(cancellationToken);
        return Page();
    }

    public static string PageHref(int pageNumber) => pageNumber == 1 ? "/" : $"/?page={pageNumber}";
}
