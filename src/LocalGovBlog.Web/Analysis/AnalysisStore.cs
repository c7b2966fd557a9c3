using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Keeps one <see cref="AnalysisSnapshot"/> in memory, so a matrix over a million tags is a walk over an array, not a
/// join over the store on every request, and keeps it true as the coding changes. An ordinary tag write (a tag made,
/// changed, deleted or restored) reaches it as that tag's id (<see cref="AnalysisVersion.NoteTags"/>, from
/// <see cref="AnalysisChangeInterceptor"/> once the write is committed): the next reader reads those few tags again and
/// gets a new snapshot with their share replaced (<see cref="AnalysisSnapshot.With"/>), milliseconds rather than the
/// tens of seconds a full read of a million tags takes. A wide change (themes, articles, authors, accounts, a
/// transaction the interceptor cannot see into) moves <see cref="AnalysisVersion.Wide"/> and the snapshot is read
/// whole again; a reader waits for that rather than see counts from before a merge or an import. A snapshot is never
/// older than <c>Analysis:SnapshotSeconds</c> (600), which covers changes made by another instance of the program.
/// </summary>
public sealed class AnalysisStore(IServiceScopeFactory scopes, AnalysisVersion version, TimeProvider clock, IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(configuration.GetValue("Analysis:SnapshotSeconds", 600));
    private Built? _current;
    private int _loads;

    /// <summary>How many times the whole store has been read.</summary>
    public int Loads => Volatile.Read(ref _loads);

    private sealed record Built(AnalysisSnapshot Snapshot, long Version, DateTimeOffset At);

    public async Task<AnalysisSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (!version.HasTagChanges && Fresh(_current) is { } fresh)
        {
            return fresh;
        }
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is null)
            {
                // Read the version first: a wide change saved while we load moves it again, and the next request reloads.
                var at = version.Wide;
                // Tags noted so far were committed before the load begins, so it reads them; later ones are applied after it.
                var (before, noted) = version.PendingTags();
                var started = clock.GetUtcNow();
                await using var scope = scopes.CreateAsyncScope();
                var snapshot = await LoadAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), cancellationToken);
                _current = new Built(snapshot, at, started);
                Interlocked.Increment(ref _loads);
                version.Applied(before, noted);
            }
            var (tags, generation) = version.PendingTags();
            if (tags.Count > 0)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
                _current = _current! with { Snapshot = await ApplyAsync(db, _current.Snapshot, tags, cancellationToken) };
                // Only now: until the new snapshot is in place, readers must not take the old one for current.
                version.Applied(tags, generation);
            }
            return _current!.Snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private AnalysisSnapshot? Fresh(Built? built) =>
        built is not null && built.Version == version.Wide && clock.GetUtcNow() - built.At < _maxAge ? built.Snapshot : null;

    /// <summary>
    /// <paramref name="snapshot"/> with the tags given as they are in the store now: each is read again (with its themes,
    /// and the authors and date of its article), so applying a tag twice, or one whose write was rolled back, is harmless.
    /// </summary>
    public static async Task<AnalysisSnapshot> ApplyAsync(ArchiveDbContext db, AnalysisSnapshot snapshot, IReadOnlySet<int> tagIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(tagIds);
        var ids = tagIds.ToList();
        var links = db.Set<Dictionary<string, object>>("AnnotationThemes");
        var rows = await (from a in db.Annotations.AsNoTracking()
                          where ids.Contains(a.Id) && !a.IsOrphan
                          join link in links on a.Id equals EF.Property<int>(link, "AnnotationId")
                          select new { a.Id, a.ArticleId, a.OwnerId, a.Start, a.End, a.IsPublic, ThemeId = EF.Property<int>(link, "ThemeId") })
            .ToListAsync(cancellationToken);
        var passages = rows.GroupBy(r => r.Id).Select(g =>
        {
            var r = g.First();
            return new CodedPassage(r.Id, r.ArticleId, r.OwnerId, r.Start, r.End, r.IsPublic, [.. g.Select(x => x.ThemeId)]);
        }).ToList();

        // The articles the tags were in and are in now: each stays in the snapshot while it has an anchored tag.
        var articleIds = snapshot.ArticlesOf(tagIds).ToHashSet();
        articleIds.UnionWith(await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.ArticleId).ToListAsync(cancellationToken));
        var dates = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id) && db.Annotations.Any(an => an.ArticleId == a.Id && !an.IsOrphan))
            .Select(a => new { a.Id, a.Published }).ToDictionaryAsync(a => a.Id, a => a.Published, cancellationToken);
        var authors = (await db.ArticleAuthors.AsNoTracking().Where(aa => dates.Keys.Contains(aa.ArticleId))
                .OrderBy(aa => aa.Position).Select(aa => new { aa.ArticleId, aa.AuthorId }).ToListAsync(cancellationToken))
            .GroupBy(aa => aa.ArticleId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(aa => aa.AuthorId)]);
        var articles = articleIds.ToDictionary(id => id, id => dates.TryGetValue(id, out var published)
            ? new CodedArticle(id, published, authors.GetValueOrDefault(id) ?? [])
            : null);

        var owners = passages.Select(p => p.OwnerId).Where(o => !snapshot.TaggerNames.ContainsKey(o)).Distinct().ToList();
        var names = owners.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
                .Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
        return snapshot.With(tagIds, passages, articles, names);
    }

    public static async Task<AnalysisSnapshot> LoadAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tagged = db.Articles.AsNoTracking().Where(a => db.Annotations.Any(an => an.ArticleId == a.Id && !an.IsOrphan));
        var dates = await tagged.Select(a => new { a.Id, a.Published }).ToDictionaryAsync(a => a.Id, a => a.Published, cancellationToken);
        var authors = (await db.ArticleAuthors.AsNoTracking().Where(aa => tagged.Any(a => a.Id == aa.ArticleId))
                .OrderBy(aa => aa.Position).Select(aa => new { aa.ArticleId, aa.AuthorId }).ToListAsync(cancellationToken))
            .GroupBy(aa => aa.ArticleId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(aa => aa.AuthorId)]);
        var builder = new AnalysisSnapshot.Builder(dates.Select(d => new CodedArticle(d.Key, d.Value, authors.GetValueOrDefault(d.Key) ?? [])));

        // One row per (tag, theme), in tag order, so a tag's themes come together; the query filter already leaves deleted tags out.
        var links = db.Set<Dictionary<string, object>>("AnnotationThemes");
        var rows = (from a in db.Annotations.AsNoTracking()
                    where !a.IsOrphan
                    join link in links on a.Id equals EF.Property<int>(link, "AnnotationId")
                    orderby a.Id
                    select new { a.Id, a.ArticleId, a.OwnerId, a.Start, a.End, a.IsPublic, ThemeId = EF.Property<int>(link, "ThemeId") })
            .AsAsyncEnumerable();
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var last = -1;
        var added = false;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.Id != last)
            {
                last = row.Id;
                added = builder.Add(row.Id, row.ArticleId, row.OwnerId, row.Start, row.End, row.IsPublic, []);
                owners.Add(row.OwnerId);
            }
            if (added)
            {
                builder.AddTheme(row.ThemeId);
            }
        }
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
        return builder.Build(names);
    }
}

/// <summary>
/// What changed in the coding since the snapshot was made: a number that moves on a wide change (the snapshot is read
/// again), and the ids of tags written since (the snapshot reads just those again).
/// </summary>
public sealed class AnalysisVersion
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, long> _tags = [];
    private long _generation;
    private long _value;
    private long _wide;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _tagged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Moves on every committed change to the coding, a tag's included.</summary>
    public long Current => Interlocked.Read(ref _value);

    /// <summary>Moves on a wide change only: the snapshot must be read whole again.</summary>
    public long Wide => Interlocked.Read(ref _wide);

    /// <summary>Completes at the next <see cref="Bump"/>.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Completes at the next <see cref="NoteTags"/> that notes a tag.</summary>
    public Task Tagged => Volatile.Read(ref _tagged).Task;

    public bool HasTagChanges
    {
        get
        {
            lock (_lock)
            {
                return _tags.Count > 0;
            }
        }
    }

    public void Bump()
    {
        Interlocked.Increment(ref _wide);
        Interlocked.Increment(ref _value);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>These tags were written and the write is committed.</summary>
    public void NoteTags(IEnumerable<int> tagIds)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        lock (_lock)
        {
            var generation = ++_generation;
            var any = false;
            foreach (var id in tagIds)
            {
                _tags[id] = generation;
                any = true;
            }
            if (!any)
            {
                return;
            }
        }
        Interlocked.Increment(ref _value);
        Interlocked.Exchange(ref _tagged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The tags noted and not yet applied, and a mark to give <see cref="Applied"/> once they are.</summary>
    public (IReadOnlySet<int> Tags, long Generation) PendingTags()
    {
        lock (_lock)
        {
            return (new HashSet<int>(_tags.Keys), _generation);
        }
    }

    /// <summary>These tags, as noted up to <paramref name="generation"/>, are in the snapshot now; a tag noted again
    /// since stays pending, as it may have changed after it was read.</summary>
    public void Applied(IEnumerable<int> tagIds, long generation)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        lock (_lock)
        {
            foreach (var id in tagIds)
            {
                if (_tags.TryGetValue(id, out var noted) && noted <= generation)
                {
                    _tags.Remove(id);
                }
            }
        }
    }
}

/// <summary>
/// Tells <see cref="AnalysisVersion"/> what a save changed of what the analysis counts, once other connections can see
/// it: straight after a save outside a transaction, or when the transaction it was made in commits (nothing when it
/// rolls back). A save that touched only tags and their theme links gives the ids of those tags; one that touched
/// themes, articles, their bylines or authors, or an account's name or existence, is a wide change. A transaction committed
/// with no save in it is taken for a wide change too: its writes went round the change tracker, where this cannot see.
/// </summary>
public sealed class AnalysisChangeInterceptor(AnalysisVersion version) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly HashSet<Type> Wide = [typeof(Theme), typeof(Article), typeof(ArticleAuthor), typeof(Author)];

    /// <summary>What a save in progress changed: the tags (entities, as a new tag has no id until it is saved) and whether it was wide.</summary>
    private sealed class Saving
    {
        public List<object> Tags { get; } = [];

        public bool Wide { get; set; }
    }

    /// <summary>What the saves made through a context since its last transaction ended changed.</summary>
    private sealed class Uncommitted
    {
        public HashSet<int> Tags { get; } = [];

        public bool Wide { get; set; }

        /// <summary>A save was made inside the transaction: without one, its writes went round the change tracker.</summary>
        public bool InTransaction { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Saving> _saving = [];
    private readonly ConditionalWeakTable<DbContext, Uncommitted> _uncommitted = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Failed(eventData);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    private void RolledBack(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _uncommitted.Remove(context);
        }
    }

    private void Note(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context)
        {
            return;
        }
        var saving = new Saving();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Annotation:
                    saving.Tags.Add(entry.Entity);
                    break;
                case Dictionary<string, object> link when entry.Metadata.Name == "AnnotationThemes":
                    saving.Tags.Add(link);
                    break;
                case Dictionary<string, object>:
                    saving.Wide = true;
                    break;
                case AppUser when entry.State is EntityState.Deleted || (entry.State is EntityState.Modified && entry.Property(nameof(AppUser.UserName)).IsModified):
                    saving.Wide = true; // the account's tags go with it, or its name changes in every list of taggers
                    break;
                default:
                    saving.Wide |= Wide.Contains(entry.Metadata.ClrType);
                    break;
            }
        }
        if (saving.Wide)
        {
            // Before the save too, so a snapshot being read while it commits is not taken for current.
            version.Bump();
        }
        // Noted even when nothing counted changed: a commit during the save is the save's own, and tells nothing more.
        _saving.AddOrUpdate(context, saving);
    }

    private void Saved(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context || !_saving.TryGetValue(context, out var saving))
        {
            return;
        }
        _saving.Remove(context);
        var tags = saving.Tags.Select(TagId).Where(id => id > 0).ToList();
        // Kept until the context's transaction ends: told again at its commit (reading a tag twice is harmless, and a
        // save that only looked committed, because the transaction was not EF's to see, is then read once it is).
        var uncommitted = _uncommitted.GetOrCreateValue(context);
        uncommitted.Tags.UnionWith(tags);
        uncommitted.Wide |= saving.Wide;
        if (context.Database.CurrentTransaction is null)
        {
            Publish(tags, saving.Wide);
        }
        else
        {
            uncommitted.InTransaction = true;
        }
    }

    private void Failed(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _saving.Remove(context);
        }
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out _))
        {
            return; // the transaction of a save of its own: SavedChanges tells what it changed
        }
        if (eventData.Context is { } saved && _uncommitted.TryGetValue(saved, out var uncommitted))
        {
            _uncommitted.Remove(saved);
            Publish(uncommitted.Tags, uncommitted.Wide || !uncommitted.InTransaction);
            return;
        }
        version.Bump();
    }

    private void Publish(IEnumerable<int> tags, bool wide)
    {
        version.NoteTags(tags);
        if (wide)
        {
            version.Bump();
        }
    }

    private static int TagId(object entity) => entity switch
    {
        Annotation annotation => annotation.Id,
        Dictionary<string, object> link when link.TryGetValue("AnnotationId", out var id) && id is int value => value,
        _ => 0,
    };
}
