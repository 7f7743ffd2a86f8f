IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Annotations] (
        [Id] int NOT NULL IDENTITY,
        [On] date NOT NULL,
        [Text] nvarchar(200) NOT NULL,
        [RecalculateLimits] bit NOT NULL,
        CONSTRAINT [PK_Annotations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(max) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [LastSignInAtUtc] datetime2 NULL,
        [IsDisabled] bit NOT NULL,
        [LastAuthenticatorStep] bigint NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [AtUtc] datetime2 NOT NULL,
        [AccountId] nvarchar(450) NULL,
        [AccountName] nvarchar(200) NULL,
        [Action] nvarchar(400) NOT NULL,
        [ReportId] int NULL,
        [ReportReference] nvarchar(20) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Categories] (
        [Id] int NOT NULL IDENTITY,
        [DefaultStream] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsRetired] bit NOT NULL,
        CONSTRAINT [PK_Categories] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [CultureRollups] (
        [PeriodKind] int NOT NULL,
        [PeriodStart] date NOT NULL,
        [DivisionKey] int NOT NULL,
        [Reports] int NOT NULL,
        [NoOrLowHarm] int NOT NULL,
        [NearMisses] int NOT NULL,
        [SevereOrFatal] int NOT NULL,
        [NonClinicalReporters] int NOT NULL,
        [Anonymous] int NOT NULL,
        [GoodPractice] int NOT NULL,
        [Acknowledged] int NOT NULL,
        [AcknowledgementDays] nvarchar(4000) NOT NULL,
        [FeedbackDue] int NOT NULL,
        [FeedbackOnTime] int NOT NULL,
        CONSTRAINT [PK_CultureRollups] PRIMARY KEY ([PeriodKind], [PeriodStart], [DivisionKey])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(200) NOT NULL,
        [Xml] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Digests] (
        [Id] int NOT NULL IDENTITY,
        [Stream] int NOT NULL,
        [PeriodKind] int NOT NULL,
        [PeriodKey] nvarchar(10) NOT NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [ScopeKey] nvarchar(30) NOT NULL,
        [ScopeName] nvarchar(100) NOT NULL,
        [DivisionId] int NULL,
        [BuiltAtUtc] datetime2 NOT NULL,
        [SubscribersToldAtUtc] datetime2 NULL,
        [Total] int NOT NULL,
        [Content] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_Digests] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [DigestSubscriptions] (
        [Id] int NOT NULL IDENTITY,
        [AccountId] nvarchar(450) NOT NULL,
        [Stream] int NOT NULL,
        [ScopeKey] nvarchar(30) NOT NULL,
        CONSTRAINT [PK_DigestSubscriptions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Divisions] (
        [Id] int NOT NULL IDENTITY,
        [RateBasis] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsRetired] bit NOT NULL,
        CONSTRAINT [PK_Divisions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [HubMembers] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [OrganisationType] nvarchar(100) NOT NULL,
        [KeyHash] nvarchar(400) NOT NULL,
        [IssuedOn] datetimeoffset NOT NULL,
        [RevokedOn] datetimeoffset NULL,
        CONSTRAINT [PK_HubMembers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [HubNoteEvents] (
        [Id] int NOT NULL IDENTITY,
        [MemberId] int NOT NULL,
        [NoteId] uniqueidentifier NOT NULL,
        [Useful] bit NOT NULL,
        [Adopted] bit NOT NULL,
        CONSTRAINT [PK_HubNoteEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [HubNotes] (
        [Sequence] bigint NOT NULL IDENTITY,
        [NoteId] uniqueidentifier NOT NULL,
        [AuthorMemberId] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [WhatHappened] nvarchar(4000) NOT NULL,
        [WhatWasLearned] nvarchar(4000) NOT NULL,
        [WhatChanged] nvarchar(4000) NOT NULL,
        [Category] nvarchar(100) NOT NULL,
        [Kind] int NOT NULL,
        [HarmBand] int NOT NULL,
        [OrganisationType] nvarchar(100) NOT NULL,
        [Month] nvarchar(7) NOT NULL,
        [PublishedOn] date NOT NULL,
        CONSTRAINT [PK_HubNotes] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [HubReceivedMessages] (
        [MemberId] int NOT NULL,
        [MessageId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [ReceivedOn] date NOT NULL,
        CONSTRAINT [PK_HubReceivedMessages] PRIMARY KEY ([MemberId], [MessageId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [LearningNotes] (
        [Id] int NOT NULL IDENTITY,
        [NoteId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [WhatHappened] nvarchar(4000) NOT NULL,
        [WhatWasLearned] nvarchar(4000) NOT NULL,
        [WhatChanged] nvarchar(4000) NOT NULL,
        [Category] nvarchar(100) NOT NULL,
        [Kind] int NULL,
        [HarmBand] int NULL,
        [OrganisationType] nvarchar(100) NOT NULL,
        [Month] nvarchar(7) NOT NULL,
        [Status] int NOT NULL,
        [DraftedByAccountId] nvarchar(450) NOT NULL,
        [ApprovedByAccountId] nvarchar(450) NULL,
        [PublishedOn] date NULL,
        [ReportId] int NULL,
        [LearningResponseId] int NULL,
        CONSTRAINT [PK_LearningNotes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [NetworkContacts] (
        [Id] int NOT NULL,
        [LastContactUtc] datetime2 NULL,
        [LastPullUtc] datetime2 NULL,
        [LastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_NetworkContacts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [NetworkNotes] (
        [Id] int NOT NULL IDENTITY,
        [NoteId] uniqueidentifier NOT NULL,
        [Sequence] bigint NOT NULL,
        [AuthorName] nvarchar(200) NOT NULL,
        [AuthorType] nvarchar(100) NOT NULL,
        [IsOwn] bit NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [WhatHappened] nvarchar(4000) NOT NULL,
        [WhatWasLearned] nvarchar(4000) NOT NULL,
        [WhatChanged] nvarchar(4000) NOT NULL,
        [Category] nvarchar(100) NOT NULL,
        [Kind] int NOT NULL,
        [HarmBand] int NOT NULL,
        [OrganisationType] nvarchar(100) NOT NULL,
        [Month] nvarchar(7) NOT NULL,
        [PublishedOn] date NOT NULL,
        [UsefulCount] int NOT NULL,
        [AdoptedCount] int NOT NULL,
        [MarkedUseful] bit NOT NULL,
        [MarkedAdopted] bit NOT NULL,
        [LastReadOn] date NULL,
        [AdoptedOn] date NULL,
        CONSTRAINT [PK_NetworkNotes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [NetworkOutboxMessages] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [CreatedOn] date NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptOn] datetime2 NOT NULL,
        [SentOn] datetime2 NULL,
        [Failed] bit NOT NULL,
        [LastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_NetworkOutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [OutboxEmails] (
        [Id] uniqueidentifier NOT NULL,
        [To] nvarchar(320) NOT NULL,
        [Subject] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Status] int NOT NULL,
        [Attempts] int NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [NextAttemptAtUtc] datetime2 NOT NULL,
        [SentAtUtc] datetime2 NULL,
        [LastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_OutboxEmails] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [PeerAggregates] (
        [Id] int NOT NULL IDENTITY,
        [Organisation] nvarchar(200) NOT NULL,
        [OrganisationType] nvarchar(100) NOT NULL,
        [IsYou] bit NOT NULL,
        [Month] date NOT NULL,
        [Reports] int NULL,
        [BedDays] float NULL,
        [NoOrLowHarm] int NULL,
        [NearMisses] int NULL,
        [Anonymous] int NULL,
        CONSTRAINT [PK_PeerAggregates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [PeerRates] (
        [Id] int NOT NULL IDENTITY,
        [Organisation] nvarchar(200) NOT NULL,
        [Month] date NOT NULL,
        [RatePer1000BedDays] decimal(9,2) NOT NULL,
        [PeerGroup] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_PeerRates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [ResponsePlanVersions] (
        [Id] int NOT NULL IDENTITY,
        [Number] int NOT NULL,
        [SavedOn] date NOT NULL,
        [SavedBy] nvarchar(200) NULL,
        [ChangeNote] nvarchar(500) NULL,
        [Content] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ResponsePlanVersions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [SavedQueueViews] (
        [Id] int NOT NULL IDENTITY,
        [AccountId] nvarchar(450) NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [Query] nvarchar(1000) NOT NULL,
        CONSTRAINT [PK_SavedQueueViews] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Settings] (
        [Key] nvarchar(100) NOT NULL,
        [Value] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_Settings] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [StaffGroups] (
        [Id] int NOT NULL IDENTITY,
        [IsNonClinical] bit NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsRetired] bit NOT NULL,
        CONSTRAINT [PK_StaffGroups] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [SupportOffers] (
        [OfferId] int NOT NULL,
        [OfferedOn] date NOT NULL,
        [Offer] nvarchar(1000) NOT NULL,
        [Status] int NOT NULL,
        [RepliedOn] date NULL,
        [ReviewStartsOn] date NULL,
        [ReviewEndsOn] date NULL,
        [Findings] nvarchar(4000) NULL,
        CONSTRAINT [PK_SupportOffers] PRIMARY KEY ([OfferId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Denominators] (
        [DivisionId] int NOT NULL,
        [Month] date NOT NULL,
        [BedDays] int NULL,
        [StaffWte] decimal(9,2) NULL,
        CONSTRAINT [PK_Denominators] PRIMARY KEY ([DivisionId], [Month]),
        CONSTRAINT [FK_Denominators_Divisions_DivisionId] FOREIGN KEY ([DivisionId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Locations] (
        [Id] int NOT NULL IDENTITY,
        [DivisionId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsRetired] bit NOT NULL,
        CONSTRAINT [PK_Locations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Locations_Divisions_DivisionId] FOREIGN KEY ([DivisionId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [HubAggregates] (
        [MemberId] int NOT NULL,
        [Month] date NOT NULL,
        [Reports] int NULL,
        [BedDays] float NULL,
        [NoOrLowHarm] int NULL,
        [NearMisses] int NULL,
        [Anonymous] int NULL,
        CONSTRAINT [PK_HubAggregates] PRIMARY KEY ([MemberId], [Month]),
        CONSTRAINT [FK_HubAggregates_HubMembers_MemberId] FOREIGN KEY ([MemberId]) REFERENCES [HubMembers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [HubSignals] (
        [MemberId] int NOT NULL,
        [Signal] nvarchar(60) NOT NULL,
        [RaisedOn] date NOT NULL,
        CONSTRAINT [PK_HubSignals] PRIMARY KEY ([MemberId], [Signal]),
        CONSTRAINT [FK_HubSignals_HubMembers_MemberId] FOREIGN KEY ([MemberId]) REFERENCES [HubMembers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [PeerSupportOffers] (
        [Id] int NOT NULL IDENTITY,
        [MemberId] int NOT NULL,
        [OfferedOn] date NOT NULL,
        [Offer] nvarchar(1000) NOT NULL,
        [Status] int NOT NULL,
        [RepliedOn] date NULL,
        [ReviewStartsOn] date NULL,
        [ReviewEndsOn] date NULL,
        [Findings] nvarchar(4000) NULL,
        CONSTRAINT [PK_PeerSupportOffers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PeerSupportOffers_HubMembers_MemberId] FOREIGN KEY ([MemberId]) REFERENCES [HubMembers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [LearningResponses] (
        [Id] int NOT NULL IDENTITY,
        [Type] int NOT NULL,
        [Status] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [CreatedOn] date NOT NULL,
        [CompletedOn] date NULL,
        [LeadAccountId] nvarchar(450) NULL,
        [LeadName] nvarchar(200) NULL,
        [PlanVersionId] int NULL,
        [NationalTrigger] int NOT NULL,
        [ProposedType] int NULL,
        [ProposalWhy] nvarchar(500) NULL,
        [OverrideReason] nvarchar(2000) NULL,
        [Participants] nvarchar(2000) NULL,
        [SeipsPerson] nvarchar(max) NULL,
        [SeipsTasks] nvarchar(max) NULL,
        [SeipsTools] nvarchar(max) NULL,
        [SeipsOrganisation] nvarchar(max) NULL,
        [SeipsInternalEnvironment] nvarchar(max) NULL,
        [SeipsExternalEnvironment] nvarchar(max) NULL,
        [Findings] nvarchar(max) NULL,
        [AarExpected] nvarchar(max) NULL,
        [AarActual] nvarchar(max) NULL,
        [AarWhyDifferent] nvarchar(max) NULL,
        [AarLearned] nvarchar(max) NULL,
        [TermsOfReference] nvarchar(max) NULL,
        [ReporterSummary] nvarchar(max) NULL,
        [SharedOn] date NULL,
        CONSTRAINT [PK_LearningResponses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LearningResponses_ResponsePlanVersions_PlanVersionId] FOREIGN KEY ([PlanVersionId]) REFERENCES [ResponsePlanVersions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [JustCultureRecords] (
        [Id] int NOT NULL IDENTITY,
        [RecordedByAccountId] nvarchar(450) NOT NULL,
        [RecordedOn] date NOT NULL,
        [StaffGroupId] int NOT NULL,
        [Role] nvarchar(100) NOT NULL,
        [PersonName] nvarchar(200) NULL,
        [ActionConsidered] nvarchar(2000) NOT NULL,
        [DeliberateHarm] bit NULL,
        [Health] bit NULL,
        [Foresight] bit NULL,
        [Substitution] bit NULL,
        [MitigatingCircumstances] bit NULL,
        [Outcome] int NULL,
        CONSTRAINT [PK_JustCultureRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_JustCultureRecords_StaffGroups_StaffGroupId] FOREIGN KEY ([StaffGroupId]) REFERENCES [StaffGroups] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Reports] (
        [Id] int NOT NULL IDENTITY,
        [Reference] nvarchar(20) NOT NULL,
        [ReferenceYear] int NOT NULL,
        [ReferenceNumber] int NOT NULL,
        [Kind] int NOT NULL,
        [WhatHappened] nvarchar(max) NOT NULL,
        [ImmediateAction] nvarchar(max) NULL,
        [OccurredOn] date NOT NULL,
        [OccurredBand] int NOT NULL,
        [DivisionId] int NULL,
        [LocationId] int NULL,
        [PersonAffected] int NOT NULL,
        [PhysicalHarm] int NOT NULL,
        [PsychologicalHarm] int NOT NULL,
        [CategoryId] int NOT NULL,
        [Stream] int NOT NULL,
        [StaffGroupId] int NULL,
        [IsAnonymous] bit NOT NULL,
        [WhyAnonymous] int NULL,
        [ReporterName] nvarchar(200) NULL,
        [ReporterEmail] nvarchar(320) NULL,
        [ReceivedOn] date NOT NULL,
        [ReceivedBand] int NOT NULL,
        [Status] int NOT NULL,
        [Title] nvarchar(200) NULL,
        [RiskConsequence] int NULL,
        [RiskLikelihood] int NULL,
        [RiskScore] int NULL,
        [RiskRating] int NULL,
        [OwnerAccountId] nvarchar(450) NULL,
        [DuplicateOfReportId] int NULL,
        [AcknowledgeBy] date NOT NULL,
        [FeedbackBy] date NOT NULL,
        [FeedbackGivenOn] date NULL,
        [Version] uniqueidentifier NOT NULL,
        [ContactDetailsRemovedOn] date NULL,
        [AcknowledgedOn] date NULL,
        [ClosedOn] date NULL,
        [OutcomeForReporter] nvarchar(max) NULL,
        [Learning] nvarchar(max) NULL,
        [LearningRecordedOn] date NULL,
        [SubmissionId] uniqueidentifier NOT NULL,
        [ReceiptLocator] nvarchar(8) NOT NULL,
        [ReceiptSalt] varbinary(16) NOT NULL,
        [ReceiptHash] varbinary(32) NOT NULL,
        [ReceiptVerifier] int NOT NULL,
        CONSTRAINT [PK_Reports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Reports_Categories_CategoryId] FOREIGN KEY ([CategoryId]) REFERENCES [Categories] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reports_Divisions_DivisionId] FOREIGN KEY ([DivisionId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reports_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reports_StaffGroups_StaffGroupId] FOREIGN KEY ([StaffGroupId]) REFERENCES [StaffGroups] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [SpeakUpCases] (
        [Id] int NOT NULL IDENTITY,
        [Reference] nvarchar(20) NOT NULL,
        [Route] int NOT NULL,
        [WhatIsTheConcern] nvarchar(max) NOT NULL,
        [DivisionId] int NULL,
        [LocationId] int NULL,
        [Openness] int NOT NULL,
        [ReporterName] nvarchar(200) NULL,
        [ReporterEmail] nvarchar(320) NULL,
        [WhyAnonymous] int NULL,
        [ReceivedOn] date NOT NULL,
        [ReceivedBand] int NOT NULL,
        [Status] int NOT NULL,
        [AcknowledgeBy] date NOT NULL,
        [FeedbackBy] date NOT NULL,
        [AcknowledgedOn] date NULL,
        [FeedbackGivenOn] date NULL,
        [ClosedOn] date NULL,
        [PatientSafetyElement] bit NOT NULL,
        [WorkerSafetyElement] bit NOT NULL,
        [BullyingElement] bit NOT NULL,
        [BehaviourElement] bit NOT NULL,
        [StaffGroupId] int NULL,
        [DetrimentIndicated] bit NOT NULL,
        [ActionsTaken] nvarchar(max) NULL,
        [Feedback] nvarchar(max) NULL,
        [WouldSpeakUpAgain] int NULL,
        [DetrimentAtCheckIn] int NULL,
        [HandedOverOn] date NULL,
        [HandOverConsentNote] nvarchar(2000) NULL,
        [SubmissionId] uniqueidentifier NOT NULL,
        [ReceiptLocator] nvarchar(8) NOT NULL,
        [ReceiptSalt] varbinary(16) NOT NULL,
        [ReceiptHash] varbinary(32) NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_SpeakUpCases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SpeakUpCases_Divisions_DivisionId] FOREIGN KEY ([DivisionId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SpeakUpCases_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SpeakUpCases_StaffGroups_StaffGroupId] FOREIGN KEY ([StaffGroupId]) REFERENCES [StaffGroups] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [Engagements] (
        [Id] int NOT NULL IDENTITY,
        [LearningResponseId] int NOT NULL,
        [Person] int NOT NULL,
        [Role] nvarchar(100) NULL,
        [OfferedOn] date NULL,
        [AcceptedOn] date NULL,
        [MetOn] date NULL,
        [FindingsSharedOn] date NULL,
        [Notes] nvarchar(max) NULL,
        CONSTRAINT [PK_Engagements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Engagements_LearningResponses_LearningResponseId] FOREIGN KEY ([LearningResponseId]) REFERENCES [LearningResponses] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [SafetyActions] (
        [Id] int NOT NULL IDENTITY,
        [LearningResponseId] int NOT NULL,
        [Description] nvarchar(2000) NOT NULL,
        [OwnerAccountId] nvarchar(450) NOT NULL,
        [OwnerName] nvarchar(200) NULL,
        [StartsOn] date NOT NULL,
        [DueOn] date NOT NULL,
        [CompletedOn] date NULL,
        [MeasureCategoryId] int NOT NULL,
        [MeasureDivisionId] int NULL,
        [MeasureLocationId] int NULL,
        [MeasureKind] int NULL,
        [ExpectedDirection] int NOT NULL,
        CONSTRAINT [PK_SafetyActions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SafetyActions_Categories_MeasureCategoryId] FOREIGN KEY ([MeasureCategoryId]) REFERENCES [Categories] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SafetyActions_Divisions_MeasureDivisionId] FOREIGN KEY ([MeasureDivisionId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SafetyActions_LearningResponses_LearningResponseId] FOREIGN KEY ([LearningResponseId]) REFERENCES [LearningResponses] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_SafetyActions_Locations_MeasureLocationId] FOREIGN KEY ([MeasureLocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [LearningResponseReports] (
        [LearningResponseId] int NOT NULL,
        [ReportId] int NOT NULL,
        CONSTRAINT [PK_LearningResponseReports] PRIMARY KEY ([LearningResponseId], [ReportId]),
        CONSTRAINT [FK_LearningResponseReports_LearningResponses_LearningResponseId] FOREIGN KEY ([LearningResponseId]) REFERENCES [LearningResponses] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_LearningResponseReports_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [ReportActions] (
        [Id] int NOT NULL IDENTITY,
        [ReportId] int NOT NULL,
        [Description] nvarchar(2000) NOT NULL,
        [OwnerName] nvarchar(200) NULL,
        [OwnerAccountId] nvarchar(450) NULL,
        [DueOn] date NOT NULL,
        [CompletedOn] date NULL,
        CONSTRAINT [PK_ReportActions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportActions_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [ReportMessages] (
        [Id] int NOT NULL IDENTITY,
        [ReportId] int NOT NULL,
        [Author] int NOT NULL,
        [IsAdditionalInformation] bit NOT NULL,
        [ReviewerName] nvarchar(200) NULL,
        [Body] nvarchar(max) NOT NULL,
        [SentOn] date NOT NULL,
        [SentBand] int NOT NULL,
        [SubmissionId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ReportMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportMessages_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE TABLE [SpeakUpMessages] (
        [Id] int NOT NULL IDENTITY,
        [CaseId] int NOT NULL,
        [Author] int NOT NULL,
        [GuardianName] nvarchar(200) NULL,
        [Body] nvarchar(max) NOT NULL,
        [SentOn] date NOT NULL,
        [SentBand] int NOT NULL,
        [SubmissionId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_SpeakUpMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SpeakUpMessages_SpeakUpCases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [SpeakUpCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ChangeNote', N'Content', N'Number', N'SavedBy', N'SavedOn') AND [object_id] = OBJECT_ID(N'[ResponsePlanVersions]'))
        SET IDENTITY_INSERT [ResponsePlanVersions] ON;
    EXEC(N'INSERT INTO [ResponsePlanVersions] ([Id], [ChangeNote], [Content], [Number], [SavedBy], [SavedOn])
    VALUES (1, N''The starting plan: PSIRF''''s national requirements and five local priorities'', N''{"nationalTriggers":[{"trigger":1,"referTo":null,"response":5},{"trigger":2,"referTo":null,"response":5},{"trigger":3,"referTo":"Also tell the Care Quality Commission","response":5},{"trigger":4,"referTo":"Refer to Maternity and Newborn Safety Investigations (MNSI)","response":5},{"trigger":5,"referTo":"Refer to the Child Death Overview Panel","response":5},{"trigger":6,"referTo":"Refer to LeDeR","response":5},{"trigger":7,"referTo":"Refer to the local safeguarding partnership","response":5},{"trigger":8,"referTo":"Refer to the screening quality assurance service","response":5},{"trigger":9,"referTo":"Refer to the Prisons and Probation Ombudsman","response":5},{"trigger":10,"referTo":"Refer to NHS England for an independent review","response":5},{"trigger":11,"referTo":"Refer to the community safety partnership","response":5}],"localPriorities":[{"category":"Falls","minimumHarm":2,"theme":null,"response":2},{"category":"Medication","minimumHarm":2,"theme":null,"response":2},{"category":"Pressure ulcers","minimumHarm":2,"theme":null,"response":4},{"category":"Infection control","minimumHarm":3,"theme":null,"response":3},{"category":null,"minimumHarm":null,"theme":"deteriorat","response":1}]}'', 1, NULL, ''2026-12-01'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ChangeNote', N'Content', N'Number', N'SavedBy', N'SavedOn') AND [object_id] = OBJECT_ID(N'[ResponsePlanVersions]'))
        SET IDENTITY_INSERT [ResponsePlanVersions] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Annotations_On] ON [Annotations] ([On]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_AccountId_AtUtc] ON [AuditEntries] ([AccountId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_AtUtc] ON [AuditEntries] ([AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ReportId_AtUtc] ON [AuditEntries] ([ReportId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Categories_Name] ON [Categories] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Digests_PeriodStart_Stream] ON [Digests] ([PeriodStart], [Stream]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Digests_Stream_PeriodKey_ScopeKey] ON [Digests] ([Stream], [PeriodKey], [ScopeKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DigestSubscriptions_AccountId_Stream_ScopeKey] ON [DigestSubscriptions] ([AccountId], [Stream], [ScopeKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_DigestSubscriptions_Stream_ScopeKey] ON [DigestSubscriptions] ([Stream], [ScopeKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Divisions_Name] ON [Divisions] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Engagements_LearningResponseId] ON [Engagements] ([LearningResponseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_HubMembers_Name] ON [HubMembers] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_HubNoteEvents_MemberId_NoteId] ON [HubNoteEvents] ([MemberId], [NoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_HubNoteEvents_NoteId] ON [HubNoteEvents] ([NoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_HubNotes_NoteId] ON [HubNotes] ([NoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_JustCultureRecords_RecordedByAccountId_RecordedOn] ON [JustCultureRecords] ([RecordedByAccountId], [RecordedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_JustCultureRecords_StaffGroupId] ON [JustCultureRecords] ([StaffGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LearningNotes_NoteId] ON [LearningNotes] ([NoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_LearningNotes_Status] ON [LearningNotes] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_LearningResponseReports_ReportId] ON [LearningResponseReports] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_LearningResponses_CompletedOn] ON [LearningResponses] ([CompletedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_LearningResponses_PlanVersionId] ON [LearningResponses] ([PlanVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_LearningResponses_Status_CreatedOn] ON [LearningResponses] ([Status], [CreatedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Locations_DivisionId_Name] ON [Locations] ([DivisionId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NetworkNotes_NoteId] ON [NetworkNotes] ([NoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_NetworkNotes_Sequence] ON [NetworkNotes] ([Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_NetworkOutboxMessages_SentOn_Failed_NextAttemptOn] ON [NetworkOutboxMessages] ([SentOn], [Failed], [NextAttemptOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_OutboxEmails_Status_NextAttemptAtUtc] ON [OutboxEmails] ([Status], [NextAttemptAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PeerAggregates_Month_Organisation] ON [PeerAggregates] ([Month], [Organisation]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PeerRates_PeerGroup_Month_Organisation] ON [PeerRates] ([PeerGroup], [Month], [Organisation]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_PeerSupportOffers_MemberId] ON [PeerSupportOffers] ([MemberId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_ReportActions_OwnerAccountId_CompletedOn] ON [ReportActions] ([OwnerAccountId], [CompletedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_ReportActions_ReportId] ON [ReportActions] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReportMessages_ReportId_SubmissionId] ON [ReportMessages] ([ReportId], [SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Reports_AwaitingFeedback] ON [Reports] ([Status], [FeedbackBy]) WHERE "FeedbackGivenOn" IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_CategoryId] ON [Reports] ([CategoryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_DivisionId_ReceivedOn] ON [Reports] ([DivisionId], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_DuplicateOfReportId] ON [Reports] ([DuplicateOfReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_Kind_ReceivedOn] ON [Reports] ([Kind], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_LearningRecordedOn] ON [Reports] ([LearningRecordedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_LocationId] ON [Reports] ([LocationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_OwnerAccountId_Status] ON [Reports] ([OwnerAccountId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_PhysicalHarm_ReceivedOn] ON [Reports] ([PhysicalHarm], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reports_ReceiptLocator] ON [Reports] ([ReceiptLocator]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_ReceivedOn] ON [Reports] ([ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Reports_ReceivedOn_WhyAnonymous] ON [Reports] ([ReceivedOn], [WhyAnonymous]) WHERE "WhyAnonymous" IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reports_Reference] ON [Reports] ([Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reports_ReferenceYear_ReferenceNumber] ON [Reports] ([ReferenceYear], [ReferenceNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_RiskRating_ReceivedOn] ON [Reports] ([RiskRating], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_StaffGroupId] ON [Reports] ([StaffGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_Status_AcknowledgeBy] ON [Reports] ([Status], [AcknowledgeBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_Status_FeedbackBy] ON [Reports] ([Status], [FeedbackBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_Status_ReceivedOn] ON [Reports] ([Status], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_Reports_Stream_ReceivedOn_DivisionId] ON [Reports] ([Stream], [ReceivedOn], [DivisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reports_SubmissionId] ON [Reports] ([SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ResponsePlanVersions_Number] ON [ResponsePlanVersions] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SafetyActions_CompletedOn_DueOn] ON [SafetyActions] ([CompletedOn], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SafetyActions_LearningResponseId] ON [SafetyActions] ([LearningResponseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SafetyActions_MeasureCategoryId] ON [SafetyActions] ([MeasureCategoryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SafetyActions_MeasureDivisionId] ON [SafetyActions] ([MeasureDivisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SafetyActions_MeasureLocationId] ON [SafetyActions] ([MeasureLocationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SavedQueueViews_AccountId_Name] ON [SavedQueueViews] ([AccountId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SpeakUpCases_ClosedOn] ON [SpeakUpCases] ([ClosedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SpeakUpCases_DivisionId] ON [SpeakUpCases] ([DivisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SpeakUpCases_LocationId] ON [SpeakUpCases] ([LocationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SpeakUpCases_ReceiptLocator] ON [SpeakUpCases] ([ReceiptLocator]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SpeakUpCases_ReceivedOn] ON [SpeakUpCases] ([ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SpeakUpCases_Reference] ON [SpeakUpCases] ([Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SpeakUpCases_StaffGroupId] ON [SpeakUpCases] ([StaffGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE INDEX [IX_SpeakUpCases_Status_ReceivedOn] ON [SpeakUpCases] ([Status], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SpeakUpCases_SubmissionId] ON [SpeakUpCases] ([SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SpeakUpMessages_CaseId_SubmissionId] ON [SpeakUpMessages] ([CaseId], [SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StaffGroups_Name] ON [StaffGroups] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207134952_Baseline'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207134952_Baseline', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207190548_JobRuns'
)
BEGIN
    CREATE TABLE [JobRuns] (
        [Id] uniqueidentifier NOT NULL,
        [JobGroup] nvarchar(200) NOT NULL,
        [JobName] nvarchar(200) NOT NULL,
        [Node] nvarchar(200) NOT NULL,
        [StartedAtUtc] datetime2 NOT NULL,
        [FinishedAtUtc] datetime2 NOT NULL,
        [Succeeded] bit NOT NULL,
        [ErrorType] nvarchar(200) NULL,
        [Manual] bit NOT NULL,
        CONSTRAINT [PK_JobRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207190548_JobRuns'
)
BEGIN
    CREATE INDEX [IX_JobRuns_JobGroup_JobName_Succeeded_StartedAtUtc] ON [JobRuns] ([JobGroup], [JobName], [Succeeded], [StartedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207190548_JobRuns'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207190548_JobRuns', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    ALTER TABLE [StaffGroups] ADD [LfpseStaffType] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    ALTER TABLE [Locations] ADD [LfpseLocationWithinService] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    ALTER TABLE [Divisions] ADD [LfpseServiceArea] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    ALTER TABLE [Divisions] ADD [LfpseSpecialty] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    ALTER TABLE [Categories] ADD [LfpseInvolvedAgents] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    ALTER TABLE [Categories] ADD [LfpseSafetyChallenges] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    CREATE TABLE [LfpseEvents] (
        [ReportId] int NOT NULL,
        [Description] nvarchar(max) NOT NULL,
        [ImmediateActions] nvarchar(max) NULL,
        [LevelOfConcern] nvarchar(10) NULL,
        [RiskImminent] nvarchar(10) NULL,
        [HowFutureOccurrence] nvarchar(max) NULL,
        [DutyOfCandour] bit NULL,
        [NeverEvent] bit NULL,
        [NeverEventType] nvarchar(10) NULL,
        [SeriousIncident] bit NULL,
        [ConfirmedOn] date NOT NULL,
        [State] int NOT NULL,
        [LfpseId] nvarchar(100) NULL,
        [LfpseVersionId] nvarchar(100) NULL,
        [LfpseReference] nvarchar(100) NULL,
        [Messages] nvarchar(4000) NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_LfpseEvents] PRIMARY KEY ([ReportId]),
        CONSTRAINT [FK_LfpseEvents_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    CREATE TABLE [LfpseOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] int NOT NULL,
        [Operation] int NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [Status] int NOT NULL,
        [Attempts] int NOT NULL,
        [Sequence] bigint NOT NULL,
        [NextAttemptAtUtc] datetime2 NOT NULL,
        [SentAtUtc] datetime2 NULL,
        [LastHttpStatus] int NULL,
        [Messages] nvarchar(4000) NULL,
        CONSTRAINT [PK_LfpseOutbox] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LfpseOutbox_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    CREATE INDEX [IX_LfpseEvents_State] ON [LfpseEvents] ([State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    CREATE INDEX [IX_LfpseOutbox_ReportId_Sequence] ON [LfpseOutbox] ([ReportId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    CREATE INDEX [IX_LfpseOutbox_Status_NextAttemptAtUtc] ON [LfpseOutbox] ([Status], [NextAttemptAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207195622_LfpseSubmission'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207195622_LfpseSubmission', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    DROP INDEX [IX_Reports_ReceiptLocator] ON [Reports];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Reports]') AND [c].[name] = N'ReceiptLocator');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Reports] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Reports] ALTER COLUMN [ReceiptLocator] nvarchar(8) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    ALTER TABLE [Reports] ADD [IsImported] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    ALTER TABLE [Reports] ADD [SourceReference] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    ALTER TABLE [Reports] ADD [SourceSystem] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    CREATE TABLE [ImportMappings] (
        [Id] int NOT NULL IDENTITY,
        [SourceSystem] nvarchar(100) NOT NULL,
        [Definition] nvarchar(max) NOT NULL,
        [SavedOn] date NOT NULL,
        CONSTRAINT [PK_ImportMappings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    CREATE TABLE [ImportUploads] (
        [Id] uniqueidentifier NOT NULL,
        [SourceSystem] nvarchar(100) NOT NULL,
        [FileName] nvarchar(200) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [Content] varbinary(max) NOT NULL,
        [UploadedOn] date NOT NULL,
        CONSTRAINT [PK_ImportUploads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Reports_ReceiptLocator] ON [Reports] ([ReceiptLocator]) WHERE "ReceiptLocator" IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Reports_SourceSystem_SourceReference] ON [Reports] ([SourceSystem], [SourceReference]) WHERE "SourceSystem" IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ImportMappings_SourceSystem] ON [ImportMappings] ([SourceSystem]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    CREATE INDEX [IX_ImportUploads_UploadedOn] ON [ImportUploads] ([UploadedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208013515_ImportedReports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261208013515_ImportedReports', N'10.0.14');
END;

COMMIT;
GO

