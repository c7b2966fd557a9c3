using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LocalGovBlog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddThemesAndAnnotations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Annotations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Exact = table.Column<string>(type: "TEXT", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    Suffix = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsOrphan = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Annotations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Annotations_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Annotations_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Themes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnotationThemes",
                columns: table => new
                {
                    AnnotationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnotationThemes", x => new { x.AnnotationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_AnnotationThemes_Annotations_AnnotationId",
                        column: x => x.AnnotationId,
                        principalTable: "Annotations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnotationThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Themes",
                columns: new[] { "Id", "Color", "CreatedAtUtc", "CreatedById", "Description", "Name", "ParentId", "Slug" },
                values: new object[,]
                {
                    { 1, "#2f6fb3", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Councils working with other public bodies, business and the voluntary sector.", "Partnership", null, "partnership" },
                    { 2, "#7b4fb8", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Powers and money moving from Whitehall to combined authorities, mayors and councils.", "Devolution", null, "devolution" },
                    { 3, "#c0392b", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Leaving the European Union and what it means for places, funding and regulation.", "Brexit", null, "brexit" },
                    { 4, "#9a7412", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Spending cuts since 2010 and how councils have absorbed or resisted them.", "Austerity", null, "austerity" },
                    { 5, "#1f8a70", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Political and managerial leadership: leaders, chief executives, mayors.", "Leadership", null, "leadership" },
                    { 6, "#d9730d", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Designing and delivering services together with the people who use them.", "Co-production", null, "co-production" },
                    { 7, "#55677a", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Scrutiny, audit, transparency and who answers to whom.", "Accountability", null, "accountability" },
                    { 8, "#2e8b3a", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Council tax, business rates, grants and the financial sustainability of councils.", "Local finance", null, "local-finance" },
                    { 9, "#b8457a", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Homes, planning, homelessness and the housing market.", "Housing", null, "housing" },
                    { 10, "#0f8fa8", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), null, "Adult social care, public health and integration with the NHS.", "Health and care", null, "health-and-care" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_ArticleId_Start",
                table: "Annotations",
                columns: new[] { "ArticleId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_OwnerId",
                table: "Annotations",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationThemes_ThemeId",
                table: "AnnotationThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_Name",
                table: "Themes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Themes_ParentId",
                table: "Themes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_Slug",
                table: "Themes",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnotationThemes");

            migrationBuilder.DropTable(
                name: "Annotations");

            migrationBuilder.DropTable(
                name: "Themes");
        }
    }
}
