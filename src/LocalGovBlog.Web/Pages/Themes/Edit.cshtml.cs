using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
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
public sealed class EditModel(ArchiveDbContext db, IArticleSearch search) : PageModel
{
    [BindProperty]
    public ThemeEditForm Form { get; set; } = new();

    public string Slug { get; private set; } = "";

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
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        var name = Form.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ThemeCreator.MaxNameLength)
        {
            ModelState.AddModelError("Form.Name", $"A theme needs a name of 1 to {ThemeCreator.MaxNameLength} characters.");
        }
        else if (await db.Themes.AnyAsync(t => t.Id != theme.Id && t.Name == name, cancellationToken))
        {
            ModelState.AddModelError("Form.Name", $"Another theme is already called '{name}'; merge into it instead.");
        }
        if (!ThemePalette.IsColor(Form.Color))
        {
            ModelState.AddModelError("Form.Color", "Choose a colour as #rrggbb.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(theme, cancellationToken);
            return Page();
        }
        // The slug stays: links to /themes/{slug} keep working after a rename.
        theme.Name = name!;
        theme.Color = Form.Color!.ToLowerInvariant();
        theme.Description = string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/themes/{slug}");
    }

    public async Task<IActionResult> OnPostMergeAsync(string slug, string into, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.Include(t => t.Annotations).ThenInclude(a => a.Themes).FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        var survivor = await db.Themes.FirstOrDefaultAsync(t => t.Slug == into && t.Slug != slug, cancellationToken);
        if (theme is null || survivor is null)
        {
            return NotFound();
        }
        foreach (var tag in theme.Annotations)
        {
            tag.Themes.Remove(theme);
            if (!tag.Themes.Contains(survivor))
            {
                tag.Themes.Add(survivor);
            }
        }
        // One transaction for the move, the parents and the search index of every article the tags sit on.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Themes.Where(t => t.ParentId == theme.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ParentId, survivor.Id), cancellationToken);
        db.Themes.Remove(theme);
        await db.SaveAndIndexAsync(search, [.. theme.Annotations.Select(a => a.ArticleId).Distinct()], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/themes/{survivor.Slug}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        if (await db.Annotations.AnyAsync(a => a.Themes.Any(t => t.Id == theme.Id), cancellationToken)
            || await db.Themes.AnyAsync(t => t.ParentId == theme.Id, cancellationToken))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        // Only an unused theme is deleted, so no tag (and no indexed note) goes with it; if that rule ever
        // loosens, the tags' articles must be re-indexed here in the same transaction, as merge does.
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/themes");
    }

    private async Task LoadAsync(Theme theme, CancellationToken cancellationToken)
    {
        Slug = theme.Slug;
        PassageCount = await db.Annotations.CountAsync(a => a.Themes.Any(t => t.Id == theme.Id), cancellationToken);
        Others = await db.Themes.AsNoTracking().Where(t => t.Id != theme.Id).OrderBy(t => t.Name)
            .Select(t => new MergeTarget(t.Slug, t.Name)).ToListAsync(cancellationToken);
    }
}
