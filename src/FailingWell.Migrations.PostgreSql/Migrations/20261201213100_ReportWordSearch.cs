using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Word search for the lead's queue: a tsvector PostgreSQL keeps itself from what happened and the
    /// title, with a GIN index. Outside the model on purpose: no query of reports reads it (see
    /// ReportTextSearch). Its configuration matches the SQLite index: words as typed, no stemming, no
    /// stop words, accents taken off ("cafe" finds "café"; unaccent is a trusted extension, so the
    /// schema's owner may add it).
    /// </summary>
    public partial class ReportWordSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION failingwell_words (COPY = pg_catalog.simple);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION failingwell_words ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;");
            migrationBuilder.Sql("""
                ALTER TABLE "Reports" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('failingwell_words'::regconfig, coalesce("WhatHappened", '') || ' ' || coalesce("Title", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SearchVector" ON "Reports" USING GIN ("SearchVector");""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Reports_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Reports" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS failingwell_words;");
        }
    }
}
