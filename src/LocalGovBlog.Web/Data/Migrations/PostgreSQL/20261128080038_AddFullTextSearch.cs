using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations.PostgreSQL
{
    /// <summary>
    /// The PostgreSQL search index behind Search/PostgreSqlArticleSearch: a generated, weighted tsvector column on
    /// Articles with a GIN index (the SQL is in Search/PostgreSqlSearchSchema, so a regenerated set keeps it).
    /// </summary>
    public partial class AddFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LocalGovBlog.Web.Search.PostgreSqlSearchSchema.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LocalGovBlog.Web.Search.PostgreSqlSearchSchema.Down);
        }
    }
}
