using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FailingWell.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeerAggregates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsYou = table.Column<bool>(type: "boolean", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: true),
                    BedDays = table.Column<double>(type: "double precision", nullable: true),
                    NoOrLowHarm = table.Column<int>(type: "integer", nullable: true),
                    NearMisses = table.Column<int>(type: "integer", nullable: true),
                    Anonymous = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerAggregates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportOffers",
                columns: table => new
                {
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Offer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportOffers", x => x.OfferId);
                });

            migrationBuilder.CreateTable(
                name: "HubAggregates",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: true),
                    BedDays = table.Column<double>(type: "double precision", nullable: true),
                    NoOrLowHarm = table.Column<int>(type: "integer", nullable: true),
                    NearMisses = table.Column<int>(type: "integer", nullable: true),
                    Anonymous = table.Column<int>(type: "integer", nullable: true)
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
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Signal = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Offer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
