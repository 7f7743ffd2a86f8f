using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AcknowledgeBy",
                table: "Reports",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContactDetailsRemovedOn",
                table: "Reports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfReportId",
                table: "Reports",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeedbackBy",
                table: "Reports",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeedbackGivenOn",
                table: "Reports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerAccountId",
                table: "Reports",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RiskConsequence",
                table: "Reports",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RiskLikelihood",
                table: "Reports",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RiskRating",
                table: "Reports",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RiskScore",
                table: "Reports",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Reports",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Reports",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "OwnerAccountId",
                table: "ReportActions",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorStep",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AccountName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReportId = table.Column<int>(type: "int", nullable: true),
                    ReportReference = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DuplicateOfReportId",
                table: "Reports",
                column: "DuplicateOfReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Kind_ReceivedOn",
                table: "Reports",
                columns: new[] { "Kind", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OwnerAccountId_Status",
                table: "Reports",
                columns: new[] { "OwnerAccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PhysicalHarm_ReceivedOn",
                table: "Reports",
                columns: new[] { "PhysicalHarm", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RiskRating_ReceivedOn",
                table: "Reports",
                columns: new[] { "RiskRating", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_AcknowledgeBy",
                table: "Reports",
                columns: new[] { "Status", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_FeedbackBy",
                table: "Reports",
                columns: new[] { "Status", "FeedbackBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportActions_OwnerAccountId_CompletedOn",
                table: "ReportActions",
                columns: new[] { "OwnerAccountId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "AccountId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ReportId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ReportId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DuplicateOfReportId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Kind_ReceivedOn",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OwnerAccountId_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_PhysicalHarm_ReceivedOn",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_RiskRating_ReceivedOn",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_AcknowledgeBy",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_FeedbackBy",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportActions_OwnerAccountId_CompletedOn",
                table: "ReportActions");

            migrationBuilder.DropColumn(
                name: "AcknowledgeBy",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ContactDetailsRemovedOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DuplicateOfReportId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "FeedbackBy",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "FeedbackGivenOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "OwnerAccountId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RiskConsequence",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RiskLikelihood",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RiskRating",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RiskScore",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "OwnerAccountId",
                table: "ReportActions");

            migrationBuilder.DropColumn(
                name: "LastAuthenticatorStep",
                table: "AspNetUsers");
        }
    }
}
