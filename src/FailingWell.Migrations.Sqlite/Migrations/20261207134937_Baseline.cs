using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FailingWell.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The whole schema as of the first deployment (decision 0098 squashed the earlier migrations).
    /// Hand-written at the end: the word index of what happened and the lead's title (SQLite FTS5,
    /// contents read from Reports, with the status so "open reports with these words" is answered
    /// inside the index, three-letter prefixes indexed so "bed" finds "bedside" from one list), kept in
    /// step by triggers. A later migration that rebuilds the Reports table drops these triggers with it
    /// and must create them again (TriageSearchTests fails if it does not).
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Annotations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecalculateLimits = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Annotations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSignInAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastAuthenticatorStep = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DefaultStream = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CultureRollups",
                columns: table => new
                {
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DivisionKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    NoOrLowHarm = table.Column<int>(type: "INTEGER", nullable: false),
                    NearMisses = table.Column<int>(type: "INTEGER", nullable: false),
                    SevereOrFatal = table.Column<int>(type: "INTEGER", nullable: false),
                    NonClinicalReporters = table.Column<int>(type: "INTEGER", nullable: false),
                    Anonymous = table.Column<int>(type: "INTEGER", nullable: false),
                    GoodPractice = table.Column<int>(type: "INTEGER", nullable: false),
                    Acknowledged = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgementDays = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FeedbackDue = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackOnTime = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultureRollups", x => new { x.PeriodKind, x.PeriodStart, x.DivisionKey });
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Digests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Stream = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ScopeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubscribersToldAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Digests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigestSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Stream = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Divisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RateBasis = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Divisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HubMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
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
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
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
                name: "PeerRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RatePer1000BedDays = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PeerGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResponsePlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsePlanVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedQueueViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedQueueViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "StaffGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IsNonClinical = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffGroups", x => x.Id);
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Denominators",
                columns: table => new
                {
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BedDays = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffWte = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Denominators", x => new { x.DivisionId, x.Month });
                    table.ForeignKey(
                        name: "FK_Denominators_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Locations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Locations_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "LearningResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeadAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    NationalTrigger = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedType = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposalWhy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SeipsPerson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsTasks = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsTools = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsOrganisation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsInternalEnvironment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SeipsExternalEnvironment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarExpected = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarActual = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarWhyDifferent = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AarLearned = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    TermsOfReference = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ReporterSummary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningResponses_ResponsePlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "ResponsePlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JustCultureRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActionConsidered = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeliberateHarm = table.Column<bool>(type: "INTEGER", nullable: true),
                    Health = table.Column<bool>(type: "INTEGER", nullable: true),
                    Foresight = table.Column<bool>(type: "INTEGER", nullable: true),
                    Substitution = table.Column<bool>(type: "INTEGER", nullable: true),
                    MitigatingCircumstances = table.Column<bool>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JustCultureRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JustCultureRecords_StaffGroups_StaffGroupId",
                        column: x => x.StaffGroupId,
                        principalTable: "StaffGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReferenceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ImmediateAction = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OccurredBand = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonAffected = table.Column<int>(type: "INTEGER", nullable: false),
                    PhysicalHarm = table.Column<int>(type: "INTEGER", nullable: false),
                    PsychologicalHarm = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stream = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhyAnonymous = table.Column<int>(type: "INTEGER", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RiskConsequence = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskScore = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskRating = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DuplicateOfReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackGivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactDetailsRemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeForReporter = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Learning = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    LearningRecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptLocator = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceiptSalt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    ReceiptHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ReceiptVerifier = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_StaffGroups_StaffGroupId",
                        column: x => x.StaffGroupId,
                        principalTable: "StaffGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpeakUpCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Route = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatIsTheConcern = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Openness = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    WhyAnonymous = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedbackGivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PatientSafetyElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkerSafetyElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    BullyingElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    BehaviourElement = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    DetrimentIndicated = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActionsTaken = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    WouldSpeakUpAgain = table.Column<int>(type: "INTEGER", nullable: true),
                    DetrimentAtCheckIn = table.Column<int>(type: "INTEGER", nullable: true),
                    HandedOverOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandOverConsentNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptLocator = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceiptSalt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    ReceiptHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakUpCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakUpCases_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakUpCases_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakUpCases_StaffGroups_StaffGroupId",
                        column: x => x.StaffGroupId,
                        principalTable: "StaffGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Person = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FindingsSharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_LearningResponses_LearningResponseId",
                        column: x => x.LearningResponseId,
                        principalTable: "LearningResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeasureCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureDivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureKind = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpectedDirection = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyActions_Categories_MeasureCategoryId",
                        column: x => x.MeasureCategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SafetyActions_Divisions_MeasureDivisionId",
                        column: x => x.MeasureDivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SafetyActions_LearningResponses_LearningResponseId",
                        column: x => x.LearningResponseId,
                        principalTable: "LearningResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SafetyActions_Locations_MeasureLocationId",
                        column: x => x.MeasureLocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningResponseReports",
                columns: table => new
                {
                    LearningResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningResponseReports", x => new { x.LearningResponseId, x.ReportId });
                    table.ForeignKey(
                        name: "FK_LearningResponseReports_LearningResponses_LearningResponseId",
                        column: x => x.LearningResponseId,
                        principalTable: "LearningResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningResponseReports_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnerAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportActions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<int>(type: "INTEGER", nullable: false),
                    IsAdditionalInformation = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentBand = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportMessages_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpeakUpMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentBand = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakUpMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakUpMessages_SpeakUpCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SpeakUpCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ResponsePlanVersions",
                columns: new[] { "Id", "ChangeNote", "Content", "Number", "SavedBy", "SavedOn" },
                values: new object[] { 1, "The starting plan: PSIRF's national requirements and five local priorities", "{\"nationalTriggers\":[{\"trigger\":1,\"referTo\":null,\"response\":5},{\"trigger\":2,\"referTo\":null,\"response\":5},{\"trigger\":3,\"referTo\":\"Also tell the Care Quality Commission\",\"response\":5},{\"trigger\":4,\"referTo\":\"Refer to Maternity and Newborn Safety Investigations (MNSI)\",\"response\":5},{\"trigger\":5,\"referTo\":\"Refer to the Child Death Overview Panel\",\"response\":5},{\"trigger\":6,\"referTo\":\"Refer to LeDeR\",\"response\":5},{\"trigger\":7,\"referTo\":\"Refer to the local safeguarding partnership\",\"response\":5},{\"trigger\":8,\"referTo\":\"Refer to the screening quality assurance service\",\"response\":5},{\"trigger\":9,\"referTo\":\"Refer to the Prisons and Probation Ombudsman\",\"response\":5},{\"trigger\":10,\"referTo\":\"Refer to NHS England for an independent review\",\"response\":5},{\"trigger\":11,\"referTo\":\"Refer to the community safety partnership\",\"response\":5}],\"localPriorities\":[{\"category\":\"Falls\",\"minimumHarm\":2,\"theme\":null,\"response\":2},{\"category\":\"Medication\",\"minimumHarm\":2,\"theme\":null,\"response\":2},{\"category\":\"Pressure ulcers\",\"minimumHarm\":2,\"theme\":null,\"response\":4},{\"category\":\"Infection control\",\"minimumHarm\":3,\"theme\":null,\"response\":3},{\"category\":null,\"minimumHarm\":null,\"theme\":\"deteriorat\",\"response\":1}]}", 1, null, new DateOnly(2026, 12, 1) });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_On",
                table: "Annotations",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "AccountId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ReportId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ReportId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Name",
                table: "Categories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Digests_PeriodStart_Stream",
                table: "Digests",
                columns: new[] { "PeriodStart", "Stream" });

            migrationBuilder.CreateIndex(
                name: "IX_Digests_Stream_PeriodKey_ScopeKey",
                table: "Digests",
                columns: new[] { "Stream", "PeriodKey", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_AccountId_Stream_ScopeKey",
                table: "DigestSubscriptions",
                columns: new[] { "AccountId", "Stream", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_Stream_ScopeKey",
                table: "DigestSubscriptions",
                columns: new[] { "Stream", "ScopeKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Divisions_Name",
                table: "Divisions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_LearningResponseId",
                table: "Engagements",
                column: "LearningResponseId");

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
                name: "IX_JustCultureRecords_RecordedByAccountId_RecordedOn",
                table: "JustCultureRecords",
                columns: new[] { "RecordedByAccountId", "RecordedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JustCultureRecords_StaffGroupId",
                table: "JustCultureRecords",
                column: "StaffGroupId");

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
                name: "IX_LearningResponseReports_ReportId",
                table: "LearningResponseReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponses_CompletedOn",
                table: "LearningResponses",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponses_PlanVersionId",
                table: "LearningResponses",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResponses_Status_CreatedOn",
                table: "LearningResponses",
                columns: new[] { "Status", "CreatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Locations_DivisionId_Name",
                table: "Locations",
                columns: new[] { "DivisionId", "Name" },
                unique: true);

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
                name: "IX_OutboxEmails_Status_NextAttemptAtUtc",
                table: "OutboxEmails",
                columns: new[] { "Status", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerAggregates_Month_Organisation",
                table: "PeerAggregates",
                columns: new[] { "Month", "Organisation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerRates_PeerGroup_Month_Organisation",
                table: "PeerRates",
                columns: new[] { "PeerGroup", "Month", "Organisation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupportOffers_MemberId",
                table: "PeerSupportOffers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportActions_OwnerAccountId_CompletedOn",
                table: "ReportActions",
                columns: new[] { "OwnerAccountId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportActions_ReportId",
                table: "ReportActions",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessages_ReportId_SubmissionId",
                table: "ReportMessages",
                columns: new[] { "ReportId", "SubmissionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AwaitingFeedback",
                table: "Reports",
                columns: new[] { "Status", "FeedbackBy" },
                filter: "\"FeedbackGivenOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId",
                table: "Reports",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DivisionId_ReceivedOn",
                table: "Reports",
                columns: new[] { "DivisionId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DuplicateOfReportId",
                table: "Reports",
                column: "DuplicateOfReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Kind_ReceivedOn",
                table: "Reports",
                columns: new[] { "Kind", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_LearningRecordedOn",
                table: "Reports",
                column: "LearningRecordedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_LocationId",
                table: "Reports",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OwnerAccountId_Status",
                table: "Reports",
                columns: new[] { "OwnerAccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PhysicalHarm_ReceivedOn",
                table: "Reports",
                columns: new[] { "PhysicalHarm", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceiptLocator",
                table: "Reports",
                column: "ReceiptLocator",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceivedOn",
                table: "Reports",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceivedOn_WhyAnonymous",
                table: "Reports",
                columns: new[] { "ReceivedOn", "WhyAnonymous" },
                filter: "\"WhyAnonymous\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Reference",
                table: "Reports",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReferenceYear_ReferenceNumber",
                table: "Reports",
                columns: new[] { "ReferenceYear", "ReferenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RiskRating_ReceivedOn",
                table: "Reports",
                columns: new[] { "RiskRating", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_StaffGroupId",
                table: "Reports",
                column: "StaffGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_AcknowledgeBy",
                table: "Reports",
                columns: new[] { "Status", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_FeedbackBy",
                table: "Reports",
                columns: new[] { "Status", "FeedbackBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_ReceivedOn",
                table: "Reports",
                columns: new[] { "Status", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Stream_ReceivedOn_DivisionId",
                table: "Reports",
                columns: new[] { "Stream", "ReceivedOn", "DivisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmissionId",
                table: "Reports",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponsePlanVersions_Number",
                table: "ResponsePlanVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_CompletedOn_DueOn",
                table: "SafetyActions",
                columns: new[] { "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_LearningResponseId",
                table: "SafetyActions",
                column: "LearningResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_MeasureCategoryId",
                table: "SafetyActions",
                column: "MeasureCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_MeasureDivisionId",
                table: "SafetyActions",
                column: "MeasureDivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyActions_MeasureLocationId",
                table: "SafetyActions",
                column: "MeasureLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedQueueViews_AccountId_Name",
                table: "SavedQueueViews",
                columns: new[] { "AccountId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_ClosedOn",
                table: "SpeakUpCases",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_DivisionId",
                table: "SpeakUpCases",
                column: "DivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_LocationId",
                table: "SpeakUpCases",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_ReceiptLocator",
                table: "SpeakUpCases",
                column: "ReceiptLocator",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_ReceivedOn",
                table: "SpeakUpCases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_Reference",
                table: "SpeakUpCases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_StaffGroupId",
                table: "SpeakUpCases",
                column: "StaffGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_Status_ReceivedOn",
                table: "SpeakUpCases",
                columns: new[] { "Status", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpCases_SubmissionId",
                table: "SpeakUpCases",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakUpMessages_CaseId_SubmissionId",
                table: "SpeakUpMessages",
                columns: new[] { "CaseId", "SubmissionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffGroups_Name",
                table: "StaffGroups",
                column: "Name",
                unique: true);

            // Hand-written (not in the model): the word index and the triggers that keep it in step.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ReportText USING fts5(WhatHappened, Title, Status, content='Reports', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='3');
                """);
            ReportTextTriggers.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportText_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportText_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportText_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ReportText;");

            migrationBuilder.DropTable(
                name: "Annotations");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CultureRollups");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Denominators");

            migrationBuilder.DropTable(
                name: "Digests");

            migrationBuilder.DropTable(
                name: "DigestSubscriptions");

            migrationBuilder.DropTable(
                name: "Engagements");

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
                name: "JustCultureRecords");

            migrationBuilder.DropTable(
                name: "LearningNotes");

            migrationBuilder.DropTable(
                name: "LearningResponseReports");

            migrationBuilder.DropTable(
                name: "NetworkContacts");

            migrationBuilder.DropTable(
                name: "NetworkNotes");

            migrationBuilder.DropTable(
                name: "NetworkOutboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropTable(
                name: "PeerAggregates");

            migrationBuilder.DropTable(
                name: "PeerRates");

            migrationBuilder.DropTable(
                name: "PeerSupportOffers");

            migrationBuilder.DropTable(
                name: "ReportActions");

            migrationBuilder.DropTable(
                name: "ReportMessages");

            migrationBuilder.DropTable(
                name: "SafetyActions");

            migrationBuilder.DropTable(
                name: "SavedQueueViews");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "SpeakUpMessages");

            migrationBuilder.DropTable(
                name: "SupportOffers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "HubMembers");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "LearningResponses");

            migrationBuilder.DropTable(
                name: "SpeakUpCases");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "ResponsePlanVersions");

            migrationBuilder.DropTable(
                name: "Locations");

            migrationBuilder.DropTable(
                name: "StaffGroups");

            migrationBuilder.DropTable(
                name: "Divisions");
        }
    }
}
