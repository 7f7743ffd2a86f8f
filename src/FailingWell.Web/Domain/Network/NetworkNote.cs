using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// Member side: the library's copy of a note pulled from the hub (this organisation's own included),
/// with how many organisations found it useful or adopted it, and this organisation's own marks.
/// </summary>
public sealed class NetworkNote : PublishedNote
{
    public int Id { get; set; }

    public Guid NoteId { get; set; }

    public long Sequence { get; set; }

    public string AuthorName { get; set; } = "";

    public string AuthorType { get; set; } = "";

    public bool IsOwn { get; set; }

    /// <summary>Organisations (not people) that found it useful, as the hub last said.</summary>
    public int UsefulCount { get; set; }

    public int AdoptedCount { get; set; }

    public bool MarkedUseful { get; set; }

    public bool MarkedAdopted { get; set; }

    /// <summary>The day someone here last opened it: the "no learning read for six months" signal counts these.</summary>
    public DateOnly? LastReadOn { get; set; }

    /// <summary>The day this organisation said it adopted it.</summary>
    public DateOnly? AdoptedOn { get; set; }
}

internal sealed class NetworkNoteConfiguration : IEntityTypeConfiguration<NetworkNote>
{
    public void Configure(EntityTypeBuilder<NetworkNote> builder)
    {
        builder.ToTable("NetworkNotes");
        builder.HasIndex(n => n.NoteId).IsUnique();
        builder.HasIndex(n => n.Sequence);
        builder.Property(n => n.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(n => n.AuthorType).HasMaxLength(100).IsRequired();
        NoteText.Configure(builder);
    }
}
