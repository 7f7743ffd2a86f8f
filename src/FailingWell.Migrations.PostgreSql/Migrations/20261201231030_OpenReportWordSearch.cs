using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Word search over open reports, the queue's usual search: a GIN index of their words only, so a
    /// common word finds the open reports that have it without reading the closed ones (most of them)
    /// and checking each one's status (ReportTextSearch writes the matching condition; 4 is Closed).
    /// </summary>
    public partial class OpenReportWordSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SearchVector_Open" ON "Reports" USING GIN ("SearchVector") WHERE "Status" <> 4;""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Reports_SearchVector_Open";""");
        }
    }
}
