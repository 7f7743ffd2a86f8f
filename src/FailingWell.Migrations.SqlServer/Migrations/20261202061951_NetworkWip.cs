using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NetworkWip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HubMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedOn = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeerAggregates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Organisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsYou = table.Column<bool>(type: "bit", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Reports = table.Column<int>(type: "int", nullable: true),
                    BedDays = table.Column<double>(type: "float", nullable: true),
                    NoOrLowHarm = table.Column<int>(type: "int", nullable: true),
                    NearMisses = table.Column<int>(type: "int", nullable: true),
                    Anonymous = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerAggregates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportOffers",
                columns: table => new
                {
                    OfferId = table.Column<int>(type: "int", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Offer = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportOffers", x => x.OfferId);
                });

            migrationBuilder.CreateTable(
                name: "HubAggregates",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Reports = table.Column<int>(type: "int", nullable: true),
                    BedDays = table.Column<double>(type: "float", nullable: true),
                    NoOrLowHarm = table.Column<int>(type: "int", nullable: true),
                    NearMisses = table.Column<int>(type: "int", nullable: true),
                    Anonymous = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubAggregates", x => new { x.MemberId, x.Month });
                    table.ForeignKey(
                        name: "FK_HubAggregates_HubMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "HubMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HubSignals",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    Signal = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubSignals", x => new { x.MemberId, x.Signal });
                    table.ForeignKey(
                        name: "FK_HubSignals_HubMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "HubMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerSupportOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Offer = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerSupportOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerSupportOffers_HubMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "HubMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerAggregates_Month_Organisation",
                table: "PeerAggregates",
                columns: new[] { "Month", "Organisation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupportOffers_MemberId",
                table: "PeerSupportOffers",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HubAggregates");

            migrationBuilder.DropTable(
                name: "HubSignals");

            migrationBuilder.DropTable(
                name: "PeerAggregates");

            migrationBuilder.DropTable(
                name: "PeerSupportOffers");

            migrationBuilder.DropTable(
                name: "SupportOffers");

            migrationBuilder.DropTable(
                name: "HubMembers");
        }
    }
}
