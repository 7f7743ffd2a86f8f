using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
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
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<bool>(
                name: "IsImported",
                table: "Reports",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "Reports",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceSystem",
                table: "Reports",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SourceSystem = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SavedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SourceSystem = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedOn = table.Column<DateOnly>(type: "date", nullable: false)
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
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(8)",
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
