using System.Data;
using System.Data.Common;
using System.Globalization;
using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// Search on the SQLite FTS5 table <c>ArticleSearch</c> (migration <c>AddFullTextSearch</c>):
/// porter stemming over unicode61 with diacritics removed, bm25 with titles weighted highest.
/// The importer keeps it in step through <see cref="IndexAsync"/> inside its own transactions.
/// Tag notes are indexed only for tags readers can see on the page: public, not deleted (awaiting undo) and
/// still anchored (an orphaned tag's note leaves the index when re-import re-indexes its article).
/// </summary>
public sealed partial class SqliteArticleSearch(ArchiveDbContext db, IOptions<SearchOptions> settings, ReadMemo? memo = null) : ArticleSearchFlow(db, settings)
{
    /// <summary>bm25 column weights: title, standfirst, body, authors, notes.</summary>
    private const string Bm25 = "bm25(ArticleSearch, 10.0, 4.0, 1.0, 6.0, 2.0)";

    private static readonly string Snippet =
        $"snippet(ArticleSearch, -1, char({(int)SnippetHtml.Open}), char({(int)SnippetHtml.Close}), '…', 24)";

    private DbConnection Connection => Db.Database.GetDbConnection();

    protected override async Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return null;
    }

    protected override SearchMatch Prepare(SearchRequest request)
    {
        // "+rowid": filter the rows MATCH finds; a plain rowid constraint makes FTS5 re-run the match per article.
        var filters = new List<string>();
        if (request.AuthorIds is not null)
        {
            filters.Add($"+rowid IN (SELECT ArticleId FROM ArticleAuthors WHERE AuthorId IN ({IdList(request.AuthorIds)}))");
        }
        if (request.ThemeIds is not null)
        {
            filters.Add($"+rowid IN ({TaggedArticles} AND t.ThemeId IN ({IdList(request.ThemeIds)}))");
        }
        return new SearchMatch(request.Words.IsEmpty ? "" : request.Words.ToFts5Match(), string.Join(" AND ", filters), request.AuthorIds, request.ThemeIds);
    }

    protected override async Task<(int Count, List<int> Ids)> BrowseAsync(SearchMatch match, int limit, int offset, CancellationToken cancellationToken)
    {
        var connection = Connection;
        var byAuthor = match.Filter.Replace("+rowid", "a.Id", StringComparison.Ordinal);
        var count = await ScalarAsync(connection, $"SELECT count(*) FROM Articles a WHERE {byAuthor}", null, cancellationToken);
        var ids = await IdsAsync(connection, $"SELECT a.Id FROM Articles a WHERE {byAuthor} ORDER BY a.SourceOrder LIMIT {limit} OFFSET {offset}", null, cancellationToken);
        return (count, ids);
    }

    /// <summary>The head: the words in the short, heavily weighted columns.</summary>
    private static string Head(SearchMatch match) => "{title standfirst authors} : (" + match.Words + ")";

    private static string Where(SearchMatch match, string parameter) =>
        $"ArticleSearch MATCH {parameter}" + (match.Filter.Length > 0 ? " AND " + match.Filter : "");

    protected override Task<int> CountAsync(SearchMatch match, MatchPart part, CancellationToken cancellationToken)
    {
        var connection = Connection;
        return part switch
        {
            MatchPart.Head => ScalarAsync(connection, $"SELECT count(*) FROM ArticleSearch WHERE {Where(match, "$head")}", null, cancellationToken, Head(match)),
            MatchPart.WordsAlone => ScalarAsync(connection, "SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $match", match.Words, cancellationToken),
            _ => ScalarAsync(connection, $"SELECT count(*) FROM ArticleSearch WHERE {Where(match, "$match")}", match.Words, cancellationToken),
        };
    }

    protected override Task<List<int>> RankedAsync(SearchMatch match, bool headOnly, int limit, int offset, CancellationToken cancellationToken) =>
        headOnly
            ? IdsAsync(Connection, $"SELECT rowid FROM ArticleSearch WHERE {Where(match, "$head")} ORDER BY {Bm25} LIMIT {limit} OFFSET {offset}",
                null, cancellationToken, Head(match))
            : IdsAsync(Connection, $"SELECT rowid FROM ArticleSearch WHERE {Where(match, "$match")} ORDER BY {Bm25} LIMIT {limit} OFFSET {offset}",
                match.Words, cancellationToken);

    protected override Task<List<int>> InArchiveOrderAsync(SearchMatch match, bool exceptHead, int limit, int offset, CancellationToken cancellationToken) =>
        exceptHead
            ? IdsAsync(Connection,
                $"SELECT rowid FROM ArticleSearch WHERE {Where(match, "$match")} AND +rowid NOT IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $head) "
                + $"ORDER BY rowid LIMIT {limit} OFFSET {offset}", match.Words, cancellationToken, Head(match))
            : IdsAsync(Connection, $"SELECT rowid FROM ArticleSearch WHERE {Where(match, "$match")} ORDER BY rowid LIMIT {limit} OFFSET {offset}",
                match.Words, cancellationToken);

    public override async Task IndexAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return;
        }
        await OpenAsync(cancellationToken);
        var connection = Connection;
        var ids = string.Join(',', articleIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        await using var command = Command(connection, $"""
            DELETE FROM ArticleSearch WHERE rowid IN ({ids});
            INSERT INTO ArticleSearch (rowid, title, standfirst, body, authors, notes)
            SELECT a.Id, a.Title, coalesce(a.Standfirst, ''), a.Text,
                   coalesce((SELECT group_concat(au.Name || ' ' || au.SearchName, ' ')
                             FROM ArticleAuthors aa JOIN Authors au ON au.Id = aa.AuthorId
                             WHERE aa.ArticleId = a.Id), ''),
                   coalesce((SELECT group_concat(an.Note, ' ') FROM Annotations an
                             WHERE an.ArticleId = a.Id AND an.IsPublic = 1 AND an.IsOrphan = 0 AND an.DeletedAtUtc IS NULL AND an.Note IS NOT NULL), '')
            FROM Articles a WHERE a.Id IN ({ids});
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task<IReadOnlyList<SearchFacet>> AuthorCountsAsync(SearchMatch match, CancellationToken cancellationToken)
    {
        var connection = Connection;
        // Materialised so that the match drives the join, not a probe of the index per author link.
        await using var command = Command(connection, """
            WITH hits AS MATERIALIZED (SELECT rowid AS id FROM ArticleSearch WHERE ArticleSearch MATCH $match),
                 counts AS (SELECT aa.AuthorId, count(*) AS n FROM hits JOIN ArticleAuthors aa ON aa.ArticleId = hits.id GROUP BY aa.AuthorId)
            SELECT au.Id, au.Slug, au.Name, counts.n
            FROM counts JOIN Authors au ON au.Id = counts.AuthorId
            ORDER BY counts.n DESC, au.SearchName
            LIMIT 12
            """, match.Words);
        return await ReadFacetsAsync(command, cancellationToken);
    }

    /// <summary>Readers' visible tags (public, anchored, not deleted) joined to their themes as <c>t</c>.</summary>
    private const string VisibleTagThemes =
        "FROM Annotations an JOIN AnnotationThemes t ON t.AnnotationId = an.Id WHERE an.IsPublic = 1 AND an.IsOrphan = 0 AND an.DeletedAtUtc IS NULL";

    /// <summary>Articles with a visible tag; completed with a theme condition on <c>t</c>.</summary>
    private const string TaggedArticles = "SELECT an.ArticleId " + VisibleTagThemes;

    private static string IdList(IEnumerable<int> ids) =>
        string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Matching articles per theme, for the words alone, so a reader can narrow down by theme: the matches
    /// (tens of milliseconds even for a word in nearly every article) counted against which articles carry a visible tag
    /// of each theme, read once and kept until the next write (<see cref="ThemeArticles"/>). Asking the full-text
    /// index about each tagged article instead was one search per article, 7.5 s for a word in nine articles in ten at a
    /// million tags; joining the tags to the matches on every search, a second.</summary>
    protected override async Task<IReadOnlyList<SearchFacet>> ThemeFacetsAsync(SearchMatch match, CancellationToken cancellationToken)
    {
        var tagged = memo is null
            ? await ThemeArticles.ReadAsync(Db, cancellationToken)
            : await memo.GetAsync(ThemeArticles.Key, ThemeArticles.ReadAsync, cancellationToken);
        if (tagged.ByTheme.Count == 0)
        {
            return [];
        }
        var hits = new HashSet<int>(await IdsAsync(Connection, "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $match", match.Words, cancellationToken));
        return [.. tagged.ByTheme
            .Select(theme => (theme.Theme, Count: theme.Articles.Count(hits.Contains)))
            .Where(facet => facet.Count > 0)
            .OrderByDescending(facet => facet.Count).ThenBy(facet => facet.Theme.Name, StringComparer.Ordinal)
            .Take(12)
            .Select(facet => new SearchFacet(facet.Theme.Id, facet.Theme.Slug, facet.Theme.Name, facet.Count))];
    }

    /// <summary>Each theme and the articles (ids) that carry a public, anchored, undeleted tag of it.</summary>
    private sealed record ThemeArticles(IReadOnlyList<(TaggedTheme Theme, int[] Articles)> ByTheme) : ReadMemo.ISized
    {
        public static readonly object Key = new ThemeArticlesKey();

        public long Bytes { get; } = 64 + ByTheme.Sum(theme => 128 + (4L * theme.Articles.Length));

        public static async Task<ThemeArticles> ReadAsync(ArchiveDbContext store, CancellationToken cancellationToken)
        {
            var themes = await store.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => new TaggedTheme(t.Id, t.Slug, t.Name), cancellationToken);
            // A million rows and more: read as they stream rather than through EF's materialiser.
            await store.Database.OpenConnectionAsync(cancellationToken);
            var articles = new Dictionary<int, HashSet<int>>();
            await using var command = store.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT t.ThemeId, an.ArticleId " + VisibleTagThemes;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var theme = reader.GetInt32(0);
                if (!articles.TryGetValue(theme, out var set))
                {
                    articles[theme] = set = [];
                }
                set.Add(reader.GetInt32(1));
            }
            return new ThemeArticles([.. articles.Where(pair => themes.ContainsKey(pair.Key)).Select(pair => (themes[pair.Key], pair.Value.ToArray()))]);
        }
    }

    private sealed record ThemeArticlesKey;

    private sealed record TaggedTheme(int Id, string Slug, string Name);

    /// <summary>Reads rows of (id, slug, name, count).</summary>
    private static async Task<IReadOnlyList<SearchFacet>> ReadFacetsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var facets = new List<SearchFacet>();
        while (await reader.ReadAsync(cancellationToken))
        {
            facets.Add(new SearchFacet(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
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
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        await using var command = Command(connection,
            $"SELECT rowid, {Snippet} FROM ArticleSearch WHERE ArticleSearch MATCH $match AND rowid IN ({list})", match.Words);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snippets[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return snippets;
    }

    private async Task<int> ScalarAsync(DbConnection connection, string sql, string? match, CancellationToken cancellationToken, string? head = null)
    {
        await using var command = Command(connection, sql, match, head);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<List<int>> IdsAsync(DbConnection connection, string sql, string? match, CancellationToken cancellationToken, string? head = null)
    {
        await using var command = Command(connection, sql, match, head);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private DbCommand Command(DbConnection connection, string sql, string? match = null, string? head = null)
    {
        var command = connection.CreateCommand();
        // Only numbers and fixed SQL are spliced in; the reader's words travel as a parameter.
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in new[] { ("$match", match), ("$head", head) })
        {
            if (value is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }
        return command;
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
