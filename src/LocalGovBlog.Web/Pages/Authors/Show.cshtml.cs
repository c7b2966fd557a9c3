using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Authors;

public sealed record AuthorView(string Slug, string Name, string? Role, string? Bio);

public sealed class ShowModel(ArchiveDbContext db) : PageModel
{
    public AuthorView Author { get; private set; } = null!;

    public IReadOnlyList<ArticleListItem> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new AuthorView(a.Slug, a.Name, a.Role, a.Bio))
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return NotFound();
        }
        Author = author;
        Articles = await db.Articles.AsNoTracking()
            .Where(a => a.Authors.Any(aa => aa.Author.Slug == slug))
            .InListingOrder(db)
            .ToListItemsAsync(cancellationToken);
        return Page();
    }
}
