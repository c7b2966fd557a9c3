using System.Data.Common;
using System.Globalization;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// "More like this" on FTS5: a scratch FTS5 table in the connection's temp schema, with the archive's own
/// tokenizer, holds the texts being compared, and bm25 ranks them. For a sample against the archive the
/// sample's words are weighed by how rare they are in the archive (fts5vocab over the index), the dozen
/// most telling ones find the closest articles by bm25, and those articles' paragraphs are ranked again,
/// paragraph by paragraph, in the scratch table.
/// </summary>
public sealed partial class SqliteArticleSearch
{
    protected override async Task<List<(string Term, long Count)>> SampleTermsAsync(string sample, CancellationToken cancellationToken)
    {
        var connection = Connection;
        await PrepareScratchAsync(connection, cancellationToken);
        await FillScratchAsync(connection, [sample], cancellationToken);
        var counts = new List<(string Term, long Count)>();
        await using var command = Command(connection, "SELECT term, cnt FROM temp.SimilarScratchTerms ORDER BY cnt DESC LIMIT 400");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return counts;
    }

    protected override async Task<long> DocumentsWithAsync(string term, CancellationToken cancellationToken)
    {
        await using var command = Command(Connection, "SELECT doc FROM temp.ArchiveTerms WHERE term = $match AND col = 'body'", term);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
    }

    protected override Task<List<int>> ClosestArticlesAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken) =>
        IdsAsync(Connection,
            $"SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $match ORDER BY bm25(ArticleSearch, 0.0, 0.0, 1.0, 0.0, 0.0) LIMIT {limit}",
            "body : (" + AnyOf(terms) + ")", cancellationToken);

    protected override Task<List<(int Key, double Score)>> RankAgainstTermsAsync(IReadOnlyList<string> texts, IReadOnlyList<string> terms, int limit,
        CancellationToken cancellationToken) =>
        RankScratchAsync(Connection, texts, AnyOf(terms), limit, cancellationToken);

    protected override async Task<List<(int Key, double Score)>> RankAgainstWordsAsync(IReadOnlyList<string> texts, IReadOnlyList<string> words, int limit,
        CancellationToken cancellationToken)
    {
        var connection = Connection;
        await PrepareScratchAsync(connection, cancellationToken);
        return await RankScratchAsync(connection, texts, AnyOf(words), limit, cancellationToken);
    }

    /// <summary>Puts <paramref name="texts"/> in the scratch table and ranks them by bm25 for <paramref name="match"/>:
    /// (index into texts, score where higher is closer).</summary>
    private async Task<List<(int Key, double Score)>> RankScratchAsync(DbConnection connection, IReadOnlyList<string> texts, string match, int limit, CancellationToken cancellationToken)
    {
        await FillScratchAsync(connection, texts, cancellationToken);
        var ranked = new List<(int, double)>();
        await using var command = Command(connection,
            $"SELECT rowid, bm25(SimilarScratch) AS score FROM temp.SimilarScratch WHERE SimilarScratch MATCH $match ORDER BY score LIMIT {limit}", match);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(((int)reader.GetInt64(0) - 1, -reader.GetDouble(1)));
        }
        return ranked;
    }

    private async Task PrepareScratchAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.SimilarScratch USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.SimilarScratchTerms USING fts5vocab(temp, SimilarScratch, row);
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.ArchiveTerms USING fts5vocab(main, ArticleSearch, col);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Empties the scratch table and fills it with <paramref name="texts"/>, rowid = position + 1.</summary>
    private async Task FillScratchAsync(DbConnection connection, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        await using (var clear = Command(connection, "DELETE FROM temp.SimilarScratch"))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var insert = Command(connection, "INSERT INTO temp.SimilarScratch (rowid, body) VALUES ($rowid, $match)", "");
        var rowid = insert.CreateParameter();
        rowid.ParameterName = "$rowid";
        insert.Parameters.Add(rowid);
        for (var i = 0; i < texts.Count; i++)
        {
            rowid.Value = i + 1;
            insert.Parameters["$match"].Value = texts[i];
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Terms as FTS5 strings joined by OR: each is letters and digits only, quoted, so none is syntax.</summary>
    private static string AnyOf(IEnumerable<string> terms) =>
        string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
