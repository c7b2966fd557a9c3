using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations
{
    /// <summary>
    /// The SQLite FTS5 index behind Search/SqliteArticleSearch: one row per article (rowid =
    /// Articles.Id), English stemming over accent-free Unicode words. Author names are indexed as
    /// displayed and folded ("O’Brien" and "obrien"); notes waits for passage tags.
    /// </summary>
    public partial class AddFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    title, standfirst, body, authors, notes,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearch (rowid, title, standfirst, body, authors, notes)
                SELECT a.Id, a.Title, coalesce(a.Standfirst, ''), a.Text,
                       coalesce((SELECT group_concat(au.Name || ' ' || au.SearchName, ' ')
                                 FROM ArticleAuthors aa JOIN Authors au ON au.Id = aa.AuthorId
                                 WHERE aa.ArticleId = a.Id), ''),
                       ''
                FROM Articles a;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        }
    }
}
