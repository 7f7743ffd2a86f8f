using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedOn = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubNoteEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Useful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Adopted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubNoteEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubNotes",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWasLearned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatChanged = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    HarmBand = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubNotes", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "HubReceivedMessages",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubReceivedMessages", x => new { x.MemberId, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "LearningNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWasLearned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatChanged = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    HarmBand = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ApprovedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastContactUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPullUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsOwn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWasLearned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatChanged = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    HarmBand = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UsefulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkedUseful = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkedAdopted = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReadOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkOutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeerAggregates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsYou = table.Column<bool>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: true),
                    BedDays = table.Column<double>(type: "REAL", nullable: true),
                    NoOrLowHarm = table.Column<int>(type: "INTEGER", nullable: true),
                    NearMisses = table.Column<int>(type: "INTEGER", nullable: true),
                    Anonymous = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerAggregates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportOffers",
                columns: table => new
                {
                    OfferId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportOffers", x => x.OfferId);
                });

            migrationBuilder.CreateTable(
                name: "HubAggregates",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: true),
                    BedDays = table.Column<double>(type: "REAL", nullable: true),
                    NoOrLowHarm = table.Column<int>(type: "INTEGER", nullable: true),
                    NearMisses = table.Column<int>(type: "INTEGER", nullable: true),
                    Anonymous = table.Column<int>(type: "INTEGER", nullable: true)
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
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signal = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
