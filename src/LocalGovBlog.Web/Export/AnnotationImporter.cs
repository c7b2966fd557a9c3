using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Export;

/// <summary>A file that is not W3C annotations at all: refused whole, nothing written.</summary>
public sealed class AnnotationImportRejectedException(string message) : Exception(message);

/// <summary>What an import of W3C annotations did.</summary>
public sealed record AnnotationImportReport(
    int Read, int Added, int Anchored, int Orphaned, int AlreadyPresent, int OwnersKept, int GivenToImporter,
    IReadOnlyList<string> ThemesCreated, IReadOnlyList<string> Skipped);

/// <summary>
/// Brings W3C Web Annotations back in (an export of this site or of another tool): each is matched to its
/// article by the <c>/articles/{slug}</c> in its target's source, placed by its <c>TextPositionSelector</c> when
/// the quote is there, else by finding the quote (best prefix and suffix), else kept as an orphan with its
/// quote. Themes are matched by slug or name and made when missing; a tag keeps its owner when the store
/// knows the creator (same account id or user name), else it becomes the importing editor's. A tag already
/// in the store (same article, passage, owner and note) is not added twice, so importing a file again
/// changes nothing. One transaction: a file is imported whole or not at all.
/// </summary>
public sealed class AnnotationImporter(ArchiveDbContext db, IArticleSearch search, CodebookService codebook, TimeProvider clock)
{
    public const int MaxBytes = 100 * 1024 * 1024;

    private const int ListedSkips = 50;

    private sealed record ArticleText(int Id, string Text);

    public async Task<AnnotationImportReport> ImportAsync(Stream json, ClaimsPrincipal editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(editor);
        var editorId = editor.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An import needs a signed-in editor.");
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new AnnotationImportRejectedException($"The file is not JSON (line {ex.LineNumber + 1}): send W3C Web Annotations as JSON-LD.");
        }
        using (document)
        {
            var items = Annotations(document.RootElement);
            if (items.Count == 0)
            {
                throw new AnnotationImportRejectedException(
                    "The file holds no W3C annotations: expected an AnnotationCollection (with its items in 'first'), an AnnotationPage, an Annotation or an array of them.");
            }
            return await ImportAsync(items, editor, editorId, cancellationToken);
        }
    }

    private async Task<AnnotationImportReport> ImportAsync(List<JsonElement> items, ClaimsPrincipal editor, string editorId, CancellationToken cancellationToken)
    {
        var articles = new Dictionary<string, ArticleText?>(StringComparer.Ordinal);
        var themes = await db.Themes.ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        var present = new Dictionary<int, HashSet<string>>();
        var (added, anchored, orphaned, duplicates, ownersKept, given) = (0, 0, 0, 0, 0, 0);
        var created = new List<string>();
        var skipped = new List<string>();
        var touched = new HashSet<int>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var label = $"Annotation {n + 1}" + (Text(item, "id") is { } id ? $" ({id})" : "");
            var parsed = Read(item);
            if (parsed.Problem is not null)
            {
                Skip(skipped, $"{label}: {parsed.Problem}");
                continue;
            }
            if (!articles.TryGetValue(parsed.Slug!, out var article))
            {
                article = await db.Articles.AsNoTracking().Where(a => a.Slug == parsed.Slug)
                    .Select(a => new ArticleText(a.Id, a.Text)).FirstOrDefaultAsync(cancellationToken);
                articles[parsed.Slug!] = article;
            }
            if (article is null)
            {
                Skip(skipped, $"{label}: no article has the address '{parsed.Slug}'.");
                continue;
            }
            var tagThemes = new List<Theme>();
            string? themeProblem = null;
            foreach (var (slug, name) in parsed.Themes)
            {
                var theme = themes.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase)
                    || (name is not null && ThemeNames.Same(t.Name, name)) || ThemeNames.Same(t.Name, slug));
                if (theme is null)
                {
                    var made = await codebook.CreateAsync(new ThemeDraft(name ?? slug, null, null), editor, cancellationToken);
                    if (made.Theme is null)
                    {
                        themeProblem = $"its theme '{name ?? slug}' could not be added to the codebook: {made.Problem}";
                        break;
                    }
                    theme = made.Theme;
                    themes.Add(theme);
                    created.Add(theme.Name);
                }
                if (!tagThemes.Contains(theme))
                {
                    tagThemes.Add(theme);
                }
            }
            if (themeProblem is not null)
            {
                Skip(skipped, $"{label}: {themeProblem}");
                continue;
            }
            var place = Place(article.Text, parsed);
            if (place is not null && AnnotationRules.Check(article.Text, place.Start, place.End, place.Exact, tagThemes.Count, parsed.Note) is { Count: > 0 } problems)
            {
                Skip(skipped, $"{label}: {string.Join(" ", problems)}");
                continue;
            }
            if (place is null && (tagThemes.Count is < 1 or > AnnotationRules.MaxThemes || parsed.Note is { Length: > AnnotationRules.MaxNoteLength }))
            {
                Skip(skipped, $"{label}: {string.Join(" ", AnnotationRules.Check("x", 0, 1, "x", tagThemes.Count, parsed.Note))}");
                continue;
            }
            var owner = users.FirstOrDefault(u => u.Id == parsed.CreatorId)
                ?? users.FirstOrDefault(u => parsed.CreatorName is not null && string.Equals(u.UserName, parsed.CreatorName, StringComparison.Ordinal));
            var ownerId = owner?.Id ?? editorId;
            if (!present.TryGetValue(article.Id, out var keys))
            {
                keys = [.. (await db.Annotations.AsNoTracking().Where(a => a.ArticleId == article.Id)
                    .Select(a => new { a.IsOrphan, a.Start, a.End, a.Exact, a.OwnerId, a.Note }).ToListAsync(cancellationToken))
                    .Select(a => Key(a.IsOrphan, a.Start, a.End, a.Exact, a.OwnerId, a.Note))];
                present[article.Id] = keys;
            }
            var selector = place ?? new PassageSelector(0, 0, parsed.Exact!, parsed.Prefix ?? "", parsed.Suffix ?? "");
            if (!keys.Add(Key(place is null, selector.Start, selector.End, selector.Exact, ownerId, parsed.Note)))
            {
                duplicates++;
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            db.Annotations.Add(new Annotation
            {
                ArticleId = article.Id,
                OwnerId = ownerId,
                Start = selector.Start,
                End = selector.End,
                Exact = selector.Exact,
                Prefix = selector.Prefix,
                Suffix = selector.Suffix,
                Note = parsed.Note,
                IsPublic = parsed.IsPublic,
                IsOrphan = place is null,
                CreatedAtUtc = parsed.Created ?? now,
                UpdatedAtUtc = parsed.Modified ?? parsed.Created ?? now,
                Themes = tagThemes,
            });
            touched.Add(article.Id);
            added++;
            if (place is null)
            {
                orphaned++;
            }
            else
            {
                anchored++;
            }
            if (owner is null)
            {
                given++;
            }
            else
            {
                ownersKept++;
            }
            if (added % 1000 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                themes = await db.Themes.ToListAsync(cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync(touched, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (skipped.Count > ListedSkips)
        {
            skipped[ListedSkips] = $"… and {skipped.Count - ListedSkips} more.";
            skipped.RemoveRange(ListedSkips + 1, skipped.Count - ListedSkips - 1);
        }
        return new AnnotationImportReport(items.Count, added, anchored, orphaned, duplicates, ownersKept, given, created, skipped);
    }

    private static string Key(bool orphan, int start, int end, string exact, string owner, string? note) =>
        orphan ? $"o\u0001{exact}\u0001{owner}\u0001{note}" : $"{start}\u0001{end}\u0001{owner}\u0001{note}";

    private static void Skip(List<string> skipped, string reason) => skipped.Add(reason);

    /// <summary>The annotations in a W3C document: a collection's embedded first page, a page, one annotation, or an array.</summary>
    private static List<JsonElement> Annotations(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)];
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        if (root.TryGetProperty("first", out var first) && first.ValueKind == JsonValueKind.Object)
        {
            return Annotations(first);
        }
        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            return Annotations(items);
        }
        return HasType(root, "Annotation") ? [root] : [];
    }

    private sealed record Parsed(
        string? Slug, string? Exact, string? Prefix, string? Suffix, int? Start, int? End, List<(string Slug, string? Name)> Themes, string? Note,
        bool IsPublic, string? CreatorId, string? CreatorName, DateTime? Created, DateTime? Modified, string? Problem = null);

    private static Parsed Read(JsonElement annotation)
    {
        var target = annotation.TryGetProperty("target", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().FirstOrDefault() : t) : default;
        if (target.ValueKind != JsonValueKind.Object)
        {
            return Fail("it has no target with selectors.");
        }
        var source = Text(target, "source");
        var slug = SlugOf(source);
        if (slug is null)
        {
            return Fail($"its target's source ({source ?? "none"}) is not an article address (…/articles/{{slug}}).");
        }
        string? exact = null, prefix = null, suffix = null;
        int? start = null, end = null;
        foreach (var selector in Many(target, "selector"))
        {
            if (HasType(selector, "TextQuoteSelector"))
            {
                (exact, prefix, suffix) = (Text(selector, "exact"), Text(selector, "prefix"), Text(selector, "suffix"));
            }
            else if (HasType(selector, "TextPositionSelector"))
            {
                (start, end) = (Number(selector, "start"), Number(selector, "end"));
            }
        }
        if (string.IsNullOrEmpty(exact))
        {
            return Fail("it has no TextQuoteSelector with the quoted words.");
        }
        var themes = new List<(string, string?)>();
        var notes = new List<string>();
        foreach (var body in Many(annotation, "body"))
        {
            var purpose = Text(body, "purpose") ?? (Text(annotation, "motivation") == "tagging" ? "tagging" : null);
            var value = Text(body, "value");
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (purpose == "tagging")
            {
                themes.Add((value.Trim(), Text(body, "label")));
            }
            else if (purpose is "commenting" or "describing" or null)
            {
                notes.Add(value);
            }
        }
        var creator = annotation.TryGetProperty("creator", out var c) ? c : default;
        var creatorId = creator.ValueKind == JsonValueKind.Object ? Text(creator, "id") : creator.ValueKind == JsonValueKind.String ? creator.GetString() : null;
        var note = notes.Count == 0 ? null : string.Join("\n\n", notes).Trim();
        return new Parsed(slug, exact, prefix, suffix, start, end, themes, string.IsNullOrEmpty(note) ? null : note,
            !annotation.TryGetProperty("public", out var p) || p.ValueKind != JsonValueKind.False,
            UserIdOf(creatorId), creator.ValueKind == JsonValueKind.Object ? Text(creator, "name") : null,
            Time(annotation, "created"), Time(annotation, "modified"));
    }

    private static Parsed Fail(string problem) => new(null, null, null, null, null, null, [], null, true, null, null, null, null, problem);

    /// <summary>Where the passage is in <paramref name="text"/> (UTF-16), or null when its words are not there (an orphan).</summary>
    private static PassageSelector? Place(string text, Parsed parsed)
    {
        var exact = parsed.Exact!;
        if (parsed.Start is { } s && parsed.End is { } e)
        {
            var (start, end) = (TextOffsets.ToUtf16(text, s), TextOffsets.ToUtf16(text, e));
            if (start >= 0 && end > start && string.Equals(text[start..end], exact, StringComparison.Ordinal))
            {
                return PassageSelector.Of(text, start, end);
            }
        }
        // The position is missing or stale: the occurrence of the quote whose surroundings match best.
        var best = -1;
        var bestScore = -1;
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            var score = CommonSuffix(text.AsSpan(0, at), parsed.Prefix) + CommonPrefix(text.AsSpan(at + exact.Length), parsed.Suffix);
            if (score > bestScore)
            {
                (best, bestScore) = (at, score);
            }
        }
        return best < 0 ? null : PassageSelector.Of(text, best, best + exact.Length);
    }

    private static int CommonSuffix(ReadOnlySpan<char> before, string? prefix)
    {
        var n = 0;
        for (; prefix is not null && n < prefix.Length && n < before.Length && before[^(n + 1)] == prefix[^(n + 1)]; n++)
        {
        }
        return n;
    }

    private static int CommonPrefix(ReadOnlySpan<char> after, string? suffix)
    {
        var n = 0;
        for (; suffix is not null && n < suffix.Length && n < after.Length && after[n] == suffix[n]; n++)
        {
        }
        return n;
    }

    /// <summary>The slug in an article address such as <c>https://site/articles/the-slug#tag-3</c>.</summary>
    public static string? SlugOf(string? source)
    {
        if (source is null)
        {
            return null;
        }
        var at = source.LastIndexOf("/articles/", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var slug = source[(at + "/articles/".Length)..];
        var cut = slug.IndexOfAny(['?', '#', '/']);
        slug = cut >= 0 ? slug[..cut] : slug;
        return slug.Length == 0 ? null : Uri.UnescapeDataString(slug);
    }

    /// <summary>The account id in a creator IRI such as <c>https://site/users/{id}</c>, or the value itself when it is no such IRI.</summary>
    private static string? UserIdOf(string? creatorId)
    {
        if (creatorId is null)
        {
            return null;
        }
        var at = creatorId.LastIndexOf("/users/", StringComparison.Ordinal);
        return at < 0 ? creatorId : Uri.UnescapeDataString(creatorId[(at + "/users/".Length)..]);
    }

    private static IEnumerable<JsonElement> Many(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object),
            JsonValueKind.Object => [value],
            _ => [],
        };
    }

    private static bool HasType(JsonElement element, string type) =>
        element.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == type
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == type));

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static DateTime? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
