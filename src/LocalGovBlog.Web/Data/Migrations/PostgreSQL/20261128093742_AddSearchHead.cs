using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations.PostgreSQL
{
    /// <summary>
    /// The head of each article (title, authors, standfirst) as a tsvector column of its own with a GIN index, for
    /// search's "head first" rule (the SQL is in Search/PostgreSqlSearchSchema). Adding a stored generated column
    /// rewrites the Articles table once.
    /// </summary>
    public partial class AddSearchHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LocalGovBlog.Web.Search.PostgreSqlSearchSchema.HeadUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LocalGovBlog.Web.Search.PostgreSqlSearchSchema.HeadDown);
        }
    }
}
