using Npgsql;
using NpgsqlTypes;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// "More like this" on PostgreSQL, following the SQLite version: the sample's lexemes (ts_stat over its tsvector)
/// are weighed by count × rarity in the archive (each one's document count from the GIN index), the dozen most
/// telling ones find the closest articles by ts_rank_cd, and those articles' paragraphs are ranked again one by one.
/// </summary>
public sealed partial class PostgreSqlArticleSearch
{
    /// <summary>Sample lexemes whose rarity is looked up (each is one index probe).</summary>
    private const int LexemesWeighed = 60;

    private const string AnyLexeme = "(SELECT string_agg(quote_literal(l), ' | ')::tsquery AS query FROM unnest(@lexemes) l) q";

    /// <summary>The sample's lexemes (ts_stat over its tsvector).</summary>
    protected override async Task<List<(string Term, long Count)>> SampleTermsAsync(string sample, CancellationToken cancellationToken)
    {
        var counts = new List<(string Term, long Count)>();
        await using var command = Command(Connection,
            $"SELECT word, nentry FROM ts_stat(format('SELECT to_tsvector(%L, %L)', 'lgb_english', @sample::text)) ORDER BY nentry DESC, word LIMIT {LexemesWeighed}");
        command.Parameters.AddWithValue("sample", sample);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return counts;
    }

    /// <summary>One probe of the GIN index.</summary>
    protected override async Task<long> DocumentsWithAsync(string term, CancellationToken cancellationToken)
    {
        await using var command = Command(Connection, "SELECT count(*) FROM \"Articles\" a WHERE a.\"SearchVector\" @@ quote_literal(@lexeme)::tsquery");
        command.Parameters.AddWithValue("lexeme", term);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    protected override async Task<List<int>> ClosestArticlesAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var command = Command(Connection,
            $"SELECT a.\"Id\" FROM \"Articles\" a, {AnyLexeme} WHERE a.\"SearchVector\" @@ q.query ORDER BY ts_rank_cd(a.\"SearchVector\", q.query) DESC LIMIT {limit}");
        command.Parameters.Add(new NpgsqlParameter("lexemes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    protected override Task<List<(int Key, double Score)>> RankAgainstTermsAsync(IReadOnlyList<string> texts, IReadOnlyList<string> terms, int limit,
        CancellationToken cancellationToken) =>
        RankAsync(Connection, texts, AnyLexeme, "lexemes", [.. terms], limit, cancellationToken);

    /// <summary>Each word quoted, joined by "or": websearch_to_tsquery reads no other syntax into them.</summary>
    protected override Task<List<(int Key, double Score)>> RankAgainstWordsAsync(IReadOnlyList<string> texts, IReadOnlyList<string> words, int limit,
        CancellationToken cancellationToken) =>
        RankAsync(Connection, texts, "(SELECT websearch_to_tsquery('lgb_english', string_agg('\"' || w || '\"', ' or ')) AS query FROM unnest(@words) w) q",
            "words", [.. words], limit, cancellationToken);

    /// <summary>Ranks <paramref name="texts"/> by ts_rank_cd for the query <paramref name="queryFrom"/> builds: (index into texts, score).</summary>
    private async Task<List<(int Key, double Score)>> RankAsync(NpgsqlConnection connection, IReadOnlyList<string> texts, string queryFrom,
        string termsName, string[] terms, int limit, CancellationToken cancellationToken)
    {
        var ranked = new List<(int, double)>();
        await using var command = Command(connection, $"""
            SELECT t.ord, ts_rank_cd(to_tsvector('lgb_english', t.body), q.query) AS score
            FROM unnest(@texts) WITH ORDINALITY t(body, ord), {queryFrom}
            WHERE to_tsvector('lgb_english', t.body) @@ q.query
            ORDER BY score DESC, t.ord LIMIT {limit}
            """);
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts.ToArray() });
        command.Parameters.Add(new NpgsqlParameter(termsName, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(((int)reader.GetInt64(0) - 1, reader.GetFloat(1)));
        }
        return ranked;
    }
}
