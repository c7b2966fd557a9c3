using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.UnitTests.Caching;

public class ReadMemoTests
{
    private sealed record Answer(int Value, long Bytes = 0) : ReadMemo.ISized;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ReadMemo Memo(AnalysisVersion version, int memoMegabytes = 32, TimeProvider? clock = null, StoreChangeWatch? watch = null)
    {
        // Answers are worked out on a context of their own; these never touch it, so it need not open a store.
        var services = new ServiceCollection()
            .AddScoped(_ => new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=:memory:").Options))
            .BuildServiceProvider();
        return new ReadMemo(version, watch ?? StoreChangeWatchTests.Watch("Data Source=:memory:"), Options.Create(new CacheOptions { MemoMegabytes = memoMegabytes, OutputSeconds = 60 }),
            Options.Create(new StoreOptions()), clock ?? TimeProvider.System, services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ReadMemo>.Instance);
    }

    [Fact]
    public async Task AnAnswerIsKept_UntilTheStoreChanges()
    {
        var version = new AnalysisVersion();
        var memo = Memo(version);
        var asked = 0;
        Task<Answer> Work(ArchiveDbContext store, CancellationToken _) => Task.FromResult(new Answer(++asked));

        Assert.Equal(1, (await memo.GetAsync("theme", Work, Cancel)).Value);
        Assert.Equal(1, (await memo.GetAsync("theme", Work, Cancel)).Value);
        version.Bump();
        Assert.Equal(2, (await memo.GetAsync("theme", Work, Cancel)).Value);
    }

    private sealed record Found(int? Value) : ReadMemo.IMaybeKept
    {
        public bool WorthKeeping => Value is not null;
    }

    [Fact]
    public async Task AnAnswerNotWorthKeeping_IsGiven_ButAskedForAgainNextTime()
    {
        var memo = Memo(new AnalysisVersion());
        var asked = 0;
        Task<Found> Missing(ArchiveDbContext store, CancellationToken _) => Task.FromResult(new Found(++asked > 2 ? asked : null));

        Assert.Null((await memo.GetAsync("no-such-article", Missing, Cancel)).Value);
        Assert.Null((await memo.GetAsync("no-such-article", Missing, Cancel)).Value);
        Assert.Equal(3, (await memo.GetAsync("no-such-article", Missing, Cancel)).Value); // there now, and kept
        Assert.Equal(3, (await memo.GetAsync("no-such-article", Missing, Cancel)).Value);
        Assert.Equal(3, asked);
    }

    [Fact]
    public async Task ACommitByAnotherProgram_SeenByTheWatch_IsWorkedOutAgain()
    {
        var folder = Directory.CreateTempSubdirectory("lgb-memo-");
        try
        {
            var file = Path.Combine(folder.FullName, "store.db");
            await StoreChangeWatchTests.WriteAsync(file, "CREATE TABLE Notes (Text TEXT)");
            using var watch = StoreChangeWatchTests.Watch($"Data Source={file}");
            var memo = Memo(new AnalysisVersion(), watch: watch);
            var asked = 0;
            Task<Answer> Work(ArchiveDbContext store, CancellationToken _) => Task.FromResult(new Answer(++asked));

            Assert.Equal(1, (await memo.GetAsync("home", Work, Cancel)).Value);
            await watch.CheckAsync(Cancel); // its first look: an answer from before it is not trusted
            Assert.Equal(2, (await memo.GetAsync("home", Work, Cancel)).Value);
            await watch.CheckAsync(Cancel); // nothing written since
            Assert.Equal(2, (await memo.GetAsync("home", Work, Cancel)).Value);

            await StoreChangeWatchTests.WriteAsync(file, "INSERT INTO Notes VALUES ('written by another program')");
            Assert.Equal(2, (await memo.GetAsync("home", Work, Cancel)).Value); // not seen until the watch looks
            await watch.CheckAsync(Cancel);
            Assert.Equal(3, (await memo.GetAsync("home", Work, Cancel)).Value);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadersAskingAtOnce_ShareOneAnswer()
    {
        var memo = Memo(new AnalysisVersion());
        var asked = 0;
        var release = new TaskCompletionSource();
        async Task<Answer> Slow(ArchiveDbContext store, CancellationToken _)
        {
            Interlocked.Increment(ref asked);
            await release.Task;
            return new Answer(7);
        }

        var readers = Enumerable.Range(0, 8).Select(_ => memo.GetAsync("page", Slow, Cancel)).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(readers), answer => Assert.Equal(7, answer.Value));
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task PastTheMemoryBudget_TheLeastRecentlyUsedAnswersAreDropped()
    {
        var clock = new Clock();
        var memo = Memo(new AnalysisVersion(), memoMegabytes: 1, clock: clock);
        var asked = new Dictionary<string, int>();
        Task<Answer> Work(string key)
        {
            clock.Now += TimeSpan.FromMilliseconds(10);
            return memo.GetAsync(key, (_, _) =>
            {
                asked[key] = asked.GetValueOrDefault(key) + 1;
                return Task.FromResult(new Answer(asked[key], Bytes: 300 * 1024));
            }, Cancel);
        }

        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await Work(key); // 1.2 MB kept: over the budget from now on
        }
        await Work("a"); // read again: now the most recently used
        await Work("e"); // dropped down to half the budget, oldest first: b, c, d go

        Assert.Equal(1, (await Work("a")).Value);
        Assert.Equal(2, (await Work("b")).Value);
    }

    [Fact]
    public async Task PastItsTime_TheKeptAnswerIsGivenWhileAFreshOneIsWorkedOut_ButNeverAfterAWrite()
    {
        var version = new AnalysisVersion();
        var clock = new Clock();
        var memo = Memo(version, clock: clock);
        var asked = 0;
        var refreshed = new TaskCompletionSource();
        Task<Answer> Work(ArchiveDbContext store, CancellationToken _)
        {
            var answer = new Answer(Interlocked.Increment(ref asked));
            if (answer.Value == 2)
            {
                refreshed.SetResult();
            }
            return Task.FromResult(answer);
        }

        Assert.Equal(1, (await memo.GetAsync("home", Work, Cancel)).Value);
        clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(1, (await memo.GetAsync("home", Work, Cancel)).Value); // the kept one, while the fresh one is worked out
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        await WaitForAsync(async () => (await memo.GetAsync("home", Work, Cancel)).Value == 2);
        Assert.Equal(2, asked);

        version.Bump();
        clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(3, (await memo.GetAsync("home", Work, Cancel)).Value); // after a write: worked out before answering
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
