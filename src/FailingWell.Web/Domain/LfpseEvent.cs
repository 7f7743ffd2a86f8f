using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>Where a report stands with LFPSE, as leads and admins see it.</summary>
public enum LfpseState
{
    /// <summary>Confirmed by a lead, waiting to be sent (or re-sent after a failure).</summary>
    Pending = 1,

    /// <summary>LFPSE holds it: it answered with the event, its id and reference number.</summary>
    Sent = 2,

    /// <summary>LFPSE took it but answered with an OperationOutcome: its messages are kept for a lead.</summary>
    Warning = 3,

    /// <summary>LFPSE refused it, or it could not be sent after every attempt: an admin retries it.</summary>
    Failed = 4,

    /// <summary>
    /// The request timed out: LFPSE may or may not hold it, and has no idempotency key, so it is never
    /// posted again blindly. An admin checks with LFPSE, then retries or marks it sent.
    /// </summary>
    NeedsCheck = 5,

    /// <summary>
    /// An outbox request under way. One still so when its lease has run out was cut off mid-request (the
    /// node stopped): it is treated as timed out, never sent again blindly.
    /// </summary>
    Sending = 6,
}

/// <summary>
/// A report's event at LFPSE: the answers a lead confirmed (those a reporter could not give, and the
/// free text as it leaves, which the lead may have edited to remove names; the reporter's own words
/// stay untouched on the report), and what LFPSE answered. One per report.
/// </summary>
public sealed class LfpseEvent
{
    public int ReportId { get; set; }

    /// <summary>What happened, as sent (LFPSE's Description).</summary>
    public string Description { get; set; } = "";

    /// <summary>What was done at the time, as sent (ImmediateActions).</summary>
    public string? ImmediateActions { get; set; }

    /// <summary>LFPSE's worry-scale code (LevelOfConcern): an incident needs one.</summary>
    public string? LevelOfConcern { get; set; }

    /// <summary>yes-no-unknown code (RiskImminent): a risk needs one.</summary>
    public string? RiskImminent { get; set; }

    /// <summary>Good care: how it could happen again (HowFutureOccurrence), required by LFPSE.</summary>
    public string? HowFutureOccurrence { get; set; }

    public bool? DutyOfCandour { get; set; }

    public bool? NeverEvent { get; set; }

    /// <summary>never-event-type code, when <see cref="NeverEvent"/>.</summary>
    public string? NeverEventType { get; set; }

    public bool? SeriousIncident { get; set; }

    /// <summary>The UK day a lead confirmed the answers (a lead's act, not the reporter's).</summary>
    public DateOnly ConfirmedOn { get; set; }

    public LfpseState State { get; set; } = LfpseState.Pending;

    /// <summary>LFPSE's id for the event: a later change is a PUT to it, never a second POST.</summary>
    public string? LfpseId { get; set; }

    public string? LfpseVersionId { get; set; }

    /// <summary>LFPSE's human-friendly reference number, shown to leads.</summary>
    public string? LfpseReference { get; set; }

    /// <summary>The last OperationOutcome's messages, one a line.</summary>
    public string? Messages { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum LfpseOperation
{
    /// <summary>POST a new event.</summary>
    Create = 1,

    /// <summary>PUT the whole event again to the id LFPSE gave it.</summary>
    Update = 2,
}

/// <summary>
/// One request to LFPSE waiting to be sent, written in the same transaction as the lead's confirmation
/// (or change), with the exact JSON the lead saw in the preview.
/// </summary>
public sealed class LfpseOutboxItem
{
    public const int MaxMessagesLength = 4000;

    public Guid Id { get; set; }

    public int ReportId { get; set; }

    public LfpseOperation Operation { get; set; }

    /// <summary>The AdverseEvent as FHIR JSON, exactly as previewed (a PUT adds LFPSE's id to it).</summary>
    public string Payload { get; set; } = "";

    public LfpseState Status { get; set; } = LfpseState.Pending;

    public int Attempts { get; set; }

    /// <summary>Orders a report's requests: an update never overtakes its creation.</summary>
    public long Sequence { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int? LastHttpStatus { get; set; }

    public string? Messages { get; set; }
}

internal sealed class LfpseEventConfiguration : IEntityTypeConfiguration<LfpseEvent>, IEntityTypeConfiguration<LfpseOutboxItem>
{
    public void Configure(EntityTypeBuilder<LfpseEvent> builder)
    {
        builder.ToTable("LfpseEvents");
        builder.HasKey(e => e.ReportId);
        builder.HasOne<Report>().WithOne().HasForeignKey<LfpseEvent>(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Description).HasMaxLength(TextLimit.Characters).IsRequired();
        builder.Property(e => e.ImmediateActions).HasMaxLength(TextLimit.Characters);
        builder.Property(e => e.HowFutureOccurrence).HasMaxLength(TextLimit.Characters);
        builder.Property(e => e.LevelOfConcern).HasMaxLength(10);
        builder.Property(e => e.RiskImminent).HasMaxLength(10);
        builder.Property(e => e.NeverEventType).HasMaxLength(10);
        builder.Property(e => e.LfpseId).HasMaxLength(100);
        builder.Property(e => e.LfpseVersionId).HasMaxLength(100);
        builder.Property(e => e.LfpseReference).HasMaxLength(100);
        builder.Property(e => e.Messages).HasMaxLength(LfpseOutboxItem.MaxMessagesLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.State);
    }

    public void Configure(EntityTypeBuilder<LfpseOutboxItem> builder)
    {
        builder.ToTable("LfpseOutbox");
        builder.HasKey(i => i.Id);
        builder.HasOne<Report>().WithMany().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Payload).IsRequired();
        builder.Property(i => i.Messages).HasMaxLength(LfpseOutboxItem.MaxMessagesLength);
        builder.HasIndex(i => new { i.Status, i.NextAttemptAtUtc });
        builder.HasIndex(i => new { i.ReportId, i.Sequence });
    }
}
