using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A full-text index of what happened and the lead's title (SQLite FTS5, contents read from
    /// Reports), so the triage search does not read every report's text. The status is indexed too,
    /// so "open reports with these words" is answered inside the index. Triggers keep it in step.
    /// A later migration that rebuilds the Reports table drops these triggers with it and must
    /// create them again (TriageSearchTests fails if it does not).
    /// </summary>
    public partial class ReportTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ReportText USING fts5(WhatHappened, Title, Status, content='Reports', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ReportText_AfterInsert AFTER INSERT ON Reports BEGIN
                  INSERT INTO ReportText(rowid, WhatHappened, Title, Status) VALUES (new.Id, new.WhatHappened, new.Title, new.Status);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ReportText_AfterDelete AFTER DELETE ON Reports BEGIN
                  INSERT INTO ReportText(ReportText, rowid, WhatHappened, Title, Status) VALUES ('delete', old.Id, old.WhatHappened, old.Title, old.Status);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ReportText_AfterUpdate AFTER UPDATE OF WhatHappened, Title, Status ON Reports BEGIN
                  INSERT INTO ReportText(ReportText, rowid, WhatHappened, Title, Status) VALUES ('delete', old.Id, old.WhatHappened, old.Title, old.Status);
                  INSERT INTO ReportText(rowid, WhatHappened, Title, Status) VALUES (new.Id, new.WhatHappened, new.Title, new.Status);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ReportText(ReportText) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportText_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportText_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportText_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ReportText;");
        }
    }
}
