using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexesForOverdueAndReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_WhyAnonymous_ReceivedOn",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AwaitingFeedback",
                table: "Reports",
                columns: new[] { "Status", "FeedbackBy" },
                filter: "\"FeedbackGivenOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceivedOn_WhyAnonymous",
                table: "Reports",
                columns: new[] { "ReceivedOn", "WhyAnonymous" },
                filter: "\"WhyAnonymous\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_AwaitingFeedback",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_ReceivedOn_WhyAnonymous",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_WhyAnonymous_ReceivedOn",
                table: "Reports",
                columns: new[] { "WhyAnonymous", "ReceivedOn" });
        }
    }
}
