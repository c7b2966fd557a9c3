using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Text;
using Microsoft.EntityFrameworkCore;

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
    /// <summary>Sample words searched for: the most telling ones by count × rarity.</summary>
    private const int SampleTerms = 12;

    /// <summary>Articles whose paragraphs are ranked.</summary>
    private const int CandidateArticles = 40;

    /// <summary>A word in more than this share of the archive tells nothing about a theme.</summary>
    private const double CommonShare = 0.2;

    public async Task<IReadOnlyList<SimilarPassage>> SimilarPassagesAsync(string sample, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (string.IsNullOrWhiteSpace(sample) || limit < 1)
        {
            return [];
        }
        var connection = await OpenAsync(cancellationToken);
        await PrepareScratchAsync(connection, cancellationToken);
        await FillScratchAsync(connection, [sample], cancellationToken);
        var counts = new List<(string Term, long Count)>();
        await using (var command = Command(connection, "SELECT term, cnt FROM temp.SimilarScratchTerms ORDER BY cnt DESC LIMIT 400"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        var articles = await ScalarAsync(connection, "SELECT count(*) FROM Articles", null, cancellationToken);
        var weighed = new List<(string Term, double Weight)>();
        foreach (var (term, count) in counts.Where(c => c.Term.Length >= 3 && !c.Term.All(char.IsAsciiDigit)))
        {
            await using var command = Command(connection, "SELECT doc FROM temp.ArchiveTerms WHERE term = $match AND col = 'body'", term);
            var documents = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
            if (documents > 0 && documents <= Math.Max(1, articles * CommonShare))
            {
                weighed.Add((term, count * Math.Log((double)articles / documents)));
            }
        }
        var terms = weighed.OrderByDescending(w => w.Weight).Take(SampleTerms).Select(w => w.Term).ToList();
        if (terms.Count == 0)
        {
            return [];
        }
        var match = AnyOf(terms);
        var ids = await IdsAsync(connection,
            $"SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $match ORDER BY bm25(ArticleSearch, 0.0, 0.0, 1.0, 0.0, 0.0) LIMIT {CandidateArticles}",
            "body : (" + match + ")", cancellationToken);
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Text }).ToDictionaryAsync(a => a.Id, a => a.Text, cancellationToken);
        var blocks = await db.ArticleBlocks.AsNoTracking().Where(b => ids.Contains(b.ArticleId) && b.Kind != BlockKind.Footnote)
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Ordinal).Select(b => new { b.ArticleId, b.Start, b.End }).ToListAsync(cancellationToken);
        blocks = [.. blocks.Where(b => texts.ContainsKey(b.ArticleId) && b.End <= texts[b.ArticleId].Length && b.End > b.Start)];
        var ranked = await RankScratchAsync(connection, [.. blocks.Select(b => texts[b.ArticleId][b.Start..b.End])], match, limit, cancellationToken);
        return [.. ranked.Select(r => new SimilarPassage(blocks[r.Key].ArticleId, blocks[r.Key].Start, blocks[r.Key].End, r.Score))];
    }

    public async Task<IReadOnlyList<RankedText>> RankTextsAsync(string query, IReadOnlyList<KeyedText> texts, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(texts);
        var words = Words().Matches(TextFolding.Fold(query)).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(64).ToList();
        if (words.Count == 0 || texts.Count == 0 || limit < 1)
        {
            return [];
        }
        var connection = await OpenAsync(cancellationToken);
        await PrepareScratchAsync(connection, cancellationToken);
        var ranked = await RankScratchAsync(connection, [.. texts.Select(t => t.Text)], AnyOf(words), limit, cancellationToken);
        return [.. ranked.Select(r => new RankedText(texts[r.Key].Key, r.Score))];
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

    [GeneratedRegex(@"[\p{L}\p{N}]{3,}")]
    private static partial Regex Words();
}
