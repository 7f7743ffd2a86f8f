using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FastReceiptVerifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReceiptVerifier",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReceiptVerifier",
                table: "Reports");
        }
    }
}
