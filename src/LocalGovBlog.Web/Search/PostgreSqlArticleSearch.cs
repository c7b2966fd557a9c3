using System.Data;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// Search on PostgreSQL (<see cref="PostgreSqlSearchSchema"/>): the generated, weighted <c>tsvector</c> column
/// <c>Articles.SearchVector</c> under a GIN index, English stemming with accents folded, the reader's words through
/// <c>websearch_to_tsquery</c>, <c>ts_rank_cd</c> with the same capped-ranking rule as SQLite's bm25, and
/// <c>ts_headline</c> snippets marked as SQLite marks them. Author names and visible tag notes live in two text
/// columns of the article (<c>SearchAuthors</c>, <c>SearchNotes</c>) that <see cref="IndexAsync"/> keeps in step.
/// </summary>
public sealed partial class PostgreSqlArticleSearch(ArchiveDbContext db, IOptions<SearchOptions> settings) : IArticleSearch
{
    /// <summary>ts_rank_cd weights for D, C, B, A: body and notes 0.1, standfirst 0.4, authors 0.6, title 1 — the
    /// proportions of SQLite's bm25 weights (title 10, authors 6, standfirst 4, body 1; notes are between).</summary>
    private const string Rank = "ts_rank_cd('{0.1, 0.4, 0.6, 1.0}', a.\"SearchVector\", q.query)";

    /// <summary>The reader's words; every term is double-quoted, so websearch_to_tsquery reads no operator ("or", "-").</summary>
    private const string Query = "(SELECT websearch_to_tsquery('lgb_english', @words) AS query) q";

    /// <summary>The same words restricted to the title, authors and standfirst (weights A, B and C).</summary>
    private const string HeadQuery =
        "(SELECT regexp_replace(websearch_to_tsquery('lgb_english', @words)::text, '''([^'']*)''', '''\\1'':ABC', 'g')::tsquery AS query) h";

    /// <summary>The parser reads "&lt;script&gt;" and "&amp;amp;" as markup and ts_headline drops them; the text must come out as
    /// written, so both characters travel as private-use stand-ins and are put back before the snippet is encoded.</summary>
    private const char LessThan = '\uE000';

    private const char Ampersand = '\uE001';

    private const string Headline =
        "ts_headline('lgb_english', translate(coalesce(a.\"Standfirst\", '') || E'\\n' || a.\"Text\" || E'\\n' || a.\"SearchNotes\", '<&', chr(57344) || chr(57345)), q.query, "
        + "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, ShortWord=3, MaxFragments=1, FragmentDelimiter=\"…\"')";

    /// <summary>Articles with a public tag that is still anchored; completed with a theme condition on <c>t</c>.</summary>
    private const string TaggedArticles =
        "SELECT an.\"ArticleId\" FROM \"Annotations\" an JOIN \"AnnotationThemes\" t ON t.\"AnnotationId\" = an.\"Id\" "
        + "WHERE an.\"IsPublic\" AND NOT an.\"IsOrphan\" AND an.\"DeletedAtUtc\" IS NULL";

    /// <inheritdoc cref="SearchOptions.RankLimit"/>
    public int RankLimit { get; } = settings.Value.RankLimit;

    /// <inheritdoc cref="SearchOptions.FacetLimit"/>
    public int FacetLimit { get; } = settings.Value.FacetLimit;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Words.IsEmpty && request.AuthorIds is null && request.ThemeIds is null
            || request.AuthorIds is { Count: 0 } || request.ThemeIds is { Count: 0 })
        {
            return SearchResults.None;
        }
        var connection = await OpenAsync(cancellationToken);
        var offset = (Math.Max(1, request.Page) - 1) * request.PageSize;
        var filters = new List<string>();
        if (request.AuthorIds is not null)
        {
            filters.Add("a.\"Id\" IN (SELECT \"ArticleId\" FROM \"ArticleAuthors\" WHERE \"AuthorId\" = ANY(@authors))");
        }
        if (request.ThemeIds is not null)
        {
            filters.Add($"a.\"Id\" IN ({TaggedArticles} AND t.\"ThemeId\" = ANY(@themes))");
        }
        var filter = filters.Count > 0 ? " AND " + string.Join(" AND ", filters) : "";
        var parameters = new Parameters(WebSearchText(request.Words), request.AuthorIds, request.ThemeIds);

        if (request.Words.IsEmpty)
        {
            var count = await ScalarAsync(connection, $"SELECT count(*) FROM \"Articles\" a WHERE TRUE{filter}", parameters, cancellationToken);
            var ids = await IdsAsync(connection,
                $"SELECT a.\"Id\" FROM \"Articles\" a WHERE TRUE{filter} ORDER BY a.\"SourceOrder\" LIMIT {request.PageSize} OFFSET {offset}", parameters, cancellationToken);
            return new SearchResults([.. ids.Select(id => new SearchHit(id, null))], count, Ranked: false, []);
        }

        var from = $"FROM \"Articles\" a, {Query} WHERE a.\"SearchVector\" @@ q.query{filter}";
        var total = await ScalarAsync(connection, $"SELECT count(*) {from}", parameters, cancellationToken);
        if (total == 0)
        {
            return SearchResults.None;
        }
        var ranked = total <= RankLimit;
        var pageIds = ranked
            ? await IdsAsync(connection, $"SELECT a.\"Id\" {from} ORDER BY {Rank} DESC, a.\"Id\" LIMIT {request.PageSize} OFFSET {offset}", parameters, cancellationToken)
            : await HeadFirstAsync(connection, from, filter, parameters, request.PageSize, offset, cancellationToken);
        var snippets = await SnippetsAsync(connection, pageIds, parameters, cancellationToken);
        var hits = pageIds.Select(id => new SearchHit(id, SnippetHtml.Render(snippets.GetValueOrDefault(id)))).ToList();
        var facets = await AuthorFacetsAsync(connection, parameters, filters.Count == 0 ? total : null, cancellationToken);
        var themeFacets = await ThemeFacetsAsync(connection, parameters, cancellationToken);
        return new SearchResults(hits, total, ranked, facets) { ThemeFacets = themeFacets };
    }

    /// <summary>Too many matches to rank: those with the words in the title, authors or standfirst come first by rank
    /// when there are few enough of them, then every other match in archive order (as SQLite does).</summary>
    private async Task<List<int>> HeadFirstAsync(NpgsqlConnection connection, string from, string filter, Parameters parameters,
        int pageSize, int offset, CancellationToken cancellationToken)
    {
        var headFrom = $"FROM \"Articles\" a, {Query}, {HeadQuery} WHERE a.\"SearchVector\" @@ h.query{filter}";
        var headCount = await ScalarAsync(connection, $"SELECT count(*) {headFrom}", parameters, cancellationToken);
        if (headCount == 0 || headCount > RankLimit)
        {
            return await IdsAsync(connection, $"SELECT a.\"Id\" {from} ORDER BY a.\"Id\" LIMIT {pageSize} OFFSET {offset}", parameters, cancellationToken);
        }
        var ids = offset < headCount
            ? await IdsAsync(connection, $"SELECT a.\"Id\" {headFrom} ORDER BY {Rank} DESC, a.\"Id\" LIMIT {pageSize} OFFSET {offset}", parameters, cancellationToken)
            : [];
        if (ids.Count < pageSize)
        {
            ids.AddRange(await IdsAsync(connection,
                $"SELECT a.\"Id\" FROM \"Articles\" a, {Query}, {HeadQuery} WHERE a.\"SearchVector\" @@ q.query AND NOT (a.\"SearchVector\" @@ h.query){filter} "
                + $"ORDER BY a.\"Id\" LIMIT {pageSize - ids.Count} OFFSET {Math.Max(0, offset - headCount)}", parameters, cancellationToken));
        }
        return ids;
    }

    public async Task IndexAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return;
        }
        var connection = await OpenAsync(cancellationToken);
        var ids = articleIds.Distinct().Order().ToArray();
        // Lock the articles first (in id order, so two writers never deadlock), then read their authors and notes in a
        // statement of its own: under read committed it sees every tag a writer that held the lock before us committed.
        await using (var lockRows = Command(connection, "SELECT 1 FROM \"Articles\" WHERE \"Id\" = ANY(@ids) ORDER BY \"Id\" FOR UPDATE"))
        {
            lockRows.Parameters.AddWithValue("ids", ids);
            await lockRows.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = Command(connection, """
            UPDATE "Articles" a SET "SearchAuthors" = s.authors, "SearchNotes" = s.notes
            FROM (SELECT x."Id",
                         coalesce((SELECT string_agg(au."Name" || ' ' || au."SearchName", ' ' ORDER BY aa."Position")
                                   FROM "ArticleAuthors" aa JOIN "Authors" au ON au."Id" = aa."AuthorId"
                                   WHERE aa."ArticleId" = x."Id"), '') AS authors,
                         coalesce((SELECT string_agg(an."Note", ' ' ORDER BY an."Id") FROM "Annotations" an
                                   WHERE an."ArticleId" = x."Id" AND an."IsPublic" AND NOT an."IsOrphan"
                                     AND an."DeletedAtUtc" IS NULL AND an."Note" IS NOT NULL), '') AS notes
                  FROM "Articles" x WHERE x."Id" = ANY(@ids)) s
            WHERE a."Id" = s."Id" AND (a."SearchAuthors" <> s.authors OR a."SearchNotes" <> s.notes)
            """);
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The text the importer writes into <c>SearchAuthors</c> for a new article, as <see cref="IndexAsync"/> would.</summary>
    public static string AuthorsText(IEnumerable<Author> authorsInBylineOrder) =>
        string.Join(' ', authorsInBylineOrder.Select(au => au.Name + " " + au.SearchName));

    /// <summary>Every term double-quoted: a phrase stays a phrase and no word is read as an operator.</summary>
    private static string WebSearchText(SearchQuery words) =>
        string.Join(' ', words.Terms.Select(term => "\"" + string.Join(' ', term) + "\""));

    /// <summary>Counts per author across every article the words match, whatever author is chosen;
    /// skipped when the words match too much of the archive.</summary>
    private async Task<IReadOnlyList<SearchFacet>> AuthorFacetsAsync(NpgsqlConnection connection, Parameters parameters, int? knownTotal, CancellationToken cancellationToken)
    {
        var total = knownTotal ?? await ScalarAsync(connection, $"SELECT count(*) FROM \"Articles\" a, {Query} WHERE a.\"SearchVector\" @@ q.query", parameters, cancellationToken);
        if (total > FacetLimit)
        {
            return [];
        }
        return await FacetsAsync(connection, $"""
            WITH hits AS MATERIALIZED (SELECT a."Id" FROM "Articles" a, {Query} WHERE a."SearchVector" @@ q.query),
                 counts AS (SELECT aa."AuthorId", count(*) AS n FROM hits JOIN "ArticleAuthors" aa ON aa."ArticleId" = hits."Id" GROUP BY aa."AuthorId")
            SELECT au."Id", au."Slug", au."Name", counts.n
            FROM counts JOIN "Authors" au ON au."Id" = counts."AuthorId"
            ORDER BY counts.n DESC, au."SearchName"
            LIMIT 12
            """, parameters, cancellationToken);
    }

    /// <summary>Matching articles per theme, for the words alone, driven from the tagged articles.</summary>
    private async Task<IReadOnlyList<SearchFacet>> ThemeFacetsAsync(NpgsqlConnection connection, Parameters parameters, CancellationToken cancellationToken) =>
        await FacetsAsync(connection, $"""
            WITH tagged AS (SELECT DISTINCT t."ThemeId", an."ArticleId" FROM "Annotations" an JOIN "AnnotationThemes" t ON t."AnnotationId" = an."Id"
                            WHERE an."IsPublic" AND NOT an."IsOrphan" AND an."DeletedAtUtc" IS NULL),
                 counts AS (SELECT tagged."ThemeId", count(*) AS n FROM tagged JOIN "Articles" a ON a."Id" = tagged."ArticleId", {Query}
                            WHERE a."SearchVector" @@ q.query
                            GROUP BY tagged."ThemeId")
            SELECT th."Id", th."Slug", th."Name", counts.n
            FROM counts JOIN "Themes" th ON th."Id" = counts."ThemeId"
            ORDER BY counts.n DESC, th."Name"
            LIMIT 12
            """, parameters, cancellationToken);

    private async Task<IReadOnlyList<SearchFacet>> FacetsAsync(NpgsqlConnection connection, string sql, Parameters parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var facets = new List<SearchFacet>();
        while (await reader.ReadAsync(cancellationToken))
        {
            facets.Add(new SearchFacet(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), (int)reader.GetInt64(3)));
        }
        return facets;
    }

    private async Task<Dictionary<int, string>> SnippetsAsync(NpgsqlConnection connection, List<int> ids, Parameters parameters, CancellationToken cancellationToken)
    {
        var snippets = new Dictionary<int, string>();
        if (ids.Count == 0)
        {
            return snippets;
        }
        await using var command = Command(connection, $"SELECT a.\"Id\", {Headline} FROM \"Articles\" a, {Query} WHERE a.\"Id\" = ANY(@page)", parameters);
        command.Parameters.AddWithValue("page", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snippets[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1).Replace(LessThan, '<').Replace(Ampersand, '&');
        }
        return snippets;
    }

    private async Task<int> ScalarAsync(NpgsqlConnection connection, string sql, Parameters parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<int>> IdsAsync(NpgsqlConnection connection, string sql, Parameters parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, Parameters? parameters = null)
    {
        // Only numbers and fixed SQL are spliced in; the reader's words and the ids travel as parameters.
#pragma warning disable CA2100
        var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
#pragma warning restore CA2100
        if (parameters is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Text) { Value = parameters.Words });
            command.Parameters.Add(new NpgsqlParameter("authors", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = parameters.AuthorIds?.ToArray() ?? [] });
            command.Parameters.Add(new NpgsqlParameter("themes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = parameters.ThemeIds?.ToArray() ?? [] });
        }
        return command;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            // EF closes it again when the context is disposed.
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        return connection;
    }

    private sealed record Parameters(string Words, IReadOnlyList<int>? AuthorIds, IReadOnlyList<int>? ThemeIds);
}
