using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadScoringStudio.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SalesOutcome",
                table: "Leads",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Fields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    KnownBeforeContact = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LeftOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RememberedColumns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Column = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RememberedColumns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Fields_Key",
                table: "Fields",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RememberedColumns_Column",
                table: "RememberedColumns",
                column: "Column",
                unique: true);

            // Mappings were remembered per set of columns; keep each column's mapping (the newest wins), and the activities file's.
            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO RememberedColumns (Column, MappingJson, UpdatedAt)
                SELECT lower(trim(json_extract(column.value, '$.Column'))), column.value, saved.UpdatedAt
                FROM SavedMappings AS saved, json_each(saved.MappingJson, '$.Leads') AS column
                ORDER BY saved.UpdatedAt;
                INSERT OR REPLACE INTO RememberedColumns (Column, MappingJson, UpdatedAt)
                SELECT char(1) || 'activities', json_extract(saved.MappingJson, '$.Activities'), saved.UpdatedAt
                FROM SavedMappings AS saved
                WHERE json_extract(saved.MappingJson, '$.Activities') IS NOT NULL
                ORDER BY saved.UpdatedAt;
                """);

            migrationBuilder.DropTable(
                name: "SavedMappings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Fields");

            migrationBuilder.DropTable(
                name: "RememberedColumns");

            migrationBuilder.DropColumn(
                name: "SalesOutcome",
                table: "Leads");

            migrationBuilder.CreateTable(
                name: "SavedMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedMappings_Columns",
                table: "SavedMappings",
                column: "Columns",
                unique: true);
        }
    }
}
