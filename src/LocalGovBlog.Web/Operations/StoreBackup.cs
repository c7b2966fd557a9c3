using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LocalGovBlog.Web.Operations;

/// <summary>What a backup or restore copied, for the operator to check at a glance.</summary>
public sealed record StoreSummary(string Path, long Bytes, int Articles, int Tags, int Accounts);

/// <summary>A backup or restore that was refused before anything was written; the message says why.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>
/// Consistent copies of a live store with SQLite's online backup API: the copy is one snapshot taken
/// under a read transaction, so writers carry on (WAL) and every write the copy holds was committed
/// whole. Provider-specific, like the pragmas; a PostgreSQL deployment uses pg_dump instead.
/// </summary>
public static class StoreBackup
{
    /// <summary>Copies the store to a new file <paramref name="destination"/> that opens in WAL mode.</summary>
    public static StoreSummary Backup(string storeConnectionString, string destination)
    {
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination))
        {
            throw new BackupRefusedException($"{destination} already exists: a backup never overwrites a file, so choose a new name.");
        }
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder))
        {
            throw new BackupRefusedException($"The folder {folder} does not exist.");
        }
        var partial = destination + ".partial";
        File.Delete(partial);
        try
        {
            StoreSummary summary;
            using (var store = Open(storeConnectionString, SqliteOpenMode.ReadWrite))
            using (var copy = Open($"Data Source={partial}", SqliteOpenMode.ReadWriteCreate))
            {
                // One step (-1): the whole store under one read transaction, so the copy is one moment of it.
                store.BackupDatabase(copy);
                summary = Finish(copy, destination);
            }
            // Closed: the copy's WAL is checkpointed into it and removed, so the file alone is the backup.
            File.Move(partial, destination);
            return summary with { Bytes = new FileInfo(destination).Length };
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-wal");
            File.Delete(partial + "-shm");
        }
    }

    /// <summary>
    /// Replaces the store's contents with the backup's. The store as it was is first kept beside it
    /// (<c>…before-restore-…db</c>), so a restore of the wrong file can itself be undone.
    /// </summary>
    /// <returns>The restored store, and where the previous one was kept (null when there was none).</returns>
    public static (StoreSummary Restored, string? PreviousKeptAt) Restore(string storeConnectionString, string backupFile, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        backupFile = Path.GetFullPath(backupFile);
        if (!File.Exists(backupFile))
        {
            throw new BackupRefusedException($"There is no backup file {backupFile}.");
        }
        CheckIsArchive(backupFile);
        var storePath = new SqliteConnectionStringBuilder(storeConnectionString).DataSource;
        string? previous = null;
        if (File.Exists(storePath))
        {
            var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            previous = Path.ChangeExtension(storePath, null) + $".before-restore-{stamp}.db";
            Backup(storeConnectionString, previous);
        }
        StoreSummary restored;
        using (var backup = OpenBackup(backupFile))
        using (var store = Open(storeConnectionString, SqliteOpenMode.ReadWriteCreate))
        {
            backup.BackupDatabase(store);
            restored = Finish(store, storePath);
        }
        return (restored with { Bytes = new FileInfo(storePath).Length }, previous);
    }

    private static void CheckIsArchive(string file)
    {
        try
        {
            using var connection = OpenBackup(file);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Articles', 'Annotations')";
            if (Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 3)
            {
                throw new BackupRefusedException($"{file} is a SQLite database but not a LocalGovBlog store.");
            }
        }
        catch (SqliteException ex)
        {
            throw new BackupRefusedException($"{file} is not a readable SQLite database ({ex.Message}).");
        }
    }

    /// <summary>WAL on, as the app runs it, a check that the copy reads back whole, and what it holds.</summary>
    private static StoreSummary Finish(SqliteConnection copy, string path)
    {
        using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA quick_check;";
        var check = command.ExecuteScalar() as string;
        if (check != "ok")
        {
            throw new BackupRefusedException($"The copy did not read back whole ({check}); it was not kept.");
        }
        command.CommandText = "SELECT (SELECT count(*) FROM Articles), (SELECT count(*) FROM Annotations), (SELECT count(*) FROM AspNetUsers)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreSummary(path, 0, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>
    /// A backup file, opened to read. Read-write when it may be written (nothing is written), because only a
    /// read-write connection tidies away the -wal and -shm files SQLite makes beside a WAL file; read-only when
    /// it lives on read-only media.
    /// </summary>
    private static SqliteConnection OpenBackup(string file)
    {
        try
        {
            return Open($"Data Source={file}", SqliteOpenMode.ReadWrite);
        }
        catch (SqliteException)
        {
            return Open($"Data Source={file}", SqliteOpenMode.ReadOnly);
        }
    }

    private static SqliteConnection Open(string connectionString, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000;";
        command.ExecuteNonQuery();
        return connection;
    }
}
