using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Annotations;

/// <summary>A passage tag as a writer sends it: UTF-16 offsets, the quote, theme slugs or names, a note.</summary>
public sealed record AnnotationDraft(int Start, int End, string? Exact, IReadOnlyList<string> Themes, string? Note, bool IsPublic);

/// <summary>The outcome of a write: the saved tag, or what was wrong with it (and which HTTP status says so).</summary>
public sealed record AnnotationWrite(Annotation? Saved, int Status, IReadOnlyList<string> Problems)
{
    public static AnnotationWrite Fail(int status, params string[] problems) => new(null, status, problems);
}

/// <summary>Checks and stores passage tags for the API and the no-script form alike.</summary>
public sealed class AnnotationWriter(ArchiveDbContext db, IArticleSearch search, TimeProvider clock)
{
    public async Task<AnnotationWrite> CreateAsync(string articleSlug, AnnotationDraft draft, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var article = await db.Articles.AsNoTracking().Where(a => a.Slug == articleSlug)
            .Select(a => new { a.Id, a.Text }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return AnnotationWrite.Fail(StatusCodes.Status404NotFound, $"No article has the address '{articleSlug}'.");
        }
        var (themes, problems) = await CheckAsync(article.Text, draft, cancellationToken);
        if (problems.Count > 0)
        {
            return AnnotationWrite.Fail(StatusCodes.Status400BadRequest, [.. problems]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var selector = PassageSelector.Of(article.Text, draft.Start, draft.End);
        var annotation = new Annotation
        {
            ArticleId = article.Id,
            OwnerId = ownerId,
            Start = selector.Start,
            End = selector.End,
            Exact = selector.Exact,
            Prefix = selector.Prefix,
            Suffix = selector.Suffix,
            Note = Normalize(draft.Note),
            IsPublic = draft.IsPublic,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            Themes = themes,
        };
        db.Annotations.Add(annotation);
        await db.SaveAndIndexAsync(search, article.Id, cancellationToken);
        return new AnnotationWrite(annotation, StatusCodes.Status201Created, []);
    }

    /// <summary>Replaces an existing tag's passage, themes, note and visibility; the caller has checked who may.</summary>
    public async Task<AnnotationWrite> UpdateAsync(Annotation annotation, AnnotationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(draft);
        var text = await db.Articles.Where(a => a.Id == annotation.ArticleId).Select(a => a.Text).FirstAsync(cancellationToken);
        var (themes, problems) = await CheckAsync(text, draft, cancellationToken);
        if (problems.Count > 0)
        {
            return AnnotationWrite.Fail(StatusCodes.Status400BadRequest, [.. problems]);
        }
        var selector = PassageSelector.Of(text, draft.Start, draft.End);
        annotation.Start = selector.Start;
        annotation.End = selector.End;
        annotation.Exact = selector.Exact;
        annotation.Prefix = selector.Prefix;
        annotation.Suffix = selector.Suffix;
        annotation.IsOrphan = false;
        annotation.QuoteBeforeEdit = null; // a person chose these words: nothing left to review
        annotation.Note = Normalize(draft.Note);
        annotation.IsPublic = draft.IsPublic;
        annotation.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        annotation.Themes.Clear();
        annotation.Themes.AddRange(themes);
        await db.SaveAndIndexAsync(search, annotation.ArticleId, cancellationToken);
        return new AnnotationWrite(annotation, StatusCodes.Status200OK, []);
    }

    private async Task<(List<Theme> Themes, List<string> Problems)> CheckAsync(string text, AnnotationDraft draft, CancellationToken cancellationToken)
    {
        var wanted = draft.Themes.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var problems = AnnotationRules.Check(text, draft.Start, draft.End, draft.Exact, wanted.Count, draft.Note).ToList();
        // The codebook is small: match slugs and names without regard to case in memory.
        var codebook = await db.Themes.ToListAsync(cancellationToken);
        static bool Names(Theme t, string w) =>
            string.Equals(t.Slug, w, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, w, StringComparison.OrdinalIgnoreCase);
        var themes = codebook.Where(t => wanted.Any(w => Names(t, w))).ToList();
        var unknown = wanted.Where(w => !codebook.Any(t => Names(t, w))).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Unknown theme(s): {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Create a theme first (POST /api/themes).");
        }
        return (themes, problems);
    }

    private static string? Normalize(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
