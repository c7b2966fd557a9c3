using LocalGovBlog.Web.Data;

namespace LocalGovBlog.Web.Search;

public static class SearchIndexing
{
    /// <summary>Saves the context's changes and re-indexes the article in one transaction, so a tag
    /// note is searchable exactly when it is stored (and gone from the index when the tag is).</summary>
    public static Task SaveAndIndexAsync(this ArchiveDbContext db, IArticleSearch search, int articleId, CancellationToken cancellationToken) =>
        db.SaveAndIndexAsync(search, [articleId], cancellationToken);

    /// <summary>As above for every article a change touches (a theme merge or delete moves or removes tags on many).</summary>
    public static async Task SaveAndIndexAsync(this ArchiveDbContext db, IArticleSearch search, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync(articleIds, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
