using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DigestSubscribersTold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SubscribersToldAtUtc",
                table: "Digests",
                type: "datetime2",
                nullable: true);

            // Packs built before this column existed were told of when they were built.
            migrationBuilder.Sql(@"UPDATE [Digests] SET [SubscribersToldAtUtc] = [BuiltAtUtc];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubscribersToldAtUtc",
                table: "Digests");
        }
    }
}
