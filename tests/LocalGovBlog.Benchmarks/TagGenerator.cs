using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// Fills an imported store with passage tags in bulk, in SQL: <c>users</c> taggers, then <c>count</c> tags, each
/// on the opening of a random body block (up to ~300 characters, its quote copied from the text), with one
/// theme from the ten seeded ones (most often the article's own, so articles lean to a theme as real ones do) and a second theme on three tags in ten, nine in ten public. Articles
/// without a date get one spread over 2012–2023, so themes over time have months to draw.
/// </summary>
internal static class TagGenerator
{
    public static async Task RunAsync(string databasePath, int count, int users)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000;");
        await using (var transaction = connection.BeginTransaction())
        {
            for (var i = 1; i <= users; i++)
            {
                var name = $"tagger{i:D3}";
                await ExecuteAsync(connection, $"""
                    INSERT OR IGNORE INTO AspNetUsers (Id, UserName, NormalizedUserName, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, RegisteredAtUtc, SecurityStamp, ConcurrencyStamp)
                    VALUES ('bench-{name}', '{name}', '{name.ToUpperInvariant()}', 0, 0, 0, 1, 0, '2026-01-01 00:00:00', '{Guid.NewGuid()}', '{Guid.NewGuid()}');
                    """, transaction);
            }
            await ExecuteAsync(connection,
                "UPDATE Articles SET Published = date('2012-01-01', '+' || (abs(random()) % 4380) || ' days') WHERE Published IS NULL", transaction);
            // A random block per tag: block ids are dense from 1, so a random id between the smallest and largest finds one.
            await ExecuteAsync(connection, $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}),
                     bounds AS (SELECT min(Id) AS lo, max(Id) AS hi FROM ArticleBlocks),
                     picks AS MATERIALIZED (SELECT n.i, bounds.lo + abs(random()) % (bounds.hi - bounds.lo + 1) AS block,
                                                   40 + abs(random()) % 260 AS length, 1 + abs(random()) % {users} AS tagger,
                                                   abs(random()) % 10 <> 0 AS public FROM n, bounds)
                INSERT INTO Annotations (ArticleId, OwnerId, Start, "End", Exact, Prefix, Suffix, Note, IsPublic, IsOrphan, CreatedAtUtc, UpdatedAtUtc)
                SELECT b.ArticleId, 'bench-tagger' || printf('%03d', picks.tagger),
                       b.Start, b.Start + min(b."End" - b.Start, picks.length),
                       substr(a.Text, b.Start + 1, min(b."End" - b.Start, picks.length)), '', '', NULL,
                       picks.public, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00'
                FROM picks JOIN ArticleBlocks b ON b.Id = picks.block JOIN Articles a ON a.Id = b.ArticleId;
                """, transaction);
            await ExecuteAsync(connection, """
                WITH themed AS MATERIALIZED (SELECT Id, CASE WHEN abs(random()) % 10 < 6 THEN 1 + (ArticleId * 7) % 10 ELSE 1 + abs(random()) % 10 END AS theme, abs(random()) % 10 < 3 AS second, 1 + abs(random()) % 10 AS other
                                             FROM Annotations WHERE OwnerId LIKE 'bench-%')
                INSERT OR IGNORE INTO AnnotationThemes (AnnotationId, ThemeId)
                SELECT Id, theme FROM themed UNION ALL SELECT Id, other FROM themed WHERE second;
                """, transaction);
            await transaction.CommitAsync();
        }
        await ExecuteAsync(connection, "ANALYZE;");
        var tags = await ScalarAsync(connection, "SELECT count(*) FROM Annotations");
        var links = await ScalarAsync(connection, "SELECT count(*) FROM AnnotationThemes");
        Console.WriteLine($"{tags:N0} tags with {links:N0} themes in {databasePath} ({stopwatch.Elapsed.TotalSeconds:0.0} s)");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
#pragma warning disable CA2100 // Numbers and fixed SQL only.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
