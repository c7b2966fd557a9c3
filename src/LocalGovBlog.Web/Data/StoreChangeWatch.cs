using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// Sees commits made to the SQLite store by other programs — the <c>import</c> command or <c>grant-admin</c> run while
/// the site serves, a script — which the site's own interceptors cannot see. Once a <see cref="Interval"/> it asks SQLite's
/// <c>PRAGMA data_version</c> on a connection of its own, a number that changes whenever any other connection has
/// committed; each change moves <see cref="Generation"/> on, and the answers <c>ReadMemo</c> keeps are worked out again.
/// The site's own writes move it too (SQLite cannot tell them apart): a kept answer is then worked out once more, up to a
/// second after the write that had already moved <c>AnalysisVersion</c>. Nothing is watched
/// with PostgreSQL (there <c>ReadMemo</c> keeps nothing unless <c>Cache:Output=true</c> accepts its delay) or with a
/// store held in memory, which no other program can reach.
/// </summary>
public sealed partial class StoreChangeWatch(IConfiguration configuration, IHostEnvironment environment, IOptions<StoreOptions> store,
    TimeProvider clock, ILogger<StoreChangeWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private long _generation;

    /// <summary>Moves on when a commit by another connection is seen.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    private readonly Lazy<string?> _connectionString = new(() => store.Value.IsPostgreSql ? null : WatchedConnectionString(configuration, environment));
    private SqliteConnection? _connection;
    private long? _seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_connectionString.Value is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>Reads the counter, moving <see cref="Generation"/> on if another connection has committed since the last
    /// read, or if there was no last read: what was kept before the watch first looked (or after it lost the file) may
    /// predate a change it never saw. Called at start and then once a <see cref="Interval"/> while the site runs.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_connectionString.Value is not { } connectionString)
        {
            return;
        }
        try
        {
            if (_connection is null)
            {
                _connection = new SqliteConnection(connectionString);
                await _connection.OpenAsync(cancellationToken);
            }
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            var now = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (_seen != now)
            {
                Interlocked.Increment(ref _generation);
            }
            _seen = now;
        }
        catch (SqliteException exception)
        {
            // The file not made yet, or taken away: asked again on a fresh connection next time, and the next reading
            // counts as a change, since what happened meanwhile is unknown.
            NotRead(logger, exception);
            await CloseAsync();
            _seen = null;
        }
    }

    private async Task CloseAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        base.Dispose();
    }

    /// <summary>The store's file, opened without creating it (the site makes it on start) and outside the pool, or null for a store in memory.</summary>
    private static string? WatchedConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(StoreRegistration.ConnectionString(configuration, environment));
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }
        builder.Mode = SqliteOpenMode.ReadWrite;
        builder.Pooling = false;
        return builder.ConnectionString;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The store's change counter could not be read; asked again in a second.")]
    private static partial void NotRead(ILogger logger, Exception exception);
}
