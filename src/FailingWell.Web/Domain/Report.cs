using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>LFPSE's event types, in the words staff use.</summary>
public enum ReportKind
{
    /// <summary>Something that happened to someone.</summary>
    Incident = 1,

    /// <summary>Something that nearly happened.</summary>
    NearMiss = 2,

    /// <summary>A worry about how things are done, or a risk: speaking up.</summary>
    Concern = 3,

    /// <summary>Something that went well and is worth learning from.</summary>
    GoodPractice = 4,
}

/// <summary>
/// A coarse part of the day. Reports keep this, never the hour or the second: an exact time can
/// tell a manager who was on shift.
/// </summary>
public enum TimeBand
{
    /// <summary>10pm to 7am.</summary>
    Night = 1,

    /// <summary>7am to midday.</summary>
    Morning = 2,

    /// <summary>Midday to 5pm.</summary>
    Afternoon = 3,

    /// <summary>5pm to 10pm.</summary>
    Evening = 4,
}

public enum PersonAffected
{
    Patient = 1,
    Staff = 2,
    VisitorOrPublic = 3,
    Nobody = 4,
}

/// <summary>LFPSE physical harm levels.</summary>
public enum PhysicalHarm
{
    None = 0,
    Low = 1,
    Moderate = 2,
    Severe = 3,
    Fatal = 4,
}

/// <summary>LFPSE psychological harm levels, graded separately from physical harm.</summary>
public enum PsychologicalHarm
{
    None = 0,
    Low = 1,
    Moderate = 2,
    Severe = 3,
}

/// <summary>The NHS 5x5 risk matrix rating of consequence x likelihood.</summary>
public enum RiskRating
{
    /// <summary>1 to 3.</summary>
    Low = 1,

    /// <summary>4 to 6.</summary>
    Moderate = 2,

    /// <summary>8 to 12.</summary>
    High = 3,

    /// <summary>15 to 25: usually escalated.</summary>
    Extreme = 4,
}

public enum ReportStatus
{
    /// <summary>Received, not yet acknowledged by a governance lead.</summary>
    New = 1,
    Acknowledged = 2,
    UnderReview = 3,
    Closed = 4,
}

/// <summary>
/// What a member of staff told us. For an anonymous report nothing here identifies the reporter:
/// no account, no address, no agent, and only the day and a time band of when it arrived.
/// </summary>
public sealed class Report : IFollowedUp<ReportMessage>
{
    public int Id { get; set; }

    /// <summary>FW-2026-K7MQ3D: what staff and leads quote. Random, so it says nothing of order. Not secret.</summary>
    public string Reference { get; set; } = "";

    public int ReferenceYear { get; set; }

    public int ReferenceNumber { get; set; }

    public ReportKind Kind { get; set; }

    public string WhatHappened { get; set; } = "";

    public string? ImmediateAction { get; set; }

    public DateOnly OccurredOn { get; set; }

    public TimeBand OccurredBand { get; set; }

    public int? DivisionId { get; set; }

    public Division? Division { get; set; }

    public int? LocationId { get; set; }

    public Location? Location { get; set; }

    public PersonAffected PersonAffected { get; set; }

    public PhysicalHarm PhysicalHarm { get; set; }

    public PsychologicalHarm PsychologicalHarm { get; set; }

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    public GovernanceStream Stream { get; set; }

    public int? StaffGroupId { get; set; }

    public StaffGroup? StaffGroup { get; set; }

    public bool IsAnonymous { get; set; } = true;

    /// <summary>The anonymous reporter's optional reason (LFPSE): its share over time is a fear measure.</summary>
    public WhyAnonymous? WhyAnonymous { get; set; }

    /// <summary>Given only by choice, seen only by governance leads.</summary>
    public string? ReporterName { get; set; }

    public string? ReporterEmail { get; set; }

    /// <summary>The UK date it arrived. Together with <see cref="ReceivedBand"/>, all we keep of when.</summary>
    public DateOnly ReceivedOn { get; set; }

    public TimeBand ReceivedBand { get; set; }

    public ReportStatus Status { get; set; } = ReportLifecycle.Initial;

    /// <summary>A short title a governance lead writes: the only words of a report a digest may show.</summary>
    public string? Title { get; set; }

    /// <summary>Risk consequence, 1 (negligible) to 5 (catastrophic).</summary>
    public int? RiskConsequence { get; set; }

    /// <summary>Risk likelihood, 1 (rare) to 5 (almost certain).</summary>
    public int? RiskLikelihood { get; set; }

    /// <summary>Consequence x likelihood, kept for filtering and the digests.</summary>
    public int? RiskScore { get; set; }

    public RiskRating? RiskRating { get; set; }

    /// <summary>The governance lead who owns the report.</summary>
    public string? OwnerAccountId { get; set; }

    public int? DuplicateOfReportId { get; set; }

    /// <summary>When acknowledgement is due (7 days by default, from the day it arrived).</summary>
    public DateOnly AcknowledgeBy { get; set; }

    /// <summary>When feedback to the reporter is due (3 months by default).</summary>
    public DateOnly FeedbackBy { get; set; }

    /// <summary>The first day the reporter was told something: a message, or the outcome.</summary>
    public DateOnly? FeedbackGivenOn { get; set; }

    /// <summary>Changed by every save: a lead saving over someone else's newer change is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the reporter's name and email were removed under the retention rule.</summary>
    public DateOnly? ContactDetailsRemovedOn { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>What the reporter is told happened in the end.</summary>
    public string? OutcomeForReporter { get; set; }

    /// <summary>"You said, we did": what was learned and what changed.</summary>
    public string? Learning { get; set; }

    /// <summary>When the learning was last recorded, so each digest gathers its period's learning.</summary>
    public DateOnly? LearningRecordedOn { get; set; }

    /// <summary>The random id of the form that sent it: a second press of "send" finds this report.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>
    /// The receipt code's public half, which finds the report; its secret half is only hashed. None for a
    /// report imported from another system: nobody was given a code for it.
    /// </summary>
    public string? ReceiptLocator { get; set; } = "";

    public byte[] ReceiptSalt { get; set; } = [];

    public byte[] ReceiptHash { get; set; } = [];

    /// <summary>How <see cref="ReceiptHash"/> was made: HMAC-SHA256 now; PBKDF2 for codes issued before.</summary>
    public ReceiptVerifier ReceiptVerifier { get; set; } = ReceiptVerifier.HmacSha256;

    /// <summary>Brought in from another system's export (decision 0130): no receipt code, no reporter contact unless mapped.</summary>
    public bool IsImported { get; set; }

    /// <summary>The system an imported report came from ("Datix"), as the admin named it.</summary>
    public string? SourceSystem { get; set; }

    /// <summary>The report's id in that system: with <see cref="SourceSystem"/>, what makes a second import add nothing.</summary>
    public string? SourceReference { get; set; }

    public List<ReportMessage> Messages { get; set; } = [];

    public List<ReportAction> Actions { get; set; } = [];
}

public enum ReceiptVerifier
{
    /// <summary>Codes issued before decision 0049: slow, replaced at the code's next use.</summary>
    Pbkdf2 = 0,
    HmacSha256 = 1,
}

/// <summary>A message between the reporter and the reviewer, seen by both.</summary>
public sealed class ReportMessage : FollowUpMessage
{
    public int ReportId { get; set; }

    /// <summary>True when the reporter adds to what they reported rather than replying.</summary>
    public bool IsAdditionalInformation { get; set; }
}

/// <summary>Something a governance lead has planned in response to a report.</summary>
public sealed class ReportAction : IPlannedAction
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public string Description { get; set; } = "";

    public string? OwnerName { get; set; }

    public string? OwnerAccountId { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? CompletedOn { get; set; }
}

internal sealed class ReportConfiguration :
    IEntityTypeConfiguration<Report>,
    IEntityTypeConfiguration<ReportMessage>,
    IEntityTypeConfiguration<ReportAction>
{

    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.Property(r => r.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => new { r.ReferenceYear, r.ReferenceNumber }).IsUnique();
        builder.Property(r => r.WhatHappened).HasMaxLength(TextLimit.Characters).IsRequired();
        builder.Property(r => r.ImmediateAction).HasMaxLength(TextLimit.Characters);
        builder.Property(r => r.ReporterName).HasMaxLength(200);
        builder.Property(r => r.ReporterEmail).HasMaxLength(320);
        builder.Property(r => r.OutcomeForReporter).HasMaxLength(TextLimit.Characters);
        builder.Property(r => r.Learning).HasMaxLength(TextLimit.Characters);
        builder.Property(r => r.ReceiptLocator).HasMaxLength(8);
        builder.HasIndex(r => r.ReceiptLocator).IsUnique().HasFilter("\"ReceiptLocator\" IS NOT NULL");
        builder.Property(r => r.SourceSystem).HasMaxLength(ImportedReport.SourceSystemLength);
        builder.Property(r => r.SourceReference).HasMaxLength(ImportedReport.SourceReferenceLength);
        builder.HasIndex(r => new { r.SourceSystem, r.SourceReference }).IsUnique().HasFilter("\"SourceSystem\" IS NOT NULL");
        builder.Property(r => r.ReceiptSalt).HasMaxLength(16).IsRequired();
        builder.Property(r => r.ReceiptHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(r => r.SubmissionId).IsUnique();
        builder.HasOne(r => r.Division).WithMany().HasForeignKey(r => r.DivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Location).WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.StaffGroup).WithMany().HasForeignKey(r => r.StaffGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);

        // The filters governance leads and the digests use most.
        builder.HasIndex(r => new { r.Status, r.ReceivedOn });
        builder.HasIndex(r => new { r.Stream, r.ReceivedOn, r.DivisionId }); // the digests' 13 months counted from the index alone
        builder.HasIndex(r => new { r.DivisionId, r.ReceivedOn });
        builder.HasIndex(r => r.ReceivedOn);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.OwnerAccountId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.OwnerAccountId, r.Status });
        builder.HasIndex(r => new { r.Status, r.FeedbackBy });

        // The overdue's two sides, each read from its index alone. PostgreSQL's indexes do not carry the
        // primary key, as SQLite's and SQL Server's do, so there it is included.
        NpgsqlIndexBuilderExtensions.IncludeProperties(builder.HasIndex(r => new { r.Status, r.AcknowledgeBy }), r => r.Id);
        NpgsqlIndexBuilderExtensions.IncludeProperties(
            builder.HasIndex(r => new { r.Status, r.FeedbackBy }, "IX_Reports_AwaitingFeedback").HasFilter("\"FeedbackGivenOn\" IS NULL"), r => r.Id);
        builder.HasIndex(r => new { r.RiskRating, r.ReceivedOn });
        builder.HasIndex(r => new { r.Kind, r.ReceivedOn });
        builder.HasIndex(r => new { r.PhysicalHarm, r.ReceivedOn });
        builder.HasIndex(r => r.DuplicateOfReportId);
        builder.HasIndex(r => r.LearningRecordedOn);
        // The culture page's fear measure counts the reasons given by day. Partial, so a trust whose reports
        // mostly give none keeps a small index the planner cannot mistake for a selective one.
        builder.HasIndex(r => new { r.ReceivedOn, r.WhyAnonymous }).HasFilter("\"WhyAnonymous\" IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<ReportMessage> builder)
    {
        builder.ToTable("ReportMessages");
        builder.Property(m => m.Body).HasMaxLength(TextLimit.Characters).IsRequired();
        // The column keeps the name it had before the two message kinds shared one shape (decision 0101).
        builder.Property(m => m.StaffName).HasColumnName("ReviewerName").HasMaxLength(200);
        builder.HasIndex(m => new { m.ReportId, m.SubmissionId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportAction> builder)
    {
        builder.ToTable("ReportActions");
        builder.Property(a => a.Description).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.Property(a => a.OwnerAccountId).HasMaxLength(450);
        builder.HasIndex(a => new { a.OwnerAccountId, a.CompletedOn });
    }
}
