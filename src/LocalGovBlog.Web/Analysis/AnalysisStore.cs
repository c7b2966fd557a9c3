using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Keeps one <see cref="AnalysisSnapshot"/> in memory and builds it again when the coding changed, so a
/// matrix over a million tags is a walk over an array, not a join over the store on every request.
/// Changes are seen through <see cref="AnalysisChangeInterceptor"/> (every save that touches tags, themes,
/// articles or their authors, and every committed transaction), and a snapshot is never older than
/// <c>Analysis:SnapshotSeconds</c> (600), which covers changes made by another instance of the program.
/// </summary>
public sealed class AnalysisStore(IServiceScopeFactory scopes, AnalysisVersion version, TimeProvider clock, IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(configuration.GetValue("Analysis:SnapshotSeconds", 600));
    private Built? _current;

    private sealed record Built(AnalysisSnapshot Snapshot, long Version, DateTimeOffset At);

    public async Task<AnalysisSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } fresh)
        {
            return fresh;
        }
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } built)
            {
                return built;
            }
            // Read the version first: a change saved while we load bumps it again, and the next request reloads.
            var at = version.Current;
            var started = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var snapshot = await LoadAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), cancellationToken);
            _current = new Built(snapshot, at, started);
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private AnalysisSnapshot? Fresh(Built? built) =>
        built is not null && built.Version == version.Current && clock.GetUtcNow() - built.At < _maxAge ? built.Snapshot : null;

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

/// <summary>A number that moves whenever the coding may have changed.</summary>
public sealed class AnalysisVersion
{
    private long _value;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Current => Interlocked.Read(ref _value);

    /// <summary>Completes at the next <see cref="Bump"/>.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public void Bump()
    {
        Interlocked.Increment(ref _value);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}

/// <summary>
/// Tells <see cref="AnalysisVersion"/> when a save touched what the analysis counts, and after every committed
/// transaction (a save inside a transaction is not visible to other connections until the commit).
/// </summary>
public sealed class AnalysisChangeInterceptor(AnalysisVersion version) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly HashSet<Type> Counted = [typeof(Annotation), typeof(Theme), typeof(Article), typeof(ArticleAuthor), typeof(Dictionary<string, object>)];

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

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    private void Saved(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            version.Bump();
        }
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => version.Bump();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Bump();
        return Task.CompletedTask;
    }

    /// <summary>Bumps before the save too, so a snapshot being built while it commits is not taken for current.</summary>
    private void Note(DbContextEventData eventData)
    {
        if (eventData.Context is { } context
            && context.ChangeTracker.Entries().Any(e => e.State is not EntityState.Unchanged and not EntityState.Detached && Counted.Contains(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, this);
            version.Bump();
        }
    }
}
