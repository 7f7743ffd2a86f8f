using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Culture : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RateBasis",
                table: "Divisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Annotations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecalculateLimits = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Annotations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CultureRollups",
                columns: table => new
                {
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DivisionKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    NoOrLowHarm = table.Column<int>(type: "INTEGER", nullable: false),
                    NearMisses = table.Column<int>(type: "INTEGER", nullable: false),
                    SevereOrFatal = table.Column<int>(type: "INTEGER", nullable: false),
                    NonClinicalReporters = table.Column<int>(type: "INTEGER", nullable: false),
                    Anonymous = table.Column<int>(type: "INTEGER", nullable: false),
                    GoodPractice = table.Column<int>(type: "INTEGER", nullable: false),
                    Acknowledged = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgementDays = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FeedbackDue = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackOnTime = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultureRollups", x => new { x.PeriodKind, x.PeriodStart, x.DivisionKey });
                });

            migrationBuilder.CreateTable(
                name: "Denominators",
                columns: table => new
                {
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BedDays = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffWte = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Denominators", x => new { x.DivisionId, x.Month });
                    table.ForeignKey(
                        name: "FK_Denominators_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RatePer1000BedDays = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PeerGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerRates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_On",
                table: "Annotations",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_PeerRates_PeerGroup_Month_Organisation",
                table: "PeerRates",
                columns: new[] { "PeerGroup", "Month", "Organisation" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Annotations");

            migrationBuilder.DropTable(
                name: "CultureRollups");

            migrationBuilder.DropTable(
                name: "Denominators");

            migrationBuilder.DropTable(
                name: "PeerRates");

            migrationBuilder.DropColumn(
                name: "RateBasis",
                table: "Divisions");
        }
    }
}
