using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Annotations;

public sealed record ThemeCreation(Theme? Theme, int Status, string? Problem);

/// <summary>Any signed-in person may add a theme to the codebook; names are unique without regard to case.</summary>
public sealed class ThemeCreator(ArchiveDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 60;

    public async Task<ThemeCreation> CreateAsync(string? name, string? color, string? description, string userId, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return new ThemeCreation(null, StatusCodes.Status400BadRequest, $"A theme needs a name of 1 to {MaxNameLength} characters.");
        }
        if (color is not null && !ThemePalette.IsColor(color))
        {
            return new ThemeCreation(null, StatusCodes.Status400BadRequest, "color must be a #rrggbb colour.");
        }
        if (description is { Length: > 4000 })
        {
            return new ThemeCreation(null, StatusCodes.Status400BadRequest, "A description may be at most 4000 characters.");
        }
        var slug = Slug.From(name);
        var codebook = await db.Themes.Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken);
        if (string.IsNullOrEmpty(slug) || codebook.Any(t => t.Slug == slug || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return new ThemeCreation(null, StatusCodes.Status409Conflict, $"The codebook already has a theme called '{name}'.");
        }
        var theme = new Theme
        {
            Slug = slug,
            Name = name,
            Color = color ?? ThemePalette.Spare[codebook.Count % ThemePalette.Spare.Count],
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedById = userId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Themes.Add(theme);
        await db.SaveChangesAsync(cancellationToken);
        return new ThemeCreation(theme, StatusCodes.Status201Created, null);
    }
}
