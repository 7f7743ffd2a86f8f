using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DigestCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Stream_ReceivedOn",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Stream_ReceivedOn_DivisionId",
                table: "Reports",
                columns: new[] { "Stream", "ReceivedOn", "DivisionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Stream_ReceivedOn_DivisionId",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Stream_ReceivedOn",
                table: "Reports",
                columns: new[] { "Stream", "ReceivedOn" });
        }
    }
}
