using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Themes;

public sealed class ThemeEditForm
{
    public string? Name { get; set; }

    public string? Color { get; set; }

    public string? Description { get; set; }
}

public sealed record MergeTarget(string Slug, string Name);

/// <summary>Editors rename, recolour and describe a theme, merge it into another (its tags move), or delete it when unused.</summary>
[Authorize(Policy = AppRoles.Editor)]
public sealed class EditModel(ArchiveDbContext db, CodebookService codebook) : PageModel
{
    [BindProperty]
    public ThemeEditForm Form { get; set; } = new();

    public string Slug { get; private set; } = "";

    /// <summary>The stored name, whatever was typed in a refused form.</summary>
    public string CurrentName { get; private set; } = "";

    public int PassageCount { get; private set; }

    public IReadOnlyList<MergeTarget> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        Form = new ThemeEditForm { Name = theme.Name, Color = theme.Color, Description = theme.Description };
        await LoadAsync(theme, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken cancellationToken)
    {
        var change = await codebook.UpdateAsync(slug, new ThemeDraft(Form.Name, Form.Color, Form.Description), User, cancellationToken);
        if (change.Theme is not null)
        {
            return Redirect($"/themes/{slug}");
        }
        if (change.Field is null)
        {
            return StatusCode(change.Status);
        }
        // The GOV.UK pattern: the page again with what was typed, and the problem on its field.
        ModelState.AddModelError($"{nameof(Form)}.{change.Field}", change.Problem!);
        var theme = await db.Themes.AsNoTracking().FirstAsync(t => t.Slug == slug, cancellationToken);
        await LoadAsync(theme, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(string slug, string into, CancellationToken cancellationToken)
    {
        var change = await codebook.MergeAsync(slug, into, User, cancellationToken);
        return change.Theme is null ? StatusCode(change.Status == StatusCodes.Status400BadRequest ? StatusCodes.Status404NotFound : change.Status) : Redirect($"/themes/{change.Theme.Slug}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var change = await codebook.DeleteAsync(slug, User, cancellationToken);
        return change.Theme is null ? StatusCode(change.Status) : Redirect("/themes");
    }

    private async Task LoadAsync(Theme theme, CancellationToken cancellationToken)
    {
        Slug = theme.Slug;
        CurrentName = theme.Name;
        PassageCount = await db.Annotations.CountAsync(a => a.Themes.Any(t => t.Id == theme.Id), cancellationToken);
        Others = await db.Themes.AsNoTracking().Where(t => t.Id != theme.Id).OrderBy(t => t.Name)
            .Select(t => new MergeTarget(t.Slug, t.Name)).ToListAsync(cancellationToken);
    }
}
