using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// Hub side: a published learning note as a member sent it. <see cref="Sequence"/> orders them for
/// members pulling "everything since N".
/// </summary>
public sealed class HubNote : PublishedNote
{
    public long Sequence { get; set; }

    public Guid NoteId { get; set; }

    public int AuthorMemberId { get; set; }
}

/// <summary>Hub side: one member's "useful" and "we adopted this" on one note.</summary>
public sealed class HubNoteEvent
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public Guid NoteId { get; set; }

    public bool Useful { get; set; }

    public bool Adopted { get; set; }
}

internal sealed class HubNoteConfiguration : IEntityTypeConfiguration<HubNote>, IEntityTypeConfiguration<HubNoteEvent>
{
    public void Configure(EntityTypeBuilder<HubNote> builder)
    {
        builder.ToTable("HubNotes");
        builder.HasKey(n => n.Sequence);
        builder.Property(n => n.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(n => n.NoteId).IsUnique();
        NoteText.Configure(builder);
    }

    public void Configure(EntityTypeBuilder<HubNoteEvent> builder)
    {
        builder.ToTable("HubNoteEvents");
        builder.HasIndex(e => new { e.MemberId, e.NoteId }).IsUnique();
        builder.HasIndex(e => e.NoteId);
    }
}
