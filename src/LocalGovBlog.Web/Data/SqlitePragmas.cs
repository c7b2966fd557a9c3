using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// SQLite settings every connection needs: WAL so readers never wait for the importer, a busy
/// timeout so concurrent writers queue instead of failing, and enforced foreign keys.
/// Provider-specific, so it lives here and nowhere else.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    /// <summary>The last connection string seen and whether it opens read-only (EF checks a store exists that way).
    /// One instance serves every pooled context, so it is swapped as a whole, never torn.</summary>
    private SeenConnectionString? _last;

    private sealed record SeenConnectionString(string ConnectionString, bool ReadOnly);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>SQLite handles already set up. Microsoft.Data.Sqlite pools them: a handle taken from the pool keeps its
    /// settings, so they are sent once per handle instead of before every request's first query.</summary>
    private readonly ConditionalWeakTable<object, object> _configured = [];

    private void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && _configured.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = connection.CreateCommand();
        // Switching to WAL writes the file header, which a read-only connection may not do: a store
        // copied with VACUUM INTO, switched to journal_mode=DELETE, or an empty file is switched by
        // the first read-write connection instead (WAL then stays on in the file).
        var journal = IsReadOnly(connection) ? "" : "PRAGMA journal_mode = WAL; ";
        command.CommandText =
            $"{journal}PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }

    private bool IsReadOnly(DbConnection connection)
    {
        var connectionString = connection.ConnectionString;
        if (_last is { } last && ReferenceEquals(last.ConnectionString, connectionString))
        {
            return last.ReadOnly;
        }
        var readOnly = new SqliteConnectionStringBuilder(connectionString).Mode == SqliteOpenMode.ReadOnly;
        _last = new SeenConnectionString(connectionString, readOnly);
        return readOnly;
    }
}
