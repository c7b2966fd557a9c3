using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Annotations;

/// <summary>A passage tag as a writer sends it: UTF-16 offsets, the quote, theme slugs or names, a note.</summary>
public sealed record AnnotationDraft(int Start, int End, string? Exact, IReadOnlyList<string> Themes, string? Note, bool IsPublic);

/// <summary>The outcome of a write: the saved tag, or what was wrong with it (and which HTTP status says so).</summary>
public sealed record AnnotationWrite(Annotation? Saved, int Status, IReadOnlyList<string> Problems)
{
    /// <summary>With a 409: the tag's version now, which the writer can load and build on.</summary>
    public int? CurrentVersion { get; init; }

    public static AnnotationWrite Fail(int status, params string[] problems) => new(null, status, problems);

    public static AnnotationWrite Conflict(int currentVersion) =>
        new(null, StatusCodes.Status409Conflict,
            [$"Someone else changed this tag since you loaded it (it is now version {currentVersion}). Load it again and make your change to that."])
        {
            CurrentVersion = currentVersion,
        };
}

/// <summary>
/// The one home of the rules for passage tags, used by the JSON API and the article page alike:
/// what a tag may hold, who may change or delete it, and how a deletion is undone. Someone else's
/// private tag does not exist for a stranger (404 from every door, never a 403 that would say it
/// does); a public tag that is not theirs is a 403. Every write re-indexes the article's notes in
/// the same transaction; the kept pages that show the tag go when it is committed (<see cref="Caching.PageChangeInterceptor"/>).
/// </summary>
public sealed class PassageTagService(ArchiveDbContext db, IArticleSearch search, TimeProvider clock)
{
    /// <summary>How long a deleted tag can be restored; after that it is removed for good.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    /// <summary>Only the person who made a tag, or an editor (or admin), changes or deletes it.</summary>
    public static bool CanChange(ClaimsPrincipal user, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) == ownerId || AppRoles.IsEditor(user);
    }

    public async Task<AnnotationWrite> CreateAsync(string articleSlug, AnnotationDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(user);
        var ownerId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (ownerId is null)
        {
            return AnnotationWrite.Fail(StatusCodes.Status401Unauthorized, "Sign in to tag passages.");
        }
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

    /// <summary>Replaces a tag's passage, themes, note and visibility, when <paramref name="user"/> may. With
    /// <paramref name="expectedVersion"/> (the version the writer loaded) a tag changed since then is a 409, not overwritten.</summary>
    public async Task<AnnotationWrite> UpdateAsync(int id, AnnotationDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken,
        int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // Split: in one statement SQLite joins the tag to a derived table of every tag's themes, built whole first
        // (0.9 s a change at a million tags); the second statement reads this tag's links through their index.
        var (annotation, denied) = await FindForChangeAsync(db.Annotations.Include(a => a.Themes).AsSplitQuery(), id, null, user, cancellationToken);
        if (annotation is null)
        {
            return denied!;
        }
        if (expectedVersion is { } expected && expected != annotation.Version)
        {
            return AnnotationWrite.Conflict(annotation.Version);
        }
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
        return await SaveCheckedAsync(annotation, cancellationToken);
    }

    /// <summary>Saves a change to a tag loaded earlier in this request; if another writer saved it in between, the
    /// version check in the UPDATE finds no row and the writer gets a 409 with the version that won.</summary>
    private async Task<AnnotationWrite> SaveCheckedAsync(Annotation annotation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveAndIndexAsync(search, annotation.ArticleId, cancellationToken);
            return new AnnotationWrite(annotation, StatusCodes.Status200OK, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Annotations.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == annotation.Id)
                .Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken);
            return current is { } version
                ? AnnotationWrite.Conflict(version)
                : AnnotationWrite.Fail(StatusCodes.Status404NotFound, $"There is no passage tag {annotation.Id}.");
        }
    }

    /// <summary>
    /// Deletes a tag softly: it leaves every page, count and the search index at once, and can be
    /// restored within <see cref="UndoWindow"/>. <paramref name="articleSlug"/>, when given, must be the tag's article.
    /// </summary>
    public async Task<AnnotationWrite> DeleteAsync(int id, string? articleSlug, ClaimsPrincipal user, CancellationToken cancellationToken,
        int? expectedVersion = null)
    {
        var (annotation, denied) = await FindForChangeAsync(db.Annotations, id, articleSlug, user, cancellationToken);
        if (annotation is null)
        {
            return denied!;
        }
        if (expectedVersion is { } expected && expected != annotation.Version)
        {
            return AnnotationWrite.Conflict(annotation.Version);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        annotation.DeletedAtUtc = now;
        // Tags whose undo window has passed go for good; each left the index when it was deleted.
        var expired = now - UndoWindow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Annotations.IgnoreQueryFilters().Where(a => a.DeletedAtUtc != null && a.DeletedAtUtc < expired).ExecuteDeleteAsync(cancellationToken);
        await db.SaveAndIndexAsync(search, annotation.ArticleId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AnnotationWrite(annotation, StatusCodes.Status200OK, []);
    }

    /// <summary>Brings back a tag deleted within <see cref="UndoWindow"/>, for whoever could have deleted it.</summary>
    public async Task<AnnotationWrite> RestoreAsync(int id, string? articleSlug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var annotation = await db.Annotations.IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.Id == id && (articleSlug == null || a.Article.Slug == articleSlug), cancellationToken);
        var denied = Deny(annotation, id, user);
        if (denied is not null)
        {
            return denied;
        }
        if (annotation!.DeletedAtUtc is not { } deleted)
        {
            return new AnnotationWrite(annotation, StatusCodes.Status200OK, []);
        }
        if (clock.GetUtcNow().UtcDateTime - deleted > UndoWindow)
        {
            return AnnotationWrite.Fail(StatusCodes.Status410Gone, "This tag was deleted too long ago to bring back.");
        }
        // A re-import in the meantime may have changed the words under it: then it is kept as an orphan.
        var text = await db.Articles.Where(a => a.Id == annotation.ArticleId).Select(a => a.Text).FirstAsync(cancellationToken);
        if (!annotation.IsOrphan && (annotation.End > text.Length || !string.Equals(text[annotation.Start..annotation.End], annotation.Exact, StringComparison.Ordinal)))
        {
            annotation.IsOrphan = true;
        }
        annotation.DeletedAtUtc = null;
        await db.SaveAndIndexAsync(search, annotation.ArticleId, cancellationToken);
        return new AnnotationWrite(annotation, StatusCodes.Status200OK, []);
    }

    /// <summary>
    /// Accepts the new words of a tag a re-import marked "edited passage"
    /// (<see cref="Annotation.QuoteBeforeEdit"/>), for whoever may change the tag. Accepting twice is harmless.
    /// </summary>
    public async Task<AnnotationWrite> AcceptEditAsync(int id, string? articleSlug, ClaimsPrincipal user, CancellationToken cancellationToken,
        int? expectedVersion = null)
    {
        var (annotation, denied) = await FindForChangeAsync(db.Annotations, id, articleSlug, user, cancellationToken);
        if (annotation is null)
        {
            return denied!;
        }
        if (expectedVersion is { } expected && expected != annotation.Version)
        {
            return AnnotationWrite.Conflict(annotation.Version);
        }
        if (annotation.QuoteBeforeEdit is not null)
        {
            annotation.QuoteBeforeEdit = null;
            return await SaveCheckedAsync(annotation, cancellationToken);
        }
        return new AnnotationWrite(annotation, StatusCodes.Status200OK, []);
    }

    /// <summary>Why <paramref name="user"/> may not change tag <paramref name="id"/> (404 or 403), or null when they may.</summary>
    public async Task<AnnotationWrite?> DenyChangeAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await FindForChangeAsync(db.Annotations.AsNoTracking(), id, null, user, cancellationToken)).Denied;

    private static async Task<(Annotation? Annotation, AnnotationWrite? Denied)> FindForChangeAsync(
        IQueryable<Annotation> annotations, int id, string? articleSlug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var annotation = await annotations.FirstOrDefaultAsync(a => a.Id == id && (articleSlug == null || a.Article.Slug == articleSlug), cancellationToken);
        var denied = Deny(annotation, id, user);
        return denied is null ? (annotation, null) : (null, denied);
    }

    private static AnnotationWrite? Deny(Annotation? annotation, int id, ClaimsPrincipal user)
    {
        if (annotation is null || (!annotation.IsPublic && !CanChange(user, annotation.OwnerId)))
        {
            return AnnotationWrite.Fail(StatusCodes.Status404NotFound, $"There is no passage tag {id}.");
        }
        return CanChange(user, annotation.OwnerId)
            ? null
            : AnnotationWrite.Fail(StatusCodes.Status403Forbidden, "Only the person who made a tag, or an editor, may change or delete it.");
    }

    private async Task<(List<Theme> Themes, List<string> Problems)> CheckAsync(string text, AnnotationDraft draft, CancellationToken cancellationToken)
    {
        var wanted = draft.Themes.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var problems = AnnotationRules.Check(text, draft.Start, draft.End, draft.Exact, wanted.Count, draft.Note).ToList();
        // The codebook is small: match slugs and folded names in memory.
        var codebook = await db.Themes.ToListAsync(cancellationToken);
        static bool Names(Theme t, string w) => string.Equals(t.Slug, w, StringComparison.OrdinalIgnoreCase) || ThemeNames.Same(t.Name, w);
        var themes = codebook.Where(t => wanted.Any(w => Names(t, w))).ToList();
        var unknown = wanted.Where(w => !codebook.Any(t => Names(t, w))).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"The codebook has no theme called {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Create the theme first.");
        }
        return (themes, problems);
    }

    private static string? Normalize(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
