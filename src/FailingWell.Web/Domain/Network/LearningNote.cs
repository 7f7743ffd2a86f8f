using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

public enum LearningNoteStatus
{
    Draft = 1,
    AwaitingApproval = 2,
    Published = 3,
    Discarded = 4,
}

/// <summary>
/// Member side: learning written for sharing with other organisations, drafted by a lead from a closed
/// report or a learning response and published when a second lead or an admin approves it. Nothing in
/// it is copied from the report. Who drafted and approved it, and what it came from, stay here: only
/// the text, the category, kind, harm band, organisation type and month are sent (NotePublishedMessage).
/// </summary>
public sealed class LearningNote : NoteText
{
    public int Id { get; set; }

    /// <summary>The note's id across the network, given when it is published.</summary>
    public Guid NoteId { get; set; } = Guid.NewGuid();

    /// <summary>Empty in a draft until the lead chooses; required to submit.</summary>
    public ReportKind? Kind { get; set; }

    public PhysicalHarm? HarmBand { get; set; }

    public LearningNoteStatus Status { get; set; } = LearningNoteStatus.Draft;

    public string DraftedByAccountId { get; set; } = "";

    public string? ApprovedByAccountId { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The closed report it was drafted from (this organisation only; never sent).</summary>
    public int? ReportId { get; set; }

    /// <summary>The learning response it was drafted from (this organisation only; never sent).</summary>
    public int? LearningResponseId { get; set; }
}

internal sealed class LearningNoteConfiguration : IEntityTypeConfiguration<LearningNote>
{
    public void Configure(EntityTypeBuilder<LearningNote> builder)
    {
        builder.ToTable("LearningNotes");
        builder.HasIndex(n => n.NoteId).IsUnique();
        NoteText.Configure(builder);
        builder.Property(n => n.DraftedByAccountId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.ApprovedByAccountId).HasMaxLength(450);
        builder.HasIndex(n => n.Status);
    }
}
