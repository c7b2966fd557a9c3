using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalGovBlog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SoftDeleteTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAtUtc",
                table: "Annotations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_DeletedAtUtc",
                table: "Annotations",
                column: "DeletedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Annotations_DeletedAtUtc",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "DeletedAtUtc",
                table: "Annotations");
        }
    }
}
