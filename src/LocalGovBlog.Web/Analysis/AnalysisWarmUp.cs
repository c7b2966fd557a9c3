namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Builds the analysis snapshot when the program starts, and again a moment after the coding changed, so the
/// reader who opens /analysis finds it ready instead of waiting seconds for a million tags to be read. A reader
/// who comes while it is being built waits for it (a stale matrix is never shown); the pause after a change
/// (<c>Analysis:RebuildDelaySeconds</c>, 2) lets a burst of writes, such as an import, end before reading again.
/// </summary>
public sealed partial class AnalysisWarmUp(AnalysisStore store, AnalysisVersion version, IConfiguration configuration, ILogger<AnalysisWarmUp> logger)
    : BackgroundService
{
    private readonly TimeSpan _delay = TimeSpan.FromSeconds(configuration.GetValue("Analysis:RebuildDelaySeconds", 2.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish first: the host starts background services before it serves.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = version.Changed;
            try
            {
                var started = TimeProvider.System.GetTimestamp();
                var snapshot = await store.GetAsync(stoppingToken);
                var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                LogBuilt(logger, snapshot.Passages.Count, seconds);
                await changed.WaitAsync(stoppingToken);
                await Task.Delay(_delay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed warm-up must not stop the site: the next reader builds the snapshot and sees the error.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
                await changed.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis snapshot ready: {Passages} coded passages in {Seconds:0.0} s")]
    private static partial void LogBuilt(ILogger logger, int passages, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis snapshot could not be built in the background")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
