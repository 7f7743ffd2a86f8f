using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Digests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LearningRecordedOn",
                table: "Reports",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Digests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Stream = table.Column<int>(type: "int", nullable: false),
                    PeriodKind = table.Column<int>(type: "int", nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ScopeKey = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ScopeName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DivisionId = table.Column<int>(type: "int", nullable: true),
                    BuiltAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Digests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigestSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Stream = table.Column<int>(type: "int", nullable: false),
                    ScopeKey = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_LearningRecordedOn",
                table: "Reports",
                column: "LearningRecordedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Digests_PeriodStart_Stream",
                table: "Digests",
                columns: new[] { "PeriodStart", "Stream" });

            migrationBuilder.CreateIndex(
                name: "IX_Digests_Stream_PeriodKey_ScopeKey",
                table: "Digests",
                columns: new[] { "Stream", "PeriodKey", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_AccountId_Stream_ScopeKey",
                table: "DigestSubscriptions",
                columns: new[] { "AccountId", "Stream", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_Stream_ScopeKey",
                table: "DigestSubscriptions",
                columns: new[] { "Stream", "ScopeKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Digests");

            migrationBuilder.DropTable(
                name: "DigestSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Reports_LearningRecordedOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "LearningRecordedOn",
                table: "Reports");
        }
    }
}
