using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>What an article page and <c>GET /api/articles/{slug}</c> read on every request besides the words: the fields
/// that can change while the words stay the same, and whether the reader may see any tag on it.</summary>
public sealed record ArticleHead(int Id, string ContentHash, string Slug, string Title, string? Standfirst, bool IsExcerpt, int WordCount,
    DateOnly? Published, string? Captions, string? Keywords, bool AnyTags);

/// <summary>An article's head and bylines, as a page or the API shows them; <see cref="Head"/> is null when no article
/// has the address.</summary>
public sealed record ArticleFront(ArticleHead? Head, IReadOnlyList<ArticleAuthorView> Bylines) : ReadMemo.IMaybeKept
{
    public bool WorthKeeping => Head is not null;
}

/// <summary>
/// The per-request reads of an article, as compiled queries: the two statements are tiny, so most of their cost was EF's
/// own (turning the LINQ into a cache key, finding the plan); compiled, they go straight to SQL. One set per engine,
/// since a compiled query is bound to the model of the first context that runs it.
/// </summary>
public static class ArticleHeads
{
    private sealed class Queries
    {
        public readonly Func<ArchiveDbContext, string, string?, CancellationToken, Task<ArticleHead?>> Head =
            EF.CompileAsyncQuery((ArchiveDbContext db, string slug, string? viewerId, CancellationToken _) => db.Articles.AsNoTracking()
                .Where(a => a.Slug == slug)
                .Select(a => new ArticleHead(a.Id, a.ContentHash, a.Slug, a.Title, a.Standfirst, a.IsExcerpt, a.WordCount, a.Published,
                    a.Captions, a.Keywords,
                    db.Annotations.Any(t => t.ArticleId == a.Id && (t.IsPublic || (viewerId != null && t.OwnerId == viewerId)))))
                .FirstOrDefault());

        public readonly Func<ArchiveDbContext, int, IAsyncEnumerable<ArticleAuthorView>> Bylines =
            EF.CompileAsyncQuery((ArchiveDbContext db, int articleId) => db.ArticleAuthors.AsNoTracking()
                .Where(aa => aa.ArticleId == articleId)
                .OrderBy(aa => aa.Position)
                .Select(aa => new ArticleAuthorView(aa.Author.Slug, aa.Author.Name, aa.PostNominals, aa.Role, aa.Bio ?? aa.Author.Bio)));
    }

    private static readonly PerEngine<Queries> Compiled = new(() => new Queries());

    private static Queries For(ArchiveDbContext db) => Compiled.For(db);

    /// <summary>The role a byline gives all its authors ("Jane Smith and John Brown, INLOGOV"), or null when it gives
    /// none or gives co-authors roles of their own, which a single role after the names would misstate.</summary>
    public static string? SharedRole(IEnumerable<string?> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        string? shared = null;
        var first = true;
        foreach (var role in roles)
        {
            if (!first && role != shared)
            {
                return null;
            }
            shared = role;
            first = false;
        }
        return shared;
    }

    private sealed record AnonymousFrontOf(string Slug);

    /// <summary>The head and bylines. An anonymous reader's are the same for every anonymous reader, so they are kept in
    /// <see cref="ReadMemo"/> until the next write (an import that changes the article, a tag made public or deleted,
    /// which moves <c>AnyTags</c>): an untagged article read anonymously then needs nothing from the store, whose pooled
    /// connections' lock was the largest wait left in its requests. A signed-in reader's private tags count in
    /// <c>AnyTags</c>, so theirs are read for them.</summary>
    public static async Task<ArticleFront> FrontAsync(ArchiveDbContext db, ReadMemo memo, string slug, string? viewerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memo);
        return viewerId is null && memo.Keeps
            ? await memo.GetAsync(new AnonymousFrontOf(slug), (store, ct) => ReadFrontAsync(store, slug, null, ct), cancellationToken)
            : await ReadFrontAsync(db, slug, viewerId, cancellationToken);
    }

    private static async Task<ArticleFront> ReadFrontAsync(ArchiveDbContext db, string slug, string? viewerId, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(db, slug, viewerId, cancellationToken);
        return new ArticleFront(head, head is null ? [] : await BylinesAsync(db, head.Id, cancellationToken));
    }

    /// <summary>The article's head. Opens the context's connection for the rest of the request (it is closed when the
    /// context goes back to its pool): the bylines and, when needed, the words and tags follow, and taking a pooled SQLite
    /// handle and giving it back around each statement was about a tenth of an untagged article's request.</summary>
    /// <param name="viewerId">The signed-in reader, whose private tags count too; null for anyone else.</param>
    public static async Task<ArticleHead?> HeadAsync(ArchiveDbContext db, string slug, string? viewerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await For(db).Head(db, slug, viewerId, cancellationToken);
    }

    /// <summary>The article's authors in byline order, with this post's role and bio (else the author's latest bio).</summary>
    public static async Task<List<ArticleAuthorView>> BylinesAsync(ArchiveDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bylines = new List<ArticleAuthorView>();
        await foreach (var byline in For(db).Bylines(db, articleId).WithCancellation(cancellationToken))
        {
            bylines.Add(byline);
        }
        return bylines;
    }
}
