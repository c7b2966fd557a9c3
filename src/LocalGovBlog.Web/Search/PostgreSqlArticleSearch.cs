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
public sealed partial class PostgreSqlArticleSearch(ArchiveDbContext db, IOptions<SearchOptions> settings) : ArticleSearchFlow(db, settings)
{
    /// <summary>ts_rank_cd weights for D, C, B, A: body and notes 0.1, standfirst 0.4, authors 0.6, title 1 — the
    /// proportions of SQLite's bm25 weights (title 10, authors 6, standfirst 4, body 1; notes are between).</summary>
    private const string Rank = "ts_rank_cd('{0.1, 0.4, 0.6, 1.0}', a.\"SearchVector\", q.query)";

    /// <summary>The reader's words; every term is double-quoted, so websearch_to_tsquery reads no operator ("or", "-").</summary>
    private const string Query = "(SELECT websearch_to_tsquery('lgb_english', @words) AS query) q";

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

    private NpgsqlConnection Connection => (NpgsqlConnection)Db.Database.GetDbConnection();

    protected override async Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return await PlanOnIndexesAsync(Connection, cancellationToken);
    }

    protected override SearchMatch Prepare(SearchRequest request)
    {
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
        return new SearchMatch(WebSearchText(request.Words), filter, request.AuthorIds, request.ThemeIds);
    }

    protected override async Task<(int Count, List<int> Ids)> BrowseAsync(SearchMatch match, int limit, int offset, CancellationToken cancellationToken)
    {
        var count = await ScalarAsync(Connection, $"SELECT count(*) FROM \"Articles\" a WHERE TRUE{match.Filter}", match, cancellationToken);
        var ids = await IdsAsync(Connection,
            $"SELECT a.\"Id\" FROM \"Articles\" a WHERE TRUE{match.Filter} ORDER BY a.\"SourceOrder\" LIMIT {limit} OFFSET {offset}", match, cancellationToken);
        return (count, ids);
    }

    /// <summary>The matches, or (<paramref name="headOnly"/>) those with the words in the title, authors or standfirst:
    /// the small <c>SearchHead</c> column under its own index, so finding and counting the head never opens a whole
    /// article's vector.</summary>
    private static string From(SearchMatch match, bool headOnly) =>
        $"FROM \"Articles\" a, {Query} WHERE a.\"{(headOnly ? "SearchHead" : "SearchVector")}\" @@ q.query{match.Filter}";

    protected override Task<int> CountAsync(SearchMatch match, MatchPart part, CancellationToken cancellationToken) =>
        ScalarAsync(Connection, part switch
        {
            MatchPart.Head => $"SELECT count(*) {From(match, headOnly: true)}",
            MatchPart.WordsAlone => $"SELECT count(*) FROM \"Articles\" a, {Query} WHERE a.\"SearchVector\" @@ q.query",
            _ => $"SELECT count(*) {From(match, headOnly: false)}",
        }, match, cancellationToken);

    protected override Task<List<int>> RankedAsync(SearchMatch match, bool headOnly, int limit, int offset, CancellationToken cancellationToken) =>
        IdsAsync(Connection, $"SELECT a.\"Id\" {From(match, headOnly)} ORDER BY {Rank} DESC, a.\"Id\" LIMIT {limit} OFFSET {offset}", match, cancellationToken);

    protected override Task<List<int>> InArchiveOrderAsync(SearchMatch match, bool exceptHead, int limit, int offset, CancellationToken cancellationToken) =>
        IdsAsync(Connection,
            $"SELECT a.\"Id\" {From(match, headOnly: false)}{(exceptHead ? " AND NOT (a.\"SearchHead\" @@ q.query)" : "")} ORDER BY a.\"Id\" LIMIT {limit} OFFSET {offset}",
            match, cancellationToken);

    public override async Task IndexAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return;
        }
        await OpenAsync(cancellationToken);
        var connection = Connection;
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

    protected override async Task<IReadOnlyList<SearchFacet>> AuthorCountsAsync(SearchMatch match, CancellationToken cancellationToken)
    {
        return await FacetsAsync(Connection, $"""
            WITH hits AS MATERIALIZED (SELECT a."Id" FROM "Articles" a, {Query} WHERE a."SearchVector" @@ q.query),
                 counts AS (SELECT aa."AuthorId", count(*) AS n FROM hits JOIN "ArticleAuthors" aa ON aa."ArticleId" = hits."Id" GROUP BY aa."AuthorId")
            SELECT au."Id", au."Slug", au."Name", counts.n
            FROM counts JOIN "Authors" au ON au."Id" = counts."AuthorId"
            ORDER BY counts.n DESC, au."SearchName"
            LIMIT 12
            """, match, cancellationToken);
    }

    /// <summary>Matching articles per theme, for the words alone, driven from the tagged articles.</summary>
    protected override async Task<IReadOnlyList<SearchFacet>> ThemeFacetsAsync(SearchMatch match, CancellationToken cancellationToken) =>
        await FacetsAsync(Connection, $"""
            WITH tagged AS (SELECT DISTINCT t."ThemeId", an."ArticleId" FROM "Annotations" an JOIN "AnnotationThemes" t ON t."AnnotationId" = an."Id"
                            WHERE an."IsPublic" AND NOT an."IsOrphan" AND an."DeletedAtUtc" IS NULL),
                 counts AS (SELECT tagged."ThemeId", count(*) AS n FROM tagged JOIN "Articles" a ON a."Id" = tagged."ArticleId", {Query}
                            WHERE a."SearchVector" @@ q.query
                            GROUP BY tagged."ThemeId")
            SELECT th."Id", th."Slug", th."Name", counts.n
            FROM counts JOIN "Themes" th ON th."Id" = counts."ThemeId"
            ORDER BY counts.n DESC, th."Name"
            LIMIT 12
            """, match, cancellationToken);

    private async Task<IReadOnlyList<SearchFacet>> FacetsAsync(NpgsqlConnection connection, string sql, SearchMatch parameters, CancellationToken cancellationToken)
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

    protected override async Task<Dictionary<int, string>> SnippetsAsync(SearchMatch match, List<int> ids, CancellationToken cancellationToken)
    {
        var connection = Connection;
        var snippets = new Dictionary<int, string>();
        if (ids.Count == 0)
        {
            return snippets;
        }
        await using var command = Command(connection, $"SELECT a.\"Id\", {Headline} FROM \"Articles\" a, {Query} WHERE a.\"Id\" = ANY(@page)", match);
        command.Parameters.AddWithValue("page", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snippets[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1).Replace(LessThan, '<').Replace(Ampersand, '&');
        }
        return snippets;
    }

    private async Task<int> ScalarAsync(NpgsqlConnection connection, string sql, SearchMatch parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<int>> IdsAsync(NpgsqlConnection connection, string sql, SearchMatch parameters, CancellationToken cancellationToken)
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

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, SearchMatch? parameters = null)
    {
        // Only numbers and fixed SQL are spliced in; the reader's words and the ids travel as parameters.
#pragma warning disable CA2100
        var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)Db.Database.CurrentTransaction?.GetDbTransaction());
#pragma warning restore CA2100
        if (parameters is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Text) { Value = parameters.Words });
            command.Parameters.Add(new NpgsqlParameter("authors", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = parameters.AuthorIds?.ToArray() ?? [] });
            command.Parameters.Add(new NpgsqlParameter("themes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = parameters.ThemeIds?.ToArray() ?? [] });
        }
        return command;
    }

    /// <summary>
    /// Keeps this search's plans on the GIN indexes. The planner prices <c>@@</c> as a cheap comparison and does not
    /// count opening each article's TOASTed vector, so for a word in most articles it prefers reading every vector
    /// (4 s for "council" at 100,000 articles) to the index and the table pages (under 1 s). Every condition a search
    /// uses has an index, so sequential scans go off for its own short read-only transaction; inside a caller's
    /// transaction its settings are left alone. Disposing the transaction ends the setting with it.
    /// </summary>
    private async Task<NpgsqlTransaction?> PlanOnIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (Db.Database.CurrentTransaction is not null)
        {
            return null;
        }
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    protected override async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (Connection.State != ConnectionState.Open)
        {
            // EF closes it again when the context is disposed.
            await Db.Database.OpenConnectionAsync(cancellationToken);
        }
    }
}
