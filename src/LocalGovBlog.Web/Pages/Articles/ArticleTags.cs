using System.Security.Claims;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Articles;

public sealed record ThemeChip(string Slug, string Name, int Count, bool Active);

/// <summary>The tags the reader may see on one article, filtered by a theme chip, in reading order.</summary>
public sealed record ArticleTags(IReadOnlyList<AnnotationRow> Anchored, IReadOnlyList<AnnotationRow> Orphans, IReadOnlyList<ThemeChip> Chips, string? Theme)
{
    public static readonly ArticleTags None = new([], [], [], null);

    /// <summary>The whole codebook, for a signed-in reader's tagging popover and form.</summary>
    public IReadOnlyList<ThemesApi.ThemeSummary> Codebook { get; init; } = [];

    public IReadOnlyList<HighlightRange> Ranges { get; } =
        [.. Anchored.Select(a => new HighlightRange(a.Id, a.Start, a.End, a.Themes.Count > 0 ? a.Themes[0].Slug : "none")
        {
            Themes = a.Themes.Count > 0 ? [.. a.Themes.Select(t => t.Slug)] : ["none"],
            Label = string.Join(", ", a.Themes.Select(t => t.Name)),
            Names = a.Themes.Count > 0 ? [.. a.Themes.Select(t => t.Name)] : ["none"],
        })];

    public static async Task<ArticleTags> LoadAsync(ArchiveDbContext db, string slug, ClaimsPrincipal viewer, string? theme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var viewerId = viewer.FindFirstValue(ClaimTypes.NameIdentifier);
        return From(await RowsAsync(db, slug, viewerId, cancellationToken), theme) with
        {
            Codebook = viewerId is null ? [] : await ThemesApi.CodebookAsync(db, cancellationToken),
        };
    }

    /// <summary>Every tag on the article the reader may see (anyone's public ones when <paramref name="viewerId"/> is null), in reading order.</summary>
    public static Task<List<AnnotationRow>> RowsAsync(ArchiveDbContext db, string slug, string? viewerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AnnotationsApi.Visible(db.Annotations.Where(a => a.Article.Slug == slug), viewerId).ToListAsync(cancellationToken);
    }

    /// <summary>The tags shown with a theme chip picked (all of them when <paramref name="theme"/> is null), and the chips.</summary>
    public static ArticleTags From(IReadOnlyList<AnnotationRow> all, string? theme)
    {
        ArgumentNullException.ThrowIfNull(all);
        var chips = all.Where(a => !a.IsOrphan)
            .SelectMany(a => a.Themes)
            .GroupBy(t => t.Slug)
            .Select(g => new ThemeChip(g.Key, g.First().Name, g.Count(), g.Key == theme))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var shown = theme is null ? all : [.. all.Where(a => a.Themes.Any(t => t.Slug == theme))];
        return new ArticleTags([.. shown.Where(a => !a.IsOrphan)], [.. shown.Where(a => a.IsOrphan)], chips, theme);
    }
}
