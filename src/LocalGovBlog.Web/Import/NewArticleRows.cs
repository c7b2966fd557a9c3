using System.Data.Common;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// Inserts new articles with their blocks and author links through prepared statements on the
/// context's own connection and transaction. Change tracking an article and its dozen blocks cost
/// more than parsing it; a large first import is almost all new articles, so this is its hot path.
/// SQLite's path; on PostgreSQL the same rows go in through binary COPY (<see cref="PostgreSqlArticleCopy"/>).
/// </summary>
internal sealed class NewArticleRows : IAsyncDisposable
{
    private readonly DbCommand _article;
    private readonly DbCommand _block;
    private readonly DbCommand _link;

    private NewArticleRows(ArchiveDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _article = Prepare(connection, transaction, """
            INSERT INTO Articles (Slug, Title, Standfirst, Published, Captions, Keywords, IsExcerpt, Text, TextLength, ContentHash, OpeningKey, SourceOrder, WordCount, ImportedAtUtc, UpdatedAtUtc)
            VALUES ($slug, $title, $standfirst, $published, $captions, $keywords, $excerpt, $text, $length, $hash, $opening, $order, $words, $imported, $updated)
            RETURNING Id
            """, "$slug", "$title", "$standfirst", "$published", "$captions", "$keywords", "$excerpt", "$text", "$length", "$hash", "$opening", "$order", "$words", "$imported", "$updated");
        _block = Prepare(connection, transaction, """
            INSERT INTO ArticleBlocks (ArticleId, Ordinal, Kind, Ordered, Start, "End") VALUES ($article, $ordinal, $kind, $ordered, $start, $end)
            """, "$article", "$ordinal", "$kind", "$ordered", "$start", "$end");
        _link = Prepare(connection, transaction, """
            INSERT INTO ArticleAuthors (ArticleId, AuthorId, Position, Honorific, PostNominals, Role, Bio) VALUES ($article, $author, $position, $honorific, $postNominals, $role, $bio)
            """, "$article", "$author", "$position", "$honorific", "$postNominals", "$role", "$bio");
    }

    /// <summary>Writes the articles (authors must already have ids) and sets each one's <see cref="Article.Id"/>.</summary>
    public static async Task InsertAsync(ArchiveDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return;
        }
        // Around the change tracker, so the page cache is told: new articles change lists, bylines and author pages.
        await Caching.PageChangeInterceptor.NoteUntrackedAsync(db, Caching.PageTags.Articles);
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlArticleCopy.InsertAsync(db, articles, cancellationToken);
            return;
        }
        await using var rows = new NewArticleRows(db);
        foreach (var article in articles)
        {
            await rows.InsertAsync(article, cancellationToken);
        }
    }

    private async Task InsertAsync(Article article, CancellationToken cancellationToken)
    {
        Set(_article, article.Slug, article.Title, article.Standfirst, article.Published, article.Captions, article.Keywords, article.IsExcerpt, article.Text, article.TextLength, article.ContentHash,
            article.OpeningKey, article.SourceOrder, article.WordCount, article.ImportedAtUtc, article.UpdatedAtUtc);
        article.Id = Convert.ToInt32(await _article.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var block in article.Blocks)
        {
            Set(_block, article.Id, block.Ordinal, (int)block.Kind, block.Ordered, block.Start, block.End);
            await _block.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var link in article.Authors)
        {
            Set(_link, article.Id, link.Author.Id, link.Position, link.Honorific, link.PostNominals, link.Role, link.Bio);
            await _link.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _article.DisposeAsync();
        await _block.DisposeAsync();
        await _link.DisposeAsync();
    }
}
