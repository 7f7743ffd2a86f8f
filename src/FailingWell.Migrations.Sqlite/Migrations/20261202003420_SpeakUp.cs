using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SpeakUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WhyAnonymous",
                table: "Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SpeakUpCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Route = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatIsTheConcern = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Openness = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    WhyAnonymous = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedbackGivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PatientSafetyElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkerSafetyElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    BullyingElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    BehaviourElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    DetrimentIndicated = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActionsTaken = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    WouldSpeakUpAgain = table.Column<int>(type: "INTEGER", nullable: true),
                    DetrimentAtCheckIn = table.Column<int>(type: "INTEGER", nullable: true),
                    HandedOverOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandOverConsentNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptLocator = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceiptSalt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    ReceiptHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakUpCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakUpCases_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakUpCases_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakUpCases_StaffGroups_StaffGroupId",
                        column: x => x.StaffGroupId,
                        principalTable: "StaffGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpeakUpMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentBand = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakUpMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakUpMessages_SpeakUpCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SpeakUpCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_WhyAnonymous_ReceivedOn",
                table: "Reports",
                columns: new[] { "WhyAnonymous", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_ClosedOn",
                table: "SpeakUpCases",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_DivisionId",
                table: "SpeakUpCases",
                column: "DivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_LocationId",
                table: "SpeakUpCases",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_ReceiptLocator",
                table: "SpeakUpCases",
                column: "ReceiptLocator",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_ReceivedOn",
                table: "SpeakUpCases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_Reference",
                table: "SpeakUpCases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_StaffGroupId",
                table: "SpeakUpCases",
                column: "StaffGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_Status_ReceivedOn",
                table: "SpeakUpCases",
                columns: new[] { "Status", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_SubmissionId",
                table: "SpeakUpCases",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpMessages_CaseId_SubmissionId",
                table: "SpeakUpMessages",
                columns: new[] { "CaseId", "SubmissionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpeakUpMessages");

            migrationBuilder.DropTable(
                name: "SpeakUpCases");

            migrationBuilder.DropIndex(
                name: "IX_Reports_WhyAnonymous_ReceivedOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "WhyAnonymous",
                table: "Reports");
        }
    }
}
