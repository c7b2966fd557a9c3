using System.Text.Json.Serialization;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Export;

namespace LocalGovBlog.Web.Api;

/// <summary>A passage tag in the W3C Web Annotation Data Model (JSON-LD); offsets count Unicode code points.</summary>
public sealed record WebAnnotation(
    [property: JsonPropertyName("@context")] string Context,
    string Id,
    string Type,
    string Motivation,
    WebAnnotationCreator Creator,
    DateTime Created,
    DateTime Modified,
    IReadOnlyList<TextualBody> Body,
    WebAnnotationTarget Target,
    bool Public,
    bool Orphan,
    bool? CanEdit,
    EditedPassage? Edited,
    int Version)
{
    public const string JsonLdContext = "http://www.w3.org/ns/anno.jsonld";

    /// <summary>The stored tag as W3C JSON; <paramref name="text"/> is the article's canonical text.</summary>
    public static WebAnnotation From(AnnotationRow row, string text, string baseUrl, string? viewerId, bool viewerIsEditor)
    {
        ArgumentNullException.ThrowIfNull(row);
        return From(row, text, new ArchiveIris(baseUrl), viewerId == row.OwnerId || viewerIsEditor);
    }

    /// <summary>
    /// The stored tag as W3C JSON, with IRIs from <paramref name="iris"/>; <paramref name="canEdit"/> is left out
    /// (null) where no viewer is asking, as in an export. Times are UTC, written with a Z as xsd:dateTime wants.
    /// </summary>
    public static WebAnnotation From(AnnotationRow row, string text, ArchiveIris iris, bool? canEdit) =>
        From(row, new CodePointOffsets(text), iris, canEdit);

    /// <summary>As <see cref="From(AnnotationRow, string, ArchiveIris, bool?)"/>, with the article's offsets worked out once for all its tags.</summary>
    public static WebAnnotation From(AnnotationRow row, CodePointOffsets offsets, ArchiveIris iris, bool? canEdit)
    {
        ArgumentNullException.ThrowIfNull(iris);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(offsets);
        var body = row.Themes.Select(t => new TextualBody("TextualBody", "tagging", t.Slug, null, t.Name)).ToList();
        if (!string.IsNullOrEmpty(row.Note))
        {
            body.Add(new TextualBody("TextualBody", "commenting", row.Note, "text/markdown", null));
        }
        var selectors = new List<WebSelector> { new("TextQuoteSelector", row.Exact, row.Prefix, row.Suffix, null, null) };
        if (!row.IsOrphan)
        {
            selectors.Add(new WebSelector("TextPositionSelector", null, null, null,
                offsets.ToCodePoints(row.Start), offsets.ToCodePoints(row.End)));
        }
        return new WebAnnotation(JsonLdContext, iris.Annotation(row.Id), "Annotation", "tagging",
            new WebAnnotationCreator(iris.User(row.OwnerId), row.OwnerName, "Person"), Utc(row.CreatedAtUtc), Utc(row.UpdatedAtUtc), body,
            new WebAnnotationTarget(iris.Article(row.ArticleSlug), selectors),
            row.IsPublic, row.IsOrphan, canEdit,
            row.QuoteBeforeEdit is null ? null : new EditedPassage(row.QuoteBeforeEdit), row.Version);
    }

    /// <summary>The store keeps UTC without saying so; a DateTime of kind Utc is written with its Z.</summary>
    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}

public sealed record WebAnnotationCreator(string Id, string Name, string Type);

/// <summary>
/// Present when a re-import carried the tag to words that changed: <see cref="PreviousQuote"/> is
/// what the tag quoted before. <c>POST /api/annotations/{id}/accept-edit</c> accepts the new words.
/// </summary>
public sealed record EditedPassage(string PreviousQuote);

public sealed record TextualBody(string Type, string Purpose, string Value, string? Format, string? Label);

public sealed record WebAnnotationTarget(string? Source, IReadOnlyList<WebSelector>? Selector);

public sealed record WebSelector(string Type, string? Exact, string? Prefix, string? Suffix, int? Start, int? End);

/// <summary>What a client sends to create or replace a tag: the W3C shape, read leniently. <see cref="Version"/> (or an
/// <c>If-Match</c> header) is the version the client loaded; a tag changed since is a 409, not overwritten.</summary>
public sealed record WebAnnotationInput(
    [property: JsonPropertyName("@context")] string? Context,
    string? Type,
    IReadOnlyList<TextualBody>? Body,
    WebAnnotationTarget? Target,
    bool? Public,
    int? Version = null);

/// <summary>One stored tag with what the API and pages show of it.</summary>
public sealed record AnnotationRow(
    int Id, string ArticleSlug, string OwnerId, string OwnerName, int Start, int End, string Exact, string Prefix, string Suffix,
    string? Note, bool IsPublic, bool IsOrphan, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, IReadOnlyList<ThemeRef> Themes,
    string? QuoteBeforeEdit = null, int Version = 1);

public sealed record ThemeRef(string Slug, string Name, string Color);
