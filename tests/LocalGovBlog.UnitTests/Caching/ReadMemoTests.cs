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

    private static ReadMemo Memo(AnalysisVersion version, int memoMegabytes = 32, TimeProvider? clock = null)
    {
        // Answers are worked out on a context of their own; these never touch it, so it need not open a store.
        var services = new ServiceCollection()
            .AddScoped(_ => new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=:memory:").Options))
            .BuildServiceProvider();
        return new ReadMemo(version, Options.Create(new CacheOptions { MemoMegabytes = memoMegabytes, OutputSeconds = 60 }),
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
    public async Task AnswersHoldingMoreThanTheBudget_AreDroppedAndWorkedOutAgain()
    {
        var memo = Memo(new AnalysisVersion(), memoMegabytes: 1);
        var asked = 0;
        Task<Answer> Big(ArchiveDbContext store, CancellationToken _) => Task.FromResult(new Answer(++asked, Bytes: 700 * 1024));

        await memo.GetAsync("first", Big, Cancel);
        await memo.GetAsync("second", Big, Cancel); // 1.4 MB kept: over the budget from now on
        Assert.Equal(2, (await memo.GetAsync("second", Big, Cancel)).Value);
        await memo.GetAsync("third", Big, Cancel);  // a new answer drops everything kept first
        Assert.Equal(4, (await memo.GetAsync("first", Big, Cancel)).Value);
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
