using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// PostgreSQL's way in for new articles: ids reserved from the identity sequence in one round trip, then the
/// articles, their blocks and author links streamed with binary <c>COPY</c> inside the batch's transaction.
/// The articles carry their search text for authors, so indexing them afterwards finds nothing left to do.
/// </summary>
internal static class PostgreSqlArticleCopy
{
    public static async Task InsertAsync(ArchiveDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = new List<int>(articles.Count);
        await using (var reserve = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('\"Articles\"', 'Id'))::int FROM generate_series(1, @count)", connection))
        {
            reserve.Parameters.AddWithValue("count", articles.Count);
            await using var reader = await reserve.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }
        for (var i = 0; i < articles.Count; i++)
        {
            articles[i].Id = ids[i];
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY "Articles" ("Id", "Slug", "Title", "Standfirst", "Published", "Captions", "Keywords", "IsExcerpt", "Text", "TextLength", "ContentHash",
                             "OpeningKey", "SourceOrder", "WordCount", "ImportedAtUtc", "UpdatedAtUtc", "SearchAuthors") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var a in articles)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(a.Id, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(a.Slug, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.Title, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, a.Standfirst, NpgsqlDbType.Text, cancellationToken);
                if (a.Published is { } published)
                {
                    await writer.WriteAsync(published, NpgsqlDbType.Date, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                await WriteNullableAsync(writer, a.Captions, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, a.Keywords, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.IsExcerpt, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(a.Text, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(a.TextLength, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(a.ContentHash, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.OpeningKey, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(a.SourceOrder, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(a.WordCount, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(Utc(a.ImportedAtUtc), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Utc(a.UpdatedAtUtc), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(PostgreSqlArticleSearch.AuthorsText(a.Authors.OrderBy(l => l.Position).Select(l => l.Author)), NpgsqlDbType.Text, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"ArticleBlocks\" (\"ArticleId\", \"Ordinal\", \"Kind\", \"Ordered\", \"Start\", \"End\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var a in articles)
            {
                foreach (var block in a.Blocks)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(a.Id, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(block.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync((int)block.Kind, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(block.Ordered, NpgsqlDbType.Boolean, cancellationToken);
                    await writer.WriteAsync(block.Start, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(block.End, NpgsqlDbType.Integer, cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"ArticleAuthors\" (\"ArticleId\", \"AuthorId\", \"Position\", \"Honorific\", \"PostNominals\", \"Role\", \"Bio\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var a in articles)
            {
                foreach (var link in a.Authors)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(a.Id, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(link.Author.Id, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(link.Position, NpgsqlDbType.Integer, cancellationToken);
                    await WriteNullableAsync(writer, link.Honorific, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(writer, link.PostNominals, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(writer, link.Role, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(writer, link.Bio, NpgsqlDbType.Text, cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
            return;
        }
        await writer.WriteAsync(value, type, cancellationToken);
    }
}
