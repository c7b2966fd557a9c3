namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Builds the analysis snapshot when the program starts, and keeps it current in the background, so the reader who
/// opens /analysis finds it ready instead of waiting seconds for a million tags to be read. When a tag is written it
/// applies that tag's share at once and computes again the matrices last asked for (<see cref="AnalysisSnapshot.WarmFrom"/>),
/// so the next reader usually finds both ready; a reader who comes first applies the write itself (it is never left
/// out). After a wide change it reads the store again once <c>Analysis:RebuildDelaySeconds</c> (2) have passed, which
/// lets a burst of writes, such as an import, end first; a reader who comes sooner waits for the new snapshot (a matrix
/// from before a theme merge or an import is never shown).
/// </summary>
public sealed partial class AnalysisWarmUp(AnalysisStore store, AnalysisVersion version, IConfiguration configuration, ILogger<AnalysisWarmUp> logger)
    : BackgroundService
{
    /// <summary>Results carried over to a snapshot after a tag write: the ones asked for in the last ten minutes, three at
    /// most (what /analysis asks: themes by author and month, co-occurrence, and the tagged authors; with two, the reader
    /// after a write computed the third itself).</summary>
    private const int WarmResults = 3;

    private static readonly TimeSpan WarmWithin = TimeSpan.FromMinutes(10);

    private readonly TimeSpan _delay = TimeSpan.FromSeconds(configuration.GetValue("Analysis:RebuildDelaySeconds", 2.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish first: the host starts background services before it serves.
        await Task.Yield();
        AnalysisSnapshot? previous = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = version.Changed;
            var tagged = version.Tagged;
            try
            {
                var loads = store.Loads;
                var started = TimeProvider.System.GetTimestamp();
                var snapshot = await store.GetAsync(stoppingToken);
                if (store.Loads != loads)
                {
                    var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                    LogBuilt(logger, snapshot.Passages.Count, seconds);
                }
                if (previous is not null && !ReferenceEquals(snapshot, previous))
                {
                    // Seconds of CPU at a million tags: on a thread of its own, so requests never wait for a pool thread.
                    var from = previous;
                    await Task.Factory.StartNew(() => snapshot.WarmFrom(from, WarmResults, WarmWithin, () => version.HasTagChanges),
                        stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }
                previous = snapshot;
                if (await Task.WhenAny(changed, tagged).WaitAsync(stoppingToken) == changed)
                {
                    await Task.Delay(_delay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // The services are gone: a start that failed (its port taken, say) disposes them without stopping
                // this first. Nothing is left to warm, and a warning would bury the real error in the log.
                return;
            }
#pragma warning disable CA1031 // A failed warm-up must not stop the site: the next reader builds the snapshot and sees the error.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
                await Task.WhenAny(changed, tagged).WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis snapshot ready: {Passages} coded passages in {Seconds:0.0} s")]
    private static partial void LogBuilt(ILogger logger, int passages, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis snapshot could not be built in the background")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
