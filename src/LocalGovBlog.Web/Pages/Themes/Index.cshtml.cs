using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalGovBlog.Web.Pages.Themes;

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<ThemesApi.ThemeSummary> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Themes = await ThemesApi.CodebookAsync(db, cancellationToken);
}
