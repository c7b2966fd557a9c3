using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.UnitTests.Caching;

public class ReadMemoTests
{
    private sealed record Answer(int Value, long Bytes = 0) : ReadMemo.ISized;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ReadMemo Memo(AnalysisVersion version, int memoMegabytes = 32) =>
        new(version, Options.Create(new CacheOptions { MemoMegabytes = memoMegabytes }), Options.Create(new StoreOptions()), TimeProvider.System);

    [Fact]
    public async Task AnAnswerIsKept_UntilTheStoreChanges()
    {
        var version = new AnalysisVersion();
        var memo = Memo(version);
        var asked = 0;
        Task<Answer> Work(CancellationToken _) => Task.FromResult(new Answer(++asked));

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
        async Task<Answer> Slow(CancellationToken _)
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
        Task<Answer> Big(CancellationToken _) => Task.FromResult(new Answer(++asked, Bytes: 700 * 1024));

        await memo.GetAsync("first", Big, Cancel);
        await memo.GetAsync("second", Big, Cancel); // 1.4 MB kept: over the budget from now on
        Assert.Equal(2, (await memo.GetAsync("second", Big, Cancel)).Value);
        await memo.GetAsync("third", Big, Cancel);  // a new answer drops everything kept first
        Assert.Equal(4, (await memo.GetAsync("first", Big, Cancel)).Value);
    }
}
