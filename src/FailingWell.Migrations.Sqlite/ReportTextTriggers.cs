using Microsoft.EntityFrameworkCore.Migrations;

namespace FailingWell.Migrations.Sqlite;

/// <summary>
/// The triggers that keep the word index (ReportText, FTS5) in step with Reports. Hand-written, not in the model, so
/// a migration that makes EF rebuild the Reports table (SQLite cannot alter a column in place: EF copies the table and
/// drops the old one, and its triggers with it) must create them again at its end.
/// </summary>
internal static class ReportTextTriggers
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS ReportText_AfterInsert AFTER INSERT ON Reports BEGIN
              INSERT INTO ReportText(rowid, WhatHappened, Title, Status) VALUES (new.Id, new.WhatHappened, new.Title, new.Status);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS ReportText_AfterDelete AFTER DELETE ON Reports BEGIN
              INSERT INTO ReportText(ReportText, rowid, WhatHappened, Title, Status) VALUES ('delete', old.Id, old.WhatHappened, old.Title, old.Status);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS ReportText_AfterUpdate AFTER UPDATE OF WhatHappened, Title, Status ON Reports BEGIN
              INSERT INTO ReportText(ReportText, rowid, WhatHappened, Title, Status) VALUES ('delete', old.Id, old.WhatHappened, old.Title, old.Status);
              INSERT INTO ReportText(rowid, WhatHappened, Title, Status) VALUES (new.Id, new.WhatHappened, new.Title, new.Status);
            END;
            """);
    }
}
