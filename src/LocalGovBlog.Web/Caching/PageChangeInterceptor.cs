using System.Data.Common;
using System.Runtime.CompilerServices;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Annotation = LocalGovBlog.Web.Data.Annotation;
using Microsoft.EntityFrameworkCore.Storage;

namespace LocalGovBlog.Web.Caching;

/// <summary>
/// Evicts the kept pages that a write changed, whichever service wrote it: the tags are read from the change tracker
/// just before the save (<see cref="PageChangeTags"/>; a tag's article and former themes still stand in the store then)
/// and evicted once the change is committed: after the save when no transaction is open, when the transaction commits
/// when one is, and never when it rolls back. Evicting earlier would let a reader keep the old page again before the
/// commit. Writes that go around the change tracker (ExecuteUpdate, bulk inserts on the connection) are not seen: a
/// bulk path says what it wrote with <see cref="NoteUntrackedAsync"/>.
/// </summary>
public sealed class PageChangeInterceptor(PageCache pages) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly string LinkTable = "AnnotationThemes";

    private readonly ConditionalWeakTable<DbContext, IReadOnlyList<string>> _saving = [];
    private readonly ConditionalWeakTable<DbTransaction, HashSet<string>> _awaitingCommit = [];

    /// <summary>For a write made on <paramref name="db"/>'s connection outside the change tracker: evicts
    /// <paramref name="tags"/> when its transaction commits, or at once when none is open.</summary>
    public static async Task NoteUntrackedAsync(DbContext db, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(db);
        var self = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<PageChangeInterceptor>().FirstOrDefault();
        if (self is not null)
        {
            await self.AfterCommitAsync(db, tags);
        }
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            // With async false every query runs synchronously: the task has completed when it returns.
            Hold(context, DeriveAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult());
        }
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Hold(context, await DeriveAsync(context, async: true, cancellationToken));
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _saving.Remove(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        CommittedAsync(transaction).GetAwaiter().GetResult();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        CommittedAsync(transaction);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _awaitingCommit.Remove(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Remove(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _awaitingCommit.Remove(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Hold(DbContext context, IReadOnlyList<string> tags)
    {
        if (tags.Count > 0)
        {
            _saving.AddOrUpdate(context, tags);
        }
        else
        {
            _saving.Remove(context);
        }
    }

    private async Task SavedAsync(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out var tags))
        {
            _saving.Remove(context);
            await AfterCommitAsync(context, tags);
        }
    }

    private async Task AfterCommitAsync(DbContext context, IEnumerable<string> tags)
    {
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _awaitingCommit.GetOrCreateValue(transaction).UnionWith(tags);
        }
        else
        {
            await pages.EvictAsync(tags);
        }
    }

    private async Task CommittedAsync(DbTransaction transaction)
    {
        if (_awaitingCommit.TryGetValue(transaction, out var tags))
        {
            _awaitingCommit.Remove(transaction);
            await pages.EvictAsync(tags);
        }
    }

    /// <summary>The tags of the pages that show what <paramref name="context"/> is about to save.</summary>
    private static async Task<IReadOnlyList<string>> DeriveAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0)
        {
            return [];
        }
        var tagEntries = changed.Where(e => e.Entity is Annotation).ToList();
        var linkEntries = changed.Where(e => e.Metadata.Name == LinkTable).ToList();
        var write = new StoreWrite(
            Themes: changed.Exists(e => e.Entity is Theme),
            Articles: changed.Exists(e => e.Entity is Article or ArticleBlock or ArticleAuthor or Author),
            AccountsDeleted: changed.Exists(e => e.Entity is AppUser && e.State == EntityState.Deleted),
            TagsWritten: tagEntries.Count + linkEntries.Count);
        var (tags, namePages) = PageChangeTags.Broad(write);
        if (!namePages)
        {
            return tags;
        }

        var articleIds = new HashSet<int>();
        var storedTagIds = new HashSet<int>(); // tags already in the store: their themes there are the former ones
        var untrackedTagIds = new HashSet<int>();
        var themeIds = new HashSet<int>();
        foreach (var entry in tagEntries)
        {
            var tag = (Annotation)entry.Entity;
            articleIds.Add(tag.ArticleId);
            if (entry.State != EntityState.Added)
            {
                articleIds.Add((int)entry.Property(nameof(Annotation.ArticleId)).OriginalValue!);
                storedTagIds.Add(tag.Id);
            }
        }
        var tracked = context.ChangeTracker.Entries<Annotation>().ToDictionary(e => e.Property(a => a.Id).CurrentValue);
        foreach (var link in linkEntries)
        {
            var tagId = (int)link.Property("AnnotationId").CurrentValue!;
            themeIds.Add((int)link.Property("ThemeId").CurrentValue!);
            if (tracked.TryGetValue(tagId, out var tag))
            {
                articleIds.Add(tag.Entity.ArticleId);
            }
            else
            {
                untrackedTagIds.Add(tagId);
            }
        }

        var links = context.Set<Dictionary<string, object>>(LinkTable);
        var themeSlugs = storedTagIds.Count == 0 ? [] : await ListAsync(
            from link in links
            where storedTagIds.Contains(EF.Property<int>(link, "AnnotationId"))
            join theme in context.Set<Theme>() on EF.Property<int>(link, "ThemeId") equals theme.Id
            select theme.Slug, async, cancellationToken);
        if (untrackedTagIds.Count > 0)
        {
            articleIds.UnionWith(await ListAsync(context.Set<Annotation>().IgnoreQueryFilters()
                .Where(a => untrackedTagIds.Contains(a.Id)).Select(a => a.ArticleId), async, cancellationToken));
        }
        themeSlugs.AddRange(Known(context.Set<Theme>().Local, themeIds, t => t.Slug));
        if (themeIds.Count > 0)
        {
            themeSlugs.AddRange(await ListAsync(context.Set<Theme>().Where(t => themeIds.Contains(t.Id)).Select(t => t.Slug), async, cancellationToken));
        }
        var articleSlugs = Known(context.Set<Article>().Local, articleIds, a => a.Slug);
        if (articleIds.Count > 0)
        {
            articleSlugs.AddRange(await ListAsync(context.Set<Article>().Where(a => articleIds.Contains(a.Id)).Select(a => a.Slug), async, cancellationToken));
        }
        return [.. tags, .. PageChangeTags.ForTags(articleSlugs, themeSlugs)];
    }

    /// <summary>The slugs of the entities the context already holds; their ids leave <paramref name="ids"/>, so only the rest are looked up.</summary>
    private static List<string> Known<T>(LocalView<T> local, HashSet<int> ids, Func<T, string> slug) where T : class
    {
        var known = new List<string>();
        foreach (var id in ids.ToList())
        {
            if (local.FindEntry(id) is { } entry)
            {
                known.Add(slug(entry.Entity));
                ids.Remove(id);
            }
        }
        return known;
    }

    private static async Task<List<T>> ListAsync<T>(IQueryable<T> query, bool async, CancellationToken cancellationToken) =>
        async ? await query.ToListAsync(cancellationToken) : [.. query];
}
