using System.Runtime.CompilerServices;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Export;

public sealed record ExportedAuthor(string Slug, string Name);

/// <summary>One article as an export sees it: its text and the exported tags on it, in reading order.</summary>
public sealed record ExportedArticle(
    int Id, string Slug, string Title, DateOnly? Published, DateTime UpdatedAtUtc, IReadOnlyList<ExportedAuthor> Authors, string Text,
    IReadOnlyList<AnnotationRow> Tags)
{
    private CodePointOffsets? _offsets;

    /// <summary>Code-point positions in <see cref="Text"/>, worked out once for all the article's tags.</summary>
    public CodePointOffsets Offsets => _offsets ??= new CodePointOffsets(Text);
}

/// <summary>An article's text alone, as the project export's <c>sources/</c> folder holds it.</summary>
public sealed record ExportedSource(int Id, string Text);

public sealed record ExportedTheme(int Id, string Slug, string Name, string Color, string? Description, int? ParentId);

public sealed record ExportedUser(string Id, string Name);

/// <summary>Why an export cannot be made as asked, in words, with its HTTP status.</summary>
public sealed record ExportProblem(int Status, string Title, string Detail);

/// <summary>
/// Reads what an export holds, streaming: articles in id order, each with its tags, so memory holds one
/// article at a time however large the archive. The tags come from a second connection read in step
/// with the first (a merge on the article id), because one EF context runs one query at a time.
/// </summary>
public sealed class ExportQuery(ArchiveDbContext db, IServiceScopeFactory scopes)
{
    private sealed record TagRecord(
        int Id, int ArticleId, string OwnerId, string OwnerName, int Start, int End, string Exact, string Prefix, string Suffix,
        string? Note, bool IsPublic, bool IsOrphan, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, List<int> ThemeIds);

    /// <summary>What is wrong with the filter for this viewer (an unknown theme, author or article; "mine" signed out), or null.</summary>
    public async Task<ExportProblem?> ProblemAsync(ExportFilter filter, string? viewerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Mine && viewerId is null)
        {
            return new ExportProblem(StatusCodes.Status401Unauthorized, "Sign in to export your own tags",
                "'mine' exports the tags of the person signed in; sign in first.");
        }
        if (filter.Theme is { } theme && !await db.Themes.AnyAsync(t => t.Slug == theme, cancellationToken))
        {
            return new ExportProblem(StatusCodes.Status404NotFound, "Theme not found", $"The codebook has no theme '{theme}'.");
        }
        if (filter.Author is { } author && !await db.Authors.AnyAsync(a => a.Slug == author, cancellationToken))
        {
            return new ExportProblem(StatusCodes.Status404NotFound, "Author not found", $"No author has the address '{author}'.");
        }
        if (filter.Article is { } article && !await db.Articles.AnyAsync(a => a.Slug == article, cancellationToken))
        {
            return new ExportProblem(StatusCodes.Status404NotFound, "Article not found", $"No article has the address '{article}'.");
        }
        return null;
    }

    /// <summary>The tags an export holds: those the viewer may see, narrowed by the filter.</summary>
    public static IQueryable<Annotation> Tags(ArchiveDbContext context, ExportFilter filter, string? viewerId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var tags = context.Annotations.AsNoTracking().VisibleTo(viewerId);
        if (filter.Mine)
        {
            tags = tags.Where(a => a.OwnerId == viewerId);
        }
        if (filter.Theme is { } theme)
        {
            tags = tags.Where(a => a.Themes.Any(t => t.Slug == theme));
        }
        if (filter.Article is { } article)
        {
            tags = tags.Where(a => a.Article.Slug == article);
        }
        if (filter.Author is { } author)
        {
            tags = tags.Where(a => a.Article.Authors.Any(x => x.Author.Slug == author));
        }
        if (filter.From is { } from)
        {
            tags = tags.Where(a => a.Article.Published >= from);
        }
        if (filter.To is { } to)
        {
            tags = tags.Where(a => a.Article.Published <= to);
        }
        return tags;
    }

    /// <summary>
    /// The articles an export holds: those the filter's article, author and dates pick; with
    /// <paramref name="taggedOnly"/> (or a filter that narrows the tags) only those carrying an exported tag.
    /// </summary>
    public static IQueryable<Article> Articles(ArchiveDbContext context, ExportFilter filter, string? viewerId, bool taggedOnly)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var articles = context.Articles.AsNoTracking();
        if (filter.Article is { } article)
        {
            articles = articles.Where(a => a.Slug == article);
        }
        if (filter.Author is { } author)
        {
            articles = articles.Where(a => a.Authors.Any(x => x.Author.Slug == author));
        }
        if (filter.From is { } from)
        {
            articles = articles.Where(a => a.Published >= from);
        }
        if (filter.To is { } to)
        {
            articles = articles.Where(a => a.Published <= to);
        }
        if (taggedOnly || filter.NarrowsTags)
        {
            var tags = Tags(context, filter, viewerId);
            articles = articles.Where(a => tags.Any(t => t.ArticleId == a.Id));
        }
        return articles;
    }

    public Task<int> CountTagsAsync(ExportFilter filter, string? viewerId, CancellationToken cancellationToken) =>
        Tags(db, filter, viewerId).CountAsync(cancellationToken);

    /// <summary>The whole codebook, parents before children, by name.</summary>
    public async Task<IReadOnlyList<ExportedTheme>> CodebookAsync(CancellationToken cancellationToken) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new ExportedTheme(t.Id, t.Slug, t.Name, t.Color, t.Description, t.ParentId))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The codebook an export of <paramref name="filter"/> needs: all of it when nothing is filtered, else the
    /// themes of the exported tags and the filter's theme, with their broader themes so the hierarchy holds.
    /// </summary>
    public async Task<IReadOnlyList<ExportedTheme>> CodebookAsync(ExportFilter filter, string? viewerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await CodebookAsync(cancellationToken);
        if (filter.IsEmpty)
        {
            return all;
        }
        var used = (await Tags(db, filter, viewerId).SelectMany(a => a.Themes.Select(t => t.Id)).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        if (filter.Theme is { } slug && all.FirstOrDefault(t => t.Slug == slug) is { } chosen)
        {
            used.Add(chosen.Id);
        }
        foreach (var theme in all.Where(t => used.Contains(t.Id) && t.ParentId is not null).ToList())
        {
            used.Add(theme.ParentId!.Value);
        }
        return [.. all.Where(t => used.Contains(t.Id))];
    }

    /// <summary>The people whose tags the export holds, by name.</summary>
    public async Task<IReadOnlyList<ExportedUser>> TaggersAsync(ExportFilter filter, string? viewerId, CancellationToken cancellationToken)
    {
        var owners = await Tags(db, filter, viewerId).Select(a => a.OwnerId).Distinct().ToListAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).OrderBy(u => u.UserName)
            .Select(u => new ExportedUser(u.Id, u.UserName!)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The export's articles in id order, each with its exported tags (anchored ones in reading order, then
    /// orphans). Tags carry their themes in the API's order (by name).
    /// </summary>
    public async IAsyncEnumerable<ExportedArticle> ArticlesAsync(
        ExportFilter filter, string? viewerId, bool taggedOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // One ThemeRef per theme, shared by every tag that carries it.
        var themes = (await CodebookAsync(cancellationToken)).ToDictionary(t => t.Id, t => new ThemeRef(t.Slug, t.Name, t.Color));
        await using var tagScope = scopes.CreateAsyncScope();
        var tagContext = tagScope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var tags = Tags(tagContext, filter, viewerId)
            .OrderBy(a => a.ArticleId).ThenBy(a => a.IsOrphan).ThenBy(a => a.Start).ThenBy(a => a.End).ThenBy(a => a.Id)
            .Select(a => new TagRecord(a.Id, a.ArticleId, a.OwnerId, a.Owner.UserName!, a.Start, a.End, a.Exact, a.Prefix, a.Suffix,
                a.Note, a.IsPublic, a.IsOrphan, a.CreatedAtUtc, a.UpdatedAtUtc, a.Themes.Select(t => t.Id).ToList()))
            .AsAsyncEnumerable();
        await using var tagCursor = tags.GetAsyncEnumerator(cancellationToken);
        var hasTag = await tagCursor.MoveNextAsync();
        var articles = Articles(db, filter, viewerId, taggedOnly)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Title,
                a.Published,
                a.UpdatedAtUtc,
                a.Text,
                Authors = a.Authors.OrderBy(x => x.Position).Select(x => new ExportedAuthor(x.Author.Slug, x.Author.Name)).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var article in articles.WithCancellation(cancellationToken))
        {
            var own = new List<AnnotationRow>();
            // A tag written between the two reads may belong to an article the first read did not see: it is skipped.
            while (hasTag && tagCursor.Current.ArticleId <= article.Id)
            {
                if (tagCursor.Current.ArticleId == article.Id)
                {
                    own.Add(Row(tagCursor.Current, article.Slug, themes));
                }
                hasTag = await tagCursor.MoveNextAsync();
            }
            yield return new ExportedArticle(article.Id, article.Slug, article.Title, article.Published, article.UpdatedAtUtc,
                article.Authors, article.Text, own);
        }
    }

    /// <summary>
    /// The texts of the articles <see cref="ArticlesAsync"/> gives for the same arguments, in the same order, without
    /// reading their tags again: the second pass of the project export.
    /// </summary>
    public IAsyncEnumerable<ExportedSource> SourcesAsync(ExportFilter filter, string? viewerId, bool taggedOnly) =>
        Articles(db, filter, viewerId, taggedOnly).OrderBy(a => a.Id).Select(a => new ExportedSource(a.Id, a.Text)).AsAsyncEnumerable();

    private static AnnotationRow Row(TagRecord tag, string slug, Dictionary<int, ThemeRef> themes)
    {
        var refs = new List<ThemeRef>(tag.ThemeIds.Count);
        foreach (var id in tag.ThemeIds)
        {
            if (themes.TryGetValue(id, out var theme))
            {
                refs.Add(theme);
            }
        }
        refs.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        return new(tag.Id, slug, tag.OwnerId, tag.OwnerName, tag.Start, tag.End, tag.Exact, tag.Prefix, tag.Suffix, tag.Note, tag.IsPublic, tag.IsOrphan,
            tag.CreatedAtUtc, tag.UpdatedAtUtc, refs);
    }
}
