using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class AddTagVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Annotations",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Annotations");
        }
    }
}
