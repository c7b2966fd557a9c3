using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LocalGovBlog.Web.Operations;

/// <summary>The target of copy-store is not an empty PostgreSQL LocalGovBlog database, or the source is not SQLite.</summary>
public sealed class StoreCopyRefusedException(string message) : Exception(message);

/// <summary>
/// <c>copy-store --to "Host=…"</c>: copies a SQLite store into an empty PostgreSQL database — every table of the model
/// (articles, authors, themes, tags, accounts, roles, Data Protection keys) with its ids, so links, cookies and
/// tag addresses stay good. The target is migrated first; rows go in through binary COPY in one transaction, table
/// by table in the order their foreign keys need; then the search index is filled and the id sequences moved on.
/// </summary>
public static class StoreCopy
{
    public sealed record Copied(string Table, int Rows);

    public static async Task<IReadOnlyList<Copied>> CopyAsync(ArchiveDbContext source, string targetConnectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Database.IsNpgsql())
        {
            throw new StoreCopyRefusedException("copy-store copies a SQLite store; this program is configured for PostgreSQL (Store:Provider).");
        }
        await source.Database.MigrateAsync(cancellationToken); // the source at this version's schema, like the target
        await using var target = new PostgreSqlArchiveDbContext(new DbContextOptionsBuilder<PostgreSqlArchiveDbContext>().UseNpgsql(targetConnectionString).Options);
        await using (await PostgreSqlStore.LockAsync(target, PostgreSqlStore.StartupLock, "--to", cancellationToken))
        {
            await target.Database.MigrateAsync(cancellationToken);
        }
        if (await target.Articles.AnyAsync(cancellationToken) || await target.Users.AnyAsync(cancellationToken) || await target.Annotations.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            throw new StoreCopyRefusedException("The PostgreSQL database already holds articles, accounts or tags: copy-store only fills an empty one.");
        }

        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(cancellationToken);
        await target.Database.OpenConnectionAsync(cancellationToken);
        var postgres = (NpgsqlConnection)target.Database.GetDbConnection();
        var copied = new List<Copied>();
        await using (var transaction = await postgres.BeginTransactionAsync(cancellationToken))
        {
            var tables = InDependencyOrder(target.Model);
            // The migrations seeded the codebook; the source's own codebook (with its ids) replaces it.
            foreach (var table in Enumerable.Reverse(tables))
            {
                await using var clear = new NpgsqlCommand($"DELETE FROM \"{table.GetTableName()}\"", postgres, transaction);
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var table in tables)
            {
                copied.Add(new Copied(table.GetTableName()!, await CopyTableAsync(sqlite, postgres, table, cancellationToken)));
            }
            foreach (var table in tables)
            {
                await MoveSequenceOnAsync(postgres, transaction, table, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var search = new PostgreSqlArticleSearch(target, Options.Create(new SearchOptions()));
        var ids = await target.Articles.Select(a => a.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(2_000))
        {
            await search.IndexAsync(batch, cancellationToken);
        }
        return copied;
    }

    /// <summary>Every table of the model, each after the tables its foreign keys point to.</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t)
                && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle; copy-store cannot order its tables.");
            }
            foreach (var table in ready.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
            {
                ordered.Add(table);
                placed.Add(table);
            }
        }
        return ordered;
    }

    private static async Task<int> CopyTableAsync(SqliteConnection sqlite, NpgsqlConnection postgres, IEntityType table, CancellationToken cancellationToken)
    {
        var properties = table.GetProperties().Where(p => p.GetColumnName() is not null).ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
        await using var read = sqlite.CreateCommand();
#pragma warning disable CA2100 // table and column names come from the model, never from input
        read.CommandText = $"SELECT {columns} FROM \"{table.GetTableName()}\"";
#pragma warning restore CA2100
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await using var writer = await postgres.BeginBinaryImportAsync($"COPY \"{table.GetTableName()}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var types = properties.Select(p => Nullable.GetUnderlyingType(p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType)
            ?? p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType).ToList();
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < properties.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await writer.WriteNullAsync(cancellationToken);
                    continue;
                }
                await WriteAsync(writer, reader, i, types[i], cancellationToken);
            }
            rows++;
        }
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>One value as SQLite stores it, as PostgreSQL's column wants it: times are UTC (as the program always wrote them).</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter writer, SqliteDataReader reader, int i, Type type, CancellationToken cancellationToken) => type switch
    {
        _ when type == typeof(string) => writer.WriteAsync(reader.GetString(i), NpgsqlTypes.NpgsqlDbType.Text, cancellationToken),
        _ when type == typeof(int) => writer.WriteAsync(reader.GetInt32(i), NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken),
        _ when type == typeof(long) => writer.WriteAsync(reader.GetInt64(i), NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken),
        _ when type == typeof(bool) => writer.WriteAsync(reader.GetBoolean(i), NpgsqlTypes.NpgsqlDbType.Boolean, cancellationToken),
        _ when type == typeof(DateTime) => writer.WriteAsync(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc), NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken),
        _ when type == typeof(DateTimeOffset) => writer.WriteAsync(reader.GetDateTimeOffset(i).ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken),
        _ when type == typeof(DateOnly) => writer.WriteAsync(reader.GetFieldValue<DateOnly>(i), NpgsqlTypes.NpgsqlDbType.Date, cancellationToken),
        _ => throw new InvalidOperationException($"copy-store does not know how to copy a {type.Name} column."),
    };

    /// <summary>Rows came with their ids: the next id PostgreSQL hands out must come after them.</summary>
    private static async Task MoveSequenceOnAsync(NpgsqlConnection postgres, NpgsqlTransaction transaction, IEntityType table, CancellationToken cancellationToken)
    {
        var key = table.FindPrimaryKey();
        if (key is not { Properties: [var id] } || id.ValueGenerated != ValueGenerated.OnAdd || id.ClrType != typeof(int))
        {
            return;
        }
        var name = table.GetTableName();
        var column = id.GetColumnName();
        await using var command = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), (SELECT coalesce(max(\"{column}\"), 0) + 1 FROM \"{name}\"), false)",
            postgres, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
