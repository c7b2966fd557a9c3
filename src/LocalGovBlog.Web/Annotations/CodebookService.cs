using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Annotations;

/// <summary>What a theme edit asks for; a null colour on creation takes the next spare one.</summary>
public sealed record ThemeDraft(string? Name, string? Color, string? Description);

/// <summary>A codebook change's outcome: the theme, or a problem in words, the form field it belongs to and its HTTP status.</summary>
public sealed record CodebookChange(Theme? Theme, int Status, string? Field = null, string? Problem = null)
{
    public static CodebookChange Fail(int status, string problem, string? field = null) => new(null, status, field, problem);
}

/// <summary>
/// The one home of the codebook's rules, for the API, the tagging popover and the editors' pages:
/// names are compared folded everywhere (<see cref="ThemeNames"/>), a slug never changes once made,
/// only editors rename, merge and delete, and whoever created a theme may take it back within
/// <see cref="UndoWindow"/> while no tag uses it (a typo caught at once leaves no trace).
/// </summary>
public sealed class CodebookService(ArchiveDbContext db, IArticleSearch search, TimeProvider clock)
{
    public const int MaxDescriptionLength = 4000;

    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(1);

    /// <summary>Codebook names close to a typed one, for "Did you mean …?".</summary>
    public async Task<IReadOnlyList<Theme>> SimilarAsync(string? typed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return [];
        }
        var codebook = await db.Themes.AsNoTracking().ToListAsync(cancellationToken);
        var near = ThemeNames.Near(typed, codebook.Select(t => t.Name));
        return [.. near.Select(n => codebook.First(t => t.Name == n.Name))];
    }

    public async Task<CodebookChange> CreateAsync(ThemeDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return CodebookChange.Fail(StatusCodes.Status401Unauthorized, "Sign in to add themes.");
        }
        var codebook = await db.Themes.AsNoTracking().Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken);
        if (Check(draft, colorRequired: false) is { } problem)
        {
            return problem;
        }
        var name = draft.Name!.Trim();
        if (codebook.FirstOrDefault(t => ThemeNames.Same(t.Name, name)) is { } existing)
        {
            return CodebookChange.Fail(StatusCodes.Status409Conflict, $"The codebook already has a theme called '{existing.Name}'.", nameof(draft.Name));
        }
        var theme = new Theme
        {
            Slug = UniqueSlug(name, codebook.Select(t => t.Slug)),
            Name = name,
            Color = draft.Color?.ToLowerInvariant() ?? ThemePalette.Spare[codebook.Count % ThemePalette.Spare.Count],
            Description = Normalize(draft.Description),
            CreatedById = userId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Themes.Add(theme);
        await db.SaveChangesAsync(cancellationToken);
        return new CodebookChange(theme, StatusCodes.Status201Created);
    }

    /// <summary>Renames, recolours and describes a theme (editors); its slug, and so its address, stays.</summary>
    public async Task<CodebookChange> UpdateAsync(string slug, ThemeDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (theme, denied) = await FindForEditorAsync(slug, user, cancellationToken);
        if (theme is null)
        {
            return denied!;
        }
        if (Check(draft, colorRequired: true) is { } problem)
        {
            return problem;
        }
        var name = draft.Name!.Trim();
        var others = await db.Themes.AsNoTracking().Where(t => t.Id != theme.Id).Select(t => t.Name).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(other => ThemeNames.Same(other, name)) is { } clash)
        {
            return CodebookChange.Fail(StatusCodes.Status409Conflict, $"Another theme is already called '{clash}'. Merge into it instead.", nameof(draft.Name));
        }
        theme.Name = name;
        theme.Color = draft.Color!.ToLowerInvariant();
        theme.Description = Normalize(draft.Description);
        await db.SaveChangesAsync(cancellationToken);
        return new CodebookChange(theme, StatusCodes.Status200OK);
    }

    /// <summary>Moves every tag of one theme to another and removes the first (editors). Deleted tags waiting for undo move too.</summary>
    public async Task<CodebookChange> MergeAsync(string slug, string? into, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (theme, denied) = await FindForEditorAsync(slug, user, cancellationToken);
        if (theme is null)
        {
            return denied!;
        }
        var survivor = await db.Themes.FirstOrDefaultAsync(t => t.Slug == into && t.Id != theme.Id, cancellationToken);
        if (survivor is null)
        {
            return CodebookChange.Fail(StatusCodes.Status400BadRequest, "Choose another theme to merge into.", "into");
        }
        var tags = await db.Annotations.IgnoreQueryFilters().Include(a => a.Themes).AsSplitQuery() // see PassageTagService.UpdateAsync
            .Where(a => a.Themes.Any(t => t.Id == theme.Id)).ToListAsync(cancellationToken);
        foreach (var tag in tags)
        {
            tag.Themes.Remove(theme);
            if (!tag.Themes.Contains(survivor))
            {
                tag.Themes.Add(survivor);
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Themes.Where(t => t.ParentId == theme.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ParentId, survivor.Id), cancellationToken);
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(cancellationToken);
        // Notes do not change, but the index is refreshed for the tagged articles so it never lags the tags.
        await search.IndexAsync([.. tags.Select(t => t.ArticleId).Distinct()], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CodebookChange(survivor, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Removes a theme no tag uses: any time for an editor, and within <see cref="UndoWindow"/> of
    /// creating it for the person who created it (the popover's "Undo").
    /// </summary>
    public async Task<CodebookChange> DeleteAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (theme is null)
        {
            return CodebookChange.Fail(StatusCodes.Status404NotFound, $"The codebook has no theme '{slug}'.");
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var isCreatorInTime = userId is not null && theme.CreatedById == userId && clock.GetUtcNow().UtcDateTime - theme.CreatedAtUtc <= UndoWindow;
        if (!AppRoles.IsEditor(user) && !isCreatorInTime)
        {
            return CodebookChange.Fail(StatusCodes.Status403Forbidden,
                "Only an editor can delete a theme, or the person who created it within a minute of creating it.");
        }
        if (await db.Annotations.AnyAsync(a => a.Themes.Any(t => t.Id == theme.Id), cancellationToken)
            || await db.Themes.AnyAsync(t => t.ParentId == theme.Id, cancellationToken))
        {
            return CodebookChange.Fail(StatusCodes.Status409Conflict, $"'{theme.Name}' is in use. Merge it into another theme instead.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Deleted tags waiting for undo still hold the theme; they go with it.
        await db.Annotations.IgnoreQueryFilters().Where(a => a.DeletedAtUtc != null && a.Themes.Any(t => t.Id == theme.Id)).ExecuteDeleteAsync(cancellationToken);
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CodebookChange(theme, StatusCodes.Status200OK);
    }

    private async Task<(Theme? Theme, CodebookChange? Denied)> FindForEditorAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (theme is null)
        {
            return (null, CodebookChange.Fail(StatusCodes.Status404NotFound, $"The codebook has no theme '{slug}'."));
        }
        return AppRoles.IsEditor(user)
            ? (theme, null)
            : (null, CodebookChange.Fail(StatusCodes.Status403Forbidden, "Only an editor can rename, merge or delete themes."));
    }

    private static CodebookChange? Check(ThemeDraft draft, bool colorRequired)
    {
        if (ThemeNames.Problem(draft.Name) is { } name)
        {
            return CodebookChange.Fail(StatusCodes.Status400BadRequest, name, nameof(draft.Name));
        }
        if ((colorRequired || draft.Color is not null) && !ThemePalette.IsColor(draft.Color))
        {
            return CodebookChange.Fail(StatusCodes.Status400BadRequest, "Choose a colour, written as # and six hex digits (for example #2f6fb3).", nameof(draft.Color));
        }
        return draft.Description is { Length: > MaxDescriptionLength }
            ? CodebookChange.Fail(StatusCodes.Status400BadRequest,
                $"A description can be at most {MaxDescriptionLength} characters long; this one has {draft.Description.Length}.", nameof(draft.Description))
            : null;
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string UniqueSlug(string name, IEnumerable<string> taken)
    {
        var slugs = taken.ToHashSet(StringComparer.Ordinal);
        var slug = Slug.From(name);
        for (var n = 2; slugs.Contains(slug); n++)
        {
            slug = $"{Slug.From(name)}-{n}";
        }
        return slug;
    }

    /// <summary>
    /// Brings in a codebook from another tool (editors): a code whose name the codebook already has (compared
    /// folded, as everywhere) is matched, never duplicated, and gains the broader theme the file gives it if it
    /// has none; other codes become themes with their colour (else a spare one) and description. The codebook has
    /// one level of hierarchy, so codes deeper than that are put under their top-level code and reported. One
    /// transaction: all of it or nothing.
    /// </summary>
    public async Task<CodebookImport> ImportAsync(IReadOnlyList<Export.CodebookEntry> codes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(user);
        if (!AppRoles.IsEditor(user))
        {
            return CodebookImport.Fail(StatusCodes.Status403Forbidden, "Only an editor can import a codebook.");
        }
        var import = new CodebookImport();
        var codebook = await db.Themes.ToListAsync(cancellationToken);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var top in codes)
        {
            var parent = Place(top, null);
            foreach (var child in top.Children)
            {
                Place(child, parent);
                foreach (var deeper in Descendants(child))
                {
                    import.Flattened.Add(deeper.Name);
                    Place(deeper, parent);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return import;

        Theme? Place(Export.CodebookEntry code, Theme? parent)
        {
            var name = code.Name?.Trim();
            if (ThemeNames.Problem(name) is { } problem)
            {
                import.Skipped.Add($"'{code.Name}': {problem}");
                return null;
            }
            // One level only: a theme under a broader one cannot itself be broader.
            var broader = parent is { ParentId: null, Parent: null } ? parent : null;
            if (codebook.FirstOrDefault(t => ThemeNames.Same(t.Name, name!)) is { } existing)
            {
                import.Matched.Add(existing.Name);
                if (broader is not null && existing != broader && existing.ParentId is null && existing.Parent is null
                    && !codebook.Any(t => t.ParentId == existing.Id || t.Parent == existing))
                {
                    existing.Parent = broader;
                    import.ParentsSet++;
                }
                return existing;
            }
            var description = Normalize(code.Description);
            if (description is { Length: > MaxDescriptionLength })
            {
                import.Skipped.Add($"'{name}': its description is longer than {MaxDescriptionLength} characters.");
                return null;
            }
            var color = ThemePalette.IsColor(code.Color?.ToLowerInvariant()) ? code.Color!.ToLowerInvariant()
                : code.Color is { Length: 4 } short3 && ThemePalette.IsColor($"#{short3[1]}{short3[1]}{short3[2]}{short3[2]}{short3[3]}{short3[3]}".ToLowerInvariant())
                    ? $"#{short3[1]}{short3[1]}{short3[2]}{short3[2]}{short3[3]}{short3[3]}".ToLowerInvariant()
                    : ThemePalette.Spare[codebook.Count % ThemePalette.Spare.Count];
            var theme = new Theme
            {
                Slug = UniqueSlug(name!, codebook.Select(t => t.Slug)),
                Name = name!,
                Color = color,
                Description = description,
                Parent = broader,
                CreatedById = userId,
                CreatedAtUtc = now,
            };
            db.Themes.Add(theme);
            codebook.Add(theme);
            import.Added.Add(theme.Name);
            if (broader is not null)
            {
                import.ParentsSet++;
            }
            return theme;
        }
    }

    private static IEnumerable<Export.CodebookEntry> Descendants(Export.CodebookEntry code) =>
        code.Children.SelectMany(c => Descendants(c).Prepend(c));
}

/// <summary>What a codebook import did, or why it was refused (<see cref="Status"/> other than 200).</summary>
public sealed class CodebookImport
{
    public int Status { get; init; } = StatusCodes.Status200OK;

    public string? Problem { get; init; }

    /// <summary>Themes added to the codebook.</summary>
    public List<string> Added { get; } = [];

    /// <summary>Codes whose names the codebook already had (by its spelling).</summary>
    public List<string> Matched { get; } = [];

    /// <summary>How many themes were put under a broader one.</summary>
    public int ParentsSet { get; set; }

    /// <summary>Codes nested deeper than one level, put under their top-level code.</summary>
    public List<string> Flattened { get; } = [];

    /// <summary>Codes left out, each with why.</summary>
    public List<string> Skipped { get; } = [];

    public static CodebookImport Fail(int status, string problem) => new() { Status = status, Problem = problem };
}
