using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// PostgreSQL's part of what several instances on one database must agree on: session-level advisory locks
/// (migrations and seeding at start-up) and transaction-level ones (the admin rules), each keyed by a fixed number.
/// </summary>
public static class PostgreSqlStore
{
    /// <summary>Held while an instance migrates and seeds the store.</summary>
    public const long StartupLock = 0x4C47_4201;

    /// <summary>Held by a transaction that counts admins and changes roles.</summary>
    public const long AdminRolesLock = 0x4C47_4202;

    /// <summary>Takes a session lock on the context's connection, opening it (and keeping it open) until disposed.
    /// An unreachable server becomes one message for the operator.</summary>
    public static Task<IAsyncDisposable> LockAsync(ArchiveDbContext db, long key, CancellationToken cancellationToken) =>
        LockAsync(db, key, "ConnectionStrings:Default", cancellationToken);

    /// <inheritdoc cref="LockAsync(ArchiveDbContext, long, CancellationToken)"/>
    /// <param name="namedBy">The setting or option that gave the connection string, which the message tells the operator to check.</param>
    public static async Task<IAsyncDisposable> LockAsync(ArchiveDbContext db, long key, string namedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new StoreUnusableException(
                $"The PostgreSQL store {namedBy} names (host {builder.Host}, port {builder.Port}, database {builder.Database}) can't be opened: {ex.Message} "
                + $"Check {namedBy}, that the server runs and that the database exists.", ex);
        }
        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", key, cancellationToken);
        return new SessionLock(db, connection, key);
    }

    /// <summary>Serialises transactions that count and change admins: held until the caller's transaction ends.</summary>
    public static async Task LockForTransactionAsync(ArchiveDbContext db, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class SessionLock(ArchiveDbContext db, DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == ConnectionState.Open)
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", key, CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
    }
}
