using System.Text.RegularExpressions;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Text;
using Microsoft.EntityFrameworkCore;
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
    private const int SampleTerms = 12;

    private const int CandidateArticles = 40;

    /// <summary>Sample lexemes whose rarity is looked up (each is one index probe).</summary>
    private const int LexemesWeighed = 60;

    private const double CommonShare = 0.2;

    public async Task<IReadOnlyList<SimilarPassage>> SimilarPassagesAsync(string sample, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (string.IsNullOrWhiteSpace(sample) || limit < 1)
        {
            return [];
        }
        var connection = await OpenAsync(cancellationToken);
        var counts = new List<(string Lexeme, long Count)>();
        await using (var command = Command(connection,
            $"SELECT word, nentry FROM ts_stat(format('SELECT to_tsvector(%L, %L)', 'lgb_english', @sample::text)) ORDER BY nentry DESC, word LIMIT {LexemesWeighed}"))
        {
            command.Parameters.AddWithValue("sample", sample);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }
        var articles = await db.Articles.CountAsync(cancellationToken);
        var weighed = new List<(string Lexeme, double Weight)>();
        foreach (var (lexeme, count) in counts.Where(c => c.Lexeme.Length >= 3 && !c.Lexeme.All(char.IsAsciiDigit)))
        {
            await using var command = Command(connection, "SELECT count(*) FROM \"Articles\" a WHERE a.\"SearchVector\" @@ quote_literal(@lexeme)::tsquery");
            command.Parameters.AddWithValue("lexeme", lexeme);
            var documents = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (documents > 0 && documents <= Math.Max(1, articles * CommonShare))
            {
                weighed.Add((lexeme, count * Math.Log((double)articles / documents)));
            }
        }
        var lexemes = weighed.OrderByDescending(w => w.Weight).Take(SampleTerms).Select(w => w.Lexeme).ToArray();
        if (lexemes.Length == 0)
        {
            return [];
        }
        const string AnyLexeme = "(SELECT string_agg(quote_literal(l), ' | ')::tsquery AS query FROM unnest(@lexemes) l) q";
        var ids = new List<int>();
        await using (var command = Command(connection,
            $"SELECT a.\"Id\" FROM \"Articles\" a, {AnyLexeme} WHERE a.\"SearchVector\" @@ q.query ORDER BY ts_rank_cd(a.\"SearchVector\", q.query) DESC LIMIT {CandidateArticles}"))
        {
            command.Parameters.Add(new NpgsqlParameter("lexemes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lexemes });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Text }).ToDictionaryAsync(a => a.Id, a => a.Text, cancellationToken);
        var blocks = await db.ArticleBlocks.AsNoTracking().Where(b => ids.Contains(b.ArticleId) && b.Kind != BlockKind.Footnote)
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Ordinal).Select(b => new { b.ArticleId, b.Start, b.End }).ToListAsync(cancellationToken);
        blocks = [.. blocks.Where(b => texts.ContainsKey(b.ArticleId) && b.End <= texts[b.ArticleId].Length && b.End > b.Start)];
        var ranked = await RankAsync(connection, [.. blocks.Select(b => texts[b.ArticleId][b.Start..b.End])], AnyLexeme, "lexemes", lexemes, limit, cancellationToken);
        return [.. ranked.Select(r => new SimilarPassage(blocks[r.Key].ArticleId, blocks[r.Key].Start, blocks[r.Key].End, r.Score))];
    }

    public async Task<IReadOnlyList<RankedText>> RankTextsAsync(string query, IReadOnlyList<KeyedText> texts, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(texts);
        var words = Words().Matches(TextFolding.Fold(query)).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(64).ToArray();
        if (words.Length == 0 || texts.Count == 0 || limit < 1)
        {
            return [];
        }
        var connection = await OpenAsync(cancellationToken);
        // Each word quoted, joined by "or": websearch_to_tsquery reads no other syntax into them.
        const string AnyWord = "(SELECT websearch_to_tsquery('lgb_english', string_agg('\"' || w || '\"', ' or ')) AS query FROM unnest(@words) w) q";
        var ranked = await RankAsync(connection, [.. texts.Select(t => t.Text)], AnyWord, "words", words, limit, cancellationToken);
        return [.. ranked.Select(r => new RankedText(texts[r.Key].Key, r.Score))];
    }

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

    [GeneratedRegex(@"[\p{L}\p{N}]{3,}")]
    private static partial Regex Words();
}
