using System.Diagnostics;
using System.Globalization;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Pages.Articles;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// A bounded latency harness: runs each query <c>runs</c> times against an imported store, as the
/// search page does (the seam's count, rank, snippets and facets, then the list items), and prints
/// p50/p95/max. Terms are picked from the SQLite index by the share of articles they match. Given a PostgreSQL
/// connection string to a store that imported the same dump, the same queries run there too, one after the other.
/// </summary>
internal static class SearchLatency
{
    public static async Task RunAsync(string databasePath, int runs, string? postgreSql = null)
    {
        var options = new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite($"Data Source={databasePath}")
            .Options;
        await using var db = new ArchiveDbContext(options);
        await db.Database.OpenConnectionAsync();
        var search = new SqliteArticleSearch(db, Options.Create(new SearchOptions()));
        var total = await db.Articles.CountAsync();
        var vocabulary = await VocabularyAsync(db);
        await RunQueriesAsync(db, search, $"SQLite {databasePath}", total, vocabulary, runs);
        if (postgreSql is null)
        {
            return;
        }
        await using var pg = new PostgreSqlArchiveDbContext(new DbContextOptionsBuilder<PostgreSqlArchiveDbContext>().UseNpgsql(postgreSql).Options);
        await pg.Database.OpenConnectionAsync();
        Console.WriteLine();
        await RunQueriesAsync(pg, new PostgreSqlArticleSearch(pg, Options.Create(new SearchOptions())), "PostgreSQL " + pg.Database.GetDbConnection().Database,
            await pg.Articles.CountAsync(), vocabulary, runs);
    }

    private static async Task RunQueriesAsync(ArchiveDbContext db, IArticleSearch search, string store, int total, List<(string Term, long Docs)> vocabulary, int runs)
    {
        var limits = new SearchOptions();
        Console.WriteLine($"{total:N0} articles in {store}; {runs} runs per query; rank limit {limits.RankLimit:N0}, facet limit {limits.FacetLimit:N0}");

        string Near(double share) => vocabulary.MinBy(v => Math.Abs(v.Docs - share * total)).Term;

        var queries = new List<(string Label, string Words, int? Author)>
        {
            ("~0.1% term", Near(0.001), null),
            ("~1% term", Near(0.01), null),
            ("~5% term", Near(0.05), null),
            ("~9% term", Near(0.09), null),
            ("two rare terms", $"{Near(0.05)} {Near(0.09)}", null),
            ("phrase", "\"combined authority\"", null),
            ("stemmed", "partnerships", null),
            ("~30% term", Near(0.3), null),
            ("common: council", "council", null),
            ("commonest: the", "the", null),
            ("common pair", "local government", null),
        };
        var staite = await db.Authors.Where(a => a.SearchName.Contains("staite")).Select(a => a.Id).FirstAsync();
        queries.Add(("author + common word", "council", staite));
        queries.Add(("author + ~5% term", Near(0.05), staite));

        Console.WriteLine($"{"search",-22} {"query",-28} {"matches",8} {"ranked",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var (label, words, author) in queries)
        {
            SearchResults? last = null;
            var timings = await TimeAsync(runs, async () =>
            {
                last = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(words), author is null ? null : [author.Value], null, 1, 20), default);
                var ids = last.Hits.Select(h => h.ArticleId).ToList();
                await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListItemsAsync(default);
            });
            Print(label, words, last!.Total, last.Ranked ? "yes" : "no", timings);
            if (Environment.GetEnvironmentVariable("SEARCH_BENCH_PARTS") is not null)
            {
                var request = new SearchRequest(SearchQuery.Parse(words), author is null ? null : [author.Value], null, 1, 20);
                Print("  seam only", words, last.Total, "", await TimeAsync(runs, () => search.SearchAsync(request, default)));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"author lookup",-22} {"typed",-28} {"found",8} {"",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var typed in new[] { "staite", "cath", "zoe muller", "Professor Jon Hale", "o’brien", "a", "zzz" })
        {
            var found = 0;
            var timings = await TimeAsync(runs, async () =>
                found = (await db.Authors.AsNoTracking().MatchingName(typed).OrderBy(a => a.SearchName).Take(200)
                    .Select(a => new { a.Slug, a.Name, a.Role, a.Bio, Count = a.Articles.Count }).ToListAsync()).Count);
            Print("GET /api/authors?q=", typed, found, "", timings);
        }
    }

    private static async Task<List<(string Term, long Docs)>> VocabularyAsync(ArchiveDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, ArticleSearch, row)";
        await create.ExecuteNonQueryAsync();
        await using var read = connection.CreateCommand();
        // Made-up tail words only: real English stems would be changed by the porter stemmer.
        read.CommandText = "SELECT term, doc FROM temp.search_vocabulary WHERE length(term) >= 6";
        var terms = new List<(string, long)>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            terms.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return terms;
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }
        var timings = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            timings[i] = stopwatch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(timings);
        return timings;
    }

    private static void Print(string label, string query, int count, string ranked, double[] sorted)
    {
        static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        var shown = query.Length > 28 ? query[..27] + "…" : query;
        Console.WriteLine($"{label,-22} {shown,-28} {count,8:N0} {ranked,7} {Ms(Percentile(sorted, 0.50)),8} {Ms(Percentile(sorted, 0.95)),8} {Ms(sorted[^1]),8}");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
