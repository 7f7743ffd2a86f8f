using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_ReceiptLocator",
                table: "Reports");

            migrationBuilder.AlterColumn<string>(
                name: "ReceiptLocator",
                table: "Reports",
                type: "TEXT",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<bool>(
                name: "IsImported",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "Reports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceSystem",
                table: "Reports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    SavedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportUploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceiptLocator",
                table: "Reports",
                column: "ReceiptLocator",
                unique: true,
                filter: "\"ReceiptLocator\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SourceSystem_SourceReference",
                table: "Reports",
                columns: new[] { "SourceSystem", "SourceReference" },
                unique: true,
                filter: "\"SourceSystem\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ImportMappings_SourceSystem",
                table: "ImportMappings",
                column: "SourceSystem",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportUploads_UploadedOn",
                table: "ImportUploads",
                column: "UploadedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportMappings");

            migrationBuilder.DropTable(
                name: "ImportUploads");

            migrationBuilder.DropIndex(
                name: "IX_Reports_ReceiptLocator",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_SourceSystem_SourceReference",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "IsImported",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SourceReference",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SourceSystem",
                table: "Reports");

            migrationBuilder.AlterColumn<string>(
                name: "ReceiptLocator",
                table: "Reports",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceiptLocator",
                table: "Reports",
                column: "ReceiptLocator",
                unique: true);
        }
    }
}
