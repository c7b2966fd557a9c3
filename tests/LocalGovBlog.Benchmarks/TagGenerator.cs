using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// Fills an imported store with passage tags in bulk, in SQL: <c>users</c> taggers, then <c>count</c> tags spread
/// the way real use spreads them: most articles have none, and the tagged ones (three in ten, picked at random)
/// get a Zipf-like share, the article at rank r about C / r tags, capped at <see cref="MaxTagsPerArticle"/> — so a
/// few hundred articles are heavily tagged and most tagged articles have a handful. Each tag sits on the
/// opening of a random body block of its article (up to ~300 characters, its quote copied from the text), with one
/// theme from the ten seeded ones (most often the article's own, so articles lean to a theme as real ones do) and
/// a second theme on three tags in ten, nine in ten public. Articles without a date get one spread over 2012–2023,
/// so themes over time have months to draw.
/// </summary>
internal static class TagGenerator
{
    /// <summary>The most tags one article gets: fifty taggers with ten passages each.</summary>
    public const int MaxTagsPerArticle = 500;

    /// <summary>The share of articles with any tag.</summary>
    public const double TaggedShare = 0.3;

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
            var articleCount = (int)await ScalarAsync(connection, "SELECT count(*) FROM Articles", transaction);
            var perArticle = ZipfCounts(Math.Max(1, (int)(articleCount * TaggedShare)), count, MaxTagsPerArticle);
            await ExecuteAsync(connection, "CREATE TEMP TABLE tag_quota (Rank INTEGER PRIMARY KEY, Tags INTEGER NOT NULL)", transaction);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO tag_quota (Rank, Tags) VALUES ($rank, $tags)";
                var rank = insert.Parameters.Add("$rank", SqliteType.Integer);
                var quota = insert.Parameters.Add("$tags", SqliteType.Integer);
                for (var i = 0; i < perArticle.Length; i++)
                {
                    rank.Value = i + 1;
                    quota.Value = perArticle[i];
                    await insert.ExecuteNonQueryAsync();
                }
            }
            // Ranks go to random articles; each tag then picks a random block of its own article (an article's block
            // ids are dense, so a random id between its smallest and largest finds one).
            await ExecuteAsync(connection, $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {MaxTagsPerArticle}),
                     ranked AS MATERIALIZED (SELECT Id, row_number() OVER (ORDER BY random()) AS Rank FROM Articles),
                     chosen AS MATERIALIZED (SELECT ranked.Id AS ArticleId, q.Tags FROM ranked JOIN tag_quota q ON q.Rank = ranked.Rank),
                     bounds AS MATERIALIZED (SELECT b.ArticleId, min(b.Id) AS lo, max(b.Id) AS hi, chosen.Tags
                                             FROM chosen JOIN ArticleBlocks b ON b.ArticleId = chosen.ArticleId GROUP BY b.ArticleId),
                     picks AS MATERIALIZED (SELECT bounds.lo + abs(random()) % (bounds.hi - bounds.lo + 1) AS block,
                                                   40 + abs(random()) % 260 AS length, 1 + abs(random()) % {users} AS tagger,
                                                   abs(random()) % 10 <> 0 AS public FROM bounds JOIN n ON n.i <= bounds.Tags)
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

    /// <summary>
    /// Tags per tagged article, most first: about C / rank, at most <paramref name="cap"/>, C chosen so they add up
    /// to <paramref name="total"/> (or as near as <paramref name="articles"/> × <paramref name="cap"/> allows).
    /// </summary>
    internal static int[] ZipfCounts(int articles, int total, int cap)
    {
        double Sum(double c)
        {
            var sum = 0.0;
            for (var r = 1; r <= articles; r++)
            {
                sum += Math.Min(cap, Math.Floor(c / r));
            }
            return sum;
        }
        double low = 0, high = (double)total * articles;
        for (var step = 0; step < 100 && high - low > 0.5; step++)
        {
            var mid = (low + high) / 2;
            (Sum(mid) < total ? ref low : ref high) = mid;
        }
        var counts = new int[articles];
        var left = total;
        for (var r = 1; r <= articles; r++)
        {
            counts[r - 1] = (int)Math.Min(left, Math.Min(cap, Math.Floor(low / r)));
            left -= counts[r - 1];
        }
        // What rounding left over goes one by one to the articles below the cap, most tagged first.
        for (var i = 0; left > 0 && i < articles; i++)
        {
            if (counts[i] < cap)
            {
                counts[i]++;
                left--;
            }
        }
        return counts;
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

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
