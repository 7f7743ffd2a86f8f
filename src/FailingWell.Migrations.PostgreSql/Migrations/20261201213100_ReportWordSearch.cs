using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Word search for the lead's queue: a tsvector PostgreSQL keeps itself from what happened and the
    /// title, with a GIN index. Outside the model on purpose: no query of reports reads it (see
    /// ReportTextSearch), and 'simple' matches the SQLite index (no stemming, no stop words).
    /// </summary>
    public partial class ReportWordSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Reports" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("WhatHappened", '') || ' ' || coalesce("Title", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SearchVector" ON "Reports" USING GIN ("SearchVector");""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Reports_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Reports" DROP COLUMN IF EXISTS "SearchVector";""");
        }
    }
}
