using System.Security.Claims;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Hosting;
using LocalGovBlog.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Api;

public static class AnnotationsApi
{
    public static RouteGroupBuilder MapAnnotationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/articles/{slug}/annotations", ListAsync).WithSummary("The passage tags on an article the caller may see, as W3C Web Annotations");
        var writes = api.MapGroup("").RequireAuthorization().RequireAntiforgeryHeader();
        writes.MapPost("/articles/{slug}/annotations", CreateAsync).WithSummary("Tag a passage of an article (a W3C Web Annotation; offsets in code points)");
        writes.MapPut("/annotations/{id:int}", UpdateAsync).WithSummary("Replace a tag's passage, themes, note and visibility (its owner or an editor)");
        writes.MapDelete("/annotations/{id:int}", DeleteAsync).WithSummary("Delete a tag (softly: it can be restored for 10 minutes)");
        writes.MapPost("/annotations/{id:int}/restore", RestoreAsync).WithSummary("Restore a tag deleted in the last 10 minutes");
        writes.MapPost("/annotations/{id:int}/accept-edit", AcceptEditAsync).WithSummary("Accept the words a re-import changed under a tag (its owner or an editor)");
        return api;
    }

    /// <summary>The tags on an article the viewer may see: every public one and their own private ones, in reading order.</summary>
    public static IQueryable<AnnotationRow> Visible(IQueryable<Annotation> annotations, string? viewerId) =>
        Rows(annotations.VisibleTo(viewerId));

    // Split: in one query the themes are a LEFT JOIN of a joined subquery, which SQLite cannot flatten, so it built
    // every tag's theme links into a temporary table first (12 s a page at a million tags); the second query joins them
    // through their indexes instead.
    private static IQueryable<AnnotationRow> Rows(IQueryable<Annotation> annotations) =>
        annotations.AsNoTracking()
            .AsSplitQuery()
            .OrderBy(a => a.IsOrphan).ThenBy(a => a.Start).ThenBy(a => a.End).ThenBy(a => a.Id)
            .Select(a => new AnnotationRow(a.Id, a.Article.Slug, a.OwnerId, a.Owner.UserName!, a.Start, a.End, a.Exact, a.Prefix, a.Suffix,
                a.Note, a.IsPublic, a.IsOrphan, a.CreatedAtUtc, a.UpdatedAtUtc,
                a.Themes.OrderBy(t => t.Name).Select(t => new ThemeRef(t.Slug, t.Name, t.Color)).ToList(), a.QuoteBeforeEdit, a.Version));

    /// <summary>The article's visible tags as W3C JSON (also used by GET /api/articles/{slug}).</summary>
    public static async Task<List<WebAnnotation>> ForArticleAsync(ArchiveDbContext db, HttpContext http, string slug, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var viewerId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var isEditor = await IsEditorAsync(http);
        var rows = await Visible(db.Annotations.Where(a => a.Article.Slug == slug), viewerId).ToListAsync(cancellationToken);
        var baseUrl = BaseUrl(http);
        return rows.Select(r => WebAnnotation.From(r, text, baseUrl, viewerId, isEditor)).ToList();
    }

    private static async Task<Results<Ok<List<WebAnnotation>>, ProblemHttpResult>> ListAsync(
        ArchiveDbContext db, HttpContext http, string slug, CancellationToken cancellationToken)
    {
        var text = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        return text is null
            ? NotFound(slug)
            : TypedResults.Ok(await ForArticleAsync(db, http, slug, text, cancellationToken));
    }

    private static async Task<Results<Created<WebAnnotation>, ProblemHttpResult>> CreateAsync(
        string slug, WebAnnotationInput input, ArchiveDbContext db, PassageTagService tags, HttpContext http, CancellationToken cancellationToken)
    {
        var text = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        if (text is null)
        {
            return NotFound(slug);
        }
        var (draft, problems) = Read(input, text);
        if (draft is null)
        {
            return BadRequest(problems);
        }
        var write = await tags.CreateAsync(slug, draft, http.User, cancellationToken);
        if (write.Saved is null)
        {
            return Problem(write);
        }
        var json = await OneAsync(db, http, write.Saved.Id, text, cancellationToken);
        return TypedResults.Created(json.Id, json);
    }

    private static async Task<Results<Ok<WebAnnotation>, ProblemHttpResult>> UpdateAsync(
        int id, WebAnnotationInput input, ArchiveDbContext db, PassageTagService tags, HttpContext http, CancellationToken cancellationToken)
    {
        // Who may change the tag is answered before the body is read, so a bad body never tells a stranger the tag exists.
        if (await tags.DenyChangeAsync(id, http.User, cancellationToken) is { } denied)
        {
            return Problem(denied);
        }
        var text = await db.Annotations.Where(a => a.Id == id).Select(a => a.Article.Text).FirstAsync(cancellationToken);
        var (draft, problems) = Read(input, text);
        if (draft is null)
        {
            return BadRequest(problems);
        }
        if (!TryExpectedVersion(http, input?.Version, out var expectedVersion))
        {
            return BadRequest(["If-Match must be a tag version as the API gives it, such as \"3\"."]);
        }
        var write = await tags.UpdateAsync(id, draft, http.User, cancellationToken, expectedVersion);
        return write.Saved is null ? Problem(write) : TypedResults.Ok(await OneAsync(db, http, id, text, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int id, PassageTagService tags, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryExpectedVersion(http, null, out var expectedVersion))
        {
            return BadRequest(["If-Match must be a tag version as the API gives it, such as \"3\"."]);
        }
        var write = await tags.DeleteAsync(id, null, http.User, cancellationToken, expectedVersion);
        return write.Saved is null ? Problem(write) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebAnnotation>, ProblemHttpResult>> RestoreAsync(
        int id, ArchiveDbContext db, PassageTagService tags, HttpContext http, CancellationToken cancellationToken)
    {
        var write = await tags.RestoreAsync(id, null, http.User, cancellationToken);
        if (write.Saved is null)
        {
            return Problem(write);
        }
        var text = await db.Articles.AsNoTracking().Where(a => a.Id == write.Saved.ArticleId).Select(a => a.Text).FirstAsync(cancellationToken);
        return TypedResults.Ok(await OneAsync(db, http, id, text, cancellationToken));
    }

    /// <summary>Accepts the new words of a tag a re-import marked "edited passage": the mark goes.</summary>
    private static async Task<Results<Ok<WebAnnotation>, ProblemHttpResult>> AcceptEditAsync(
        int id, ArchiveDbContext db, PassageTagService tags, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryExpectedVersion(http, null, out var expectedVersion))
        {
            return BadRequest(["If-Match must be a tag version as the API gives it, such as \"3\"."]);
        }
        var write = await tags.AcceptEditAsync(id, null, http.User, cancellationToken, expectedVersion);
        if (write.Saved is null)
        {
            return Problem(write);
        }
        var text = await db.Articles.AsNoTracking().Where(a => a.Id == write.Saved.ArticleId).Select(a => a.Text).FirstAsync(cancellationToken);
        return TypedResults.Ok(await OneAsync(db, http, id, text, cancellationToken));
    }

    private static (AnnotationDraft? Draft, List<string> Problems) Read(WebAnnotationInput? input, string text)
    {
        var problems = new List<string>();
        if (input is null)
        {
            return (null, ["Send a W3C Web Annotation as JSON."]);
        }
        var selectors = input.Target?.Selector ?? [];
        var position = selectors.FirstOrDefault(s => s.Type == "TextPositionSelector");
        var quote = selectors.FirstOrDefault(s => s.Type == "TextQuoteSelector");
        if (position?.Start is null || position.End is null)
        {
            problems.Add("target.selector needs a TextPositionSelector with start and end (Unicode code points).");
        }
        if (quote?.Exact is null)
        {
            problems.Add("target.selector needs a TextQuoteSelector with exact.");
        }
        var bodies = input.Body ?? [];
        if (bodies.Any(b => b.Purpose is not ("tagging" or "commenting")))
        {
            problems.Add("Each body item's purpose must be \"tagging\" (a theme) or \"commenting\" (the note).");
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var start = TextOffsets.ToUtf16(text, position!.Start!.Value);
        var end = TextOffsets.ToUtf16(text, position.End!.Value);
        var themes = bodies.Where(b => b.Purpose == "tagging").Select(b => b.Value ?? "").ToList();
        var note = string.Join("\n\n", bodies.Where(b => b.Purpose == "commenting").Select(b => b.Value));
        return (new AnnotationDraft(start, end, quote!.Exact, themes, note, input.Public ?? true), problems);
    }

    private static async Task<WebAnnotation> OneAsync(ArchiveDbContext db, HttpContext http, int id, string text, CancellationToken cancellationToken)
    {
        // The caller has just written this tag, so it is theirs to see whoever owns it (an editor's change to a private tag).
        var row = await Rows(db.Annotations.Where(a => a.Id == id)).FirstAsync(cancellationToken);
        return WebAnnotation.From(row, text, BaseUrl(http), http.User.FindFirstValue(ClaimTypes.NameIdentifier), await IsEditorAsync(http));
    }

    private static Task<bool> IsEditorAsync(HttpContext http) => Task.FromResult(AppRoles.IsEditor(http.User));

    /// <summary>Ids are built from Site:PublicBaseAddress, never from the Host header a client chooses.</summary>
    private static string BaseUrl(HttpContext http) => Export.PublicAddress.Of(http);

    private static ProblemHttpResult NotFound(string slug) =>
        TypedResults.Problem(detail: $"No article has the address '{slug}'.", statusCode: StatusCodes.Status404NotFound, title: "Article not found");

    private static ProblemHttpResult BadRequest(IReadOnlyList<string> problems) =>
        TypedResults.Problem(detail: string.Join(" ", problems), statusCode: StatusCodes.Status400BadRequest, title: "Invalid passage tag",
            extensions: new Dictionary<string, object?> { ["errors"] = problems });

    private static ProblemHttpResult Problem(AnnotationWrite write) =>
        write.Status == StatusCodes.Status400BadRequest
            ? BadRequest(write.Problems)
            : TypedResults.Problem(detail: string.Join(" ", write.Problems), statusCode: write.Status,
                extensions: write.CurrentVersion is { } current ? new Dictionary<string, object?> { ["currentVersion"] = current } : null);

    /// <summary>The version the writer loaded: the <c>If-Match</c> header ("3", W/"3" or 3) or the body's <c>version</c>;
    /// null when neither is given (the write then still fails if another lands between reading and saving).</summary>
    private static bool TryExpectedVersion(HttpContext http, int? fromBody, out int? version)
    {
        version = fromBody;
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }
        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }
        if (int.TryParse(tag.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }
}
