using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearningResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JustCultureRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActionConsidered = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeliberateHarm = table.Column<bool>(type: "INTEGER", nullable: true),
                    Health = table.Column<bool>(type: "INTEGER", nullable: true),
                    Foresight = table.Column<bool>(type: "INTEGER", nullable: true),
                    Substitution = table.Column<bool>(type: "INTEGER", nullable: true),
                    MitigatingCircumstances = table.Column<bool>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JustCultureRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JustCultureRecords_StaffGroups_StaffGroupId",
                        column: x => x.StaffGroupId,
                        principalTable: "StaffGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponsePlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsePlanVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LearningResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeadAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    NationalTrigger = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedType = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposalWhy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SeipsPerson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsTasks = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsTools = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsOrganisation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsInternalEnvironment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsExternalEnvironment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarExpected = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarActual = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarWhyDifferent = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarLearned = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    TermsOfReference = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ReporterSummary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningResponses_ResponsePlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "ResponsePlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Person = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FindingsSharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_LearningResponses_LearningResponseId",
                        column: x => x.LearningResponseId,
                        principalTable: "LearningResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningResponseReports",
                columns: table => new
                {
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningResponseReports", x => new { x.LearningResponseId, x.ReportId });
                    table.ForeignKey(
                        name: "FK_LearningResponseReports_LearningResponses_LearningResponseId",
                        column: x => x.LearningResponseId,
                        principalTable: "LearningResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningResponseReports_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeasureCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureDivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureKind = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpectedDirection = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyActions_Categories_MeasureCategoryId",
                        column: x => x.MeasureCategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SafetyActions_Divisions_MeasureDivisionId",
                        column: x => x.MeasureDivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SafetyActions_LearningResponses_LearningResponseId",
                        column: x => x.LearningResponseId,
                        principalTable: "LearningResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SafetyActions_Locations_MeasureLocationId",
                        column: x => x.MeasureLocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ResponsePlanVersions",
                columns: new[] { "Id", "ChangeNote", "Content", "Number", "SavedBy", "SavedOn" },
                values: new object[] { 1, "The starting plan: PSIRF's national requirements and five local priorities", "{\"nationalTriggers\":[{\"trigger\":1,\"referTo\":null,\"response\":5},{\"trigger\":2,\"referTo\":null,\"response\":5},{\"trigger\":3,\"referTo\":\"Also tell the Care Quality Commission\",\"response\":5},{\"trigger\":4,\"referTo\":\"Refer to Maternity and Newborn Safety Investigations (MNSI)\",\"response\":5},{\"trigger\":5,\"referTo\":\"Refer to the Child Death Overview Panel\",\"response\":5},{\"trigger\":6,\"referTo\":\"Refer to LeDeR\",\"response\":5},{\"trigger\":7,\"referTo\":\"Refer to the local safeguarding partnership\",\"response\":5},{\"trigger\":8,\"referTo\":\"Refer to the screening quality assurance service\",\"response\":5},{\"trigger\":9,\"referTo\":\"Refer to the Prisons and Probation Ombudsman\",\"response\":5},{\"trigger\":10,\"referTo\":\"Refer to NHS England for an independent review\",\"response\":5},{\"trigger\":11,\"referTo\":\"Refer to the community safety partnership\",\"response\":5}],\"localPriorities\":[{\"category\":\"Falls\",\"minimumHarm\":2,\"theme\":null,\"response\":2},{\"category\":\"Medication\",\"minimumHarm\":2,\"theme\":null,\"response\":2},{\"category\":\"Pressure ulcers\",\"minimumHarm\":2,\"theme\":null,\"response\":4},{\"category\":\"Infection control\",\"minimumHarm\":3,\"theme\":null,\"response\":3},{\"category\":null,\"minimumHarm\":null,\"theme\":\"deteriorat\",\"response\":1}]}", 1, null, new DateOnly(2026, 12, 1) });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_LearningResponseId",
                table: "Engagements",
                column: "LearningResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_JustCultureRecords_RecordedByAccountId_RecordedOn",
                table: "JustCultureRecords",
                columns: new[] { "RecordedByAccountId", "RecordedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JustCultureRecords_StaffGroupId",
                table: "JustCultureRecords",
                column: "StaffGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponseReports_ReportId",
                table: "LearningResponseReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponses_CompletedOn",
                table: "LearningResponses",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponses_PlanVersionId",
                table: "LearningResponses",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponses_Status_CreatedOn",
                table: "LearningResponses",
                columns: new[] { "Status", "CreatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponsePlanVersions_Number",
                table: "ResponsePlanVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_CompletedOn_DueOn",
                table: "SafetyActions",
                columns: new[] { "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_LearningResponseId",
                table: "SafetyActions",
                column: "LearningResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_MeasureCategoryId",
                table: "SafetyActions",
                column: "MeasureCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_MeasureDivisionId",
                table: "SafetyActions",
                column: "MeasureDivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_MeasureLocationId",
                table: "SafetyActions",
                column: "MeasureLocationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Engagements");

            migrationBuilder.DropTable(
                name: "JustCultureRecords");

            migrationBuilder.DropTable(
                name: "LearningResponseReports");

            migrationBuilder.DropTable(
                name: "SafetyActions");

            migrationBuilder.DropTable(
                name: "LearningResponses");

            migrationBuilder.DropTable(
                name: "ResponsePlanVersions");
        }
    }
}
