using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Data;

/// <summary>The configured store can't be used as it is: the message says which file and what to do.</summary>
public sealed class StoreUnusableException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Opens the store once before anything else touches it, so a wrong file gets one clear message, not a stack trace.</summary>
public static class StoreFile
{
    private const int CantOpen = 14;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    public static async Task CheckAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A connection of its own, outside EF, so a wrong file is reported here once rather than logged by EF with a stack trace.
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        var path = connection.DataSource;
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA schema_version;";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is NotADatabase)
        {
            throw new StoreUnusableException(
                $"The store {path} is not a SQLite database. Point ConnectionStrings:Default at a LocalGovBlog store, "
                + "or at a path where no file exists yet to start an empty one.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is Corrupt)
        {
            throw new StoreUnusableException($"The store {path} is damaged ({ex.Message}). Restore it from a backup (see docs/deploy.md).", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is CantOpen)
        {
            throw new StoreUnusableException(
                $"The store {path} can't be opened: check that its folder exists and that this account may read and write it.", ex);
        }
    }
}
