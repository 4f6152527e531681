using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadScoringStudio.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModelKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Models",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Models",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            // Models from before keys get "model-{id}": unique, and renamable.
            migrationBuilder.Sql("UPDATE Models SET Key = 'model-' || Id WHERE Key = '';");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Key",
                table: "Models",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Models_Key",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Models");
        }
    }
}
