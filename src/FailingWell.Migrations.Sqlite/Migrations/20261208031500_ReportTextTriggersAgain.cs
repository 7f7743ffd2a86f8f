using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// ImportedReports altered a column of Reports, which SQLite can only do by EF rebuilding the table at the end of
    /// that migration, after anything written in it: the word index's triggers went with the old table. This makes them
    /// again (SQLite only; the model is unchanged, so it has no target model of its own).
    /// </summary>
    [DbContext(typeof(FailingWellDbContext))]
    [Migration("20261208031500_ReportTextTriggersAgain")]
    public partial class ReportTextTriggersAgain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ReportTextTriggers.Create(migrationBuilder);
            // Reports changed while the triggers were missing: index the words again from the table.
            migrationBuilder.Sql("INSERT INTO ReportText(ReportText) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
