using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Analysis;

/// <summary>/analysis/suggestions?theme=: paragraphs not yet tagged with a theme, most like the passages that are;
/// a signed-in reader accepts one with a click and it becomes their own public tag.</summary>
public sealed class SuggestionsModel(ArchiveDbContext db, ThemeSuggestions suggestions, PassageTagService tags) : PageModel
{
    public const int Shown = 20;

    public IReadOnlyList<ThemeInfo> Codebook { get; private set; } = [];

    public ThemeInfo? Theme { get; private set; }

    public IReadOnlyList<SuggestedPassage> Suggestions { get; private set; } = [];

    [TempData]
    public string? Accepted { get; set; }

    public async Task<IActionResult> OnGetAsync(string? theme, CancellationToken cancellationToken)
    {
        Codebook = await db.Themes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new ThemeInfo(t.Id, t.Slug, t.Name, t.Color, t.Description)).ToListAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(theme))
        {
            return Page();
        }
        Theme = Codebook.FirstOrDefault(t => string.Equals(t.Slug, theme, StringComparison.OrdinalIgnoreCase));
        if (Theme is null)
        {
            return NotFound();
        }
        Suggestions = await suggestions.ForThemeAsync(Theme.Id, User, Shown, cancellationToken);
        return Page();
    }

    /// <summary>Accepts a suggestion: the paragraph becomes the reader's tag with the theme, through the one home of tag rules.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(string theme, string article, int start, int end, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        var found = await db.Articles.AsNoTracking().Where(a => a.Slug == article).Select(a => new { a.Title, a.Text }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || start < 0 || end > found.Text.Length || start >= end)
        {
            return NotFound();
        }
        var write = await tags.CreateAsync(article, new AnnotationDraft(start, end, found.Text[start..end], [theme], null, true), User, cancellationToken);
        if (write.Saved is null)
        {
            return write.Status == StatusCodes.Status400BadRequest ? BadRequest(string.Join(" ", write.Problems)) : StatusCode(write.Status);
        }
        Accepted = $"Tagged a paragraph of “{found.Title}”.";
        return Redirect($"/analysis/suggestions?theme={Uri.EscapeDataString(theme)}#suggestions-heading");
    }
}
