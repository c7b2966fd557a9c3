using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Lengths in UTF-16 code units, as passage offsets count: length() counts code points, and a character
            // outside the Basic Multilingual Plane (four bytes in UTF-8, led by F0–F4) is two units, so each such lead
            // byte adds one.
            migrationBuilder.Sql("""
                UPDATE Articles SET TextLength = length(Text) + length(CAST(Text AS BLOB)) - length(CAST(
                    replace(replace(replace(replace(replace(Text,
                        CAST(X'F0' AS TEXT), ''), CAST(X'F1' AS TEXT), ''), CAST(X'F2' AS TEXT), ''), CAST(X'F3' AS TEXT), ''), CAST(X'F4' AS TEXT), '')
                    AS BLOB));
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
