using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages;

public sealed class IndexModel(ReadMemo memo) : PageModel
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
        // Counted and listed once per store version (ReadMemo): the list changes only when an import does.
        TotalArticles = (await memo.GetAsync(new CountOfArticles(), async (store, ct) => new ArticleTotal(await store.Articles.CountAsync(ct)), cancellationToken)).Total;
        PageCount = Math.Max(1, (TotalArticles + PageSize - 1) / PageSize);
        PageNumber = pageNumber ?? 1;
        if (PageNumber < 1 || PageNumber > PageCount)
        {
            return NotFound();
        }
        var number = PageNumber;
        Articles = await memo.GetAsync(new ListingPage(number), (store, ct) => store.Articles.AsNoTracking()
            .InListingOrder(store)
            .Skip((number - 1) * PageSize)
            .Take(PageSize)
            .ToListItemsAsync(ct), cancellationToken);
        return Page();
    }

    // The questions the home page asks of ReadMemo.
    private sealed record CountOfArticles;

    private sealed record ArticleTotal(int Total);

    private sealed record ListingPage(int Number);

    public static string PageHref(int pageNumber) => pageNumber == 1 ? "/" : $"/?page={pageNumber}";
}
