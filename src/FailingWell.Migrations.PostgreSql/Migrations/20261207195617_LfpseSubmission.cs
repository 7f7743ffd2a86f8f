using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LfpseSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LfpseStaffType",
                table: "StaffGroups",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LfpseLocationWithinService",
                table: "Locations",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LfpseServiceArea",
                table: "Divisions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LfpseSpecialty",
                table: "Divisions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LfpseInvolvedAgents",
                table: "Categories",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LfpseSafetyChallenges",
                table: "Categories",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LfpseEvents",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ImmediateActions = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    LevelOfConcern = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    RiskImminent = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HowFutureOccurrence = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    DutyOfCandour = table.Column<bool>(type: "boolean", nullable: true),
                    NeverEvent = table.Column<bool>(type: "boolean", nullable: true),
                    NeverEventType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SeriousIncident = table.Column<bool>(type: "boolean", nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    LfpseId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LfpseVersionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LfpseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Messages = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LfpseEvents", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_LfpseEvents_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LfpseOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Operation = table.Column<int>(type: "integer", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastHttpStatus = table.Column<int>(type: "integer", nullable: true),
                    Messages = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LfpseOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LfpseOutbox_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LfpseEvents_State",
                table: "LfpseEvents",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_LfpseOutbox_ReportId_Sequence",
                table: "LfpseOutbox",
                columns: new[] { "ReportId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_LfpseOutbox_Status_NextAttemptAtUtc",
                table: "LfpseOutbox",
                columns: new[] { "Status", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LfpseEvents");

            migrationBuilder.DropTable(
                name: "LfpseOutbox");

            migrationBuilder.DropColumn(
                name: "LfpseStaffType",
                table: "StaffGroups");

            migrationBuilder.DropColumn(
                name: "LfpseLocationWithinService",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "LfpseServiceArea",
                table: "Divisions");

            migrationBuilder.DropColumn(
                name: "LfpseSpecialty",
                table: "Divisions");

            migrationBuilder.DropColumn(
                name: "LfpseInvolvedAgents",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "LfpseSafetyChallenges",
                table: "Categories");
        }
    }
}
