using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// SQLite settings every connection needs: WAL so readers never wait for the importer, a busy
/// timeout so concurrent writers queue instead of failing, and enforced foreign keys.
/// Provider-specific, so it lives here and nowhere else.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }
}
