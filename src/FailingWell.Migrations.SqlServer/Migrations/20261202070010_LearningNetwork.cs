using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LearningNetwork : Migration
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
                    KeyHash = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedOn = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubNoteEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    NoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Useful = table.Column<bool>(type: "bit", nullable: false),
                    Adopted = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubNoteEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubNotes",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorMemberId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatWasLearned = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatChanged = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    HarmBand = table.Column<int>(type: "int", nullable: false),
                    OrganisationType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubNotes", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "HubReceivedMessages",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubReceivedMessages", x => new { x.MemberId, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "LearningNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatWasLearned = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatChanged = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: true),
                    HarmBand = table.Column<int>(type: "int", nullable: true),
                    OrganisationType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DraftedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ApprovedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportId = table.Column<int>(type: "int", nullable: true),
                    LearningResponseId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    LastContactUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastPullUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsOwn = table.Column<bool>(type: "bit", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatWasLearned = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatChanged = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    HarmBand = table.Column<int>(type: "int", nullable: false),
                    OrganisationType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UsefulCount = table.Column<int>(type: "int", nullable: false),
                    AdoptedCount = table.Column<int>(type: "int", nullable: false),
                    MarkedUseful = table.Column<bool>(type: "bit", nullable: false),
                    MarkedAdopted = table.Column<bool>(type: "bit", nullable: false),
                    LastReadOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkOutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptOn = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentOn = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Failed = table.Column<bool>(type: "bit", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkOutboxMessages", x => x.Id);
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
                name: "IX_HubMembers_Name",
                table: "HubMembers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HubNoteEvents_MemberId_NoteId",
                table: "HubNoteEvents",
                columns: new[] { "MemberId", "NoteId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HubNoteEvents_NoteId",
                table: "HubNoteEvents",
                column: "NoteId");

            migrationBuilder.CreateIndex(
                name: "IX_HubNotes_NoteId",
                table: "HubNotes",
                column: "NoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningNotes_NoteId",
                table: "LearningNotes",
                column: "NoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningNotes_Status",
                table: "LearningNotes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkNotes_NoteId",
                table: "NetworkNotes",
                column: "NoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkNotes_Sequence",
                table: "NetworkNotes",
                column: "Sequence");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkOutboxMessages_SentOn_Failed_NextAttemptOn",
                table: "NetworkOutboxMessages",
                columns: new[] { "SentOn", "Failed", "NextAttemptOn" });

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
                name: "HubNoteEvents");

            migrationBuilder.DropTable(
                name: "HubNotes");

            migrationBuilder.DropTable(
                name: "HubReceivedMessages");

            migrationBuilder.DropTable(
                name: "HubSignals");

            migrationBuilder.DropTable(
                name: "LearningNotes");

            migrationBuilder.DropTable(
                name: "NetworkContacts");

            migrationBuilder.DropTable(
                name: "NetworkNotes");

            migrationBuilder.DropTable(
                name: "NetworkOutboxMessages");

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
