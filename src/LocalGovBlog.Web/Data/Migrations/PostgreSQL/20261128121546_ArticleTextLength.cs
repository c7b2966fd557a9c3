using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class ArticleTextLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TextLength",
                table: "Articles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Lengths in UTF-16 code units, as passage offsets count: char_length counts code points, and a character
            // outside the Basic Multilingual Plane is two units.
            migrationBuilder.Sql("""
                UPDATE "Articles" SET "TextLength" = char_length("Text") + char_length(regexp_replace("Text", '[^\U00010000-\U0010FFFF]', '', 'g'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextLength",
                table: "Articles");
        }
    }
}
