using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// What of a learning note other organisations read: its text, category, the author's type of organisation and
/// month. One shape for the note a member drafts (<see cref="LearningNote"/>), the hub's copy
/// (<see cref="HubNote"/>) and a member's library copy (<see cref="NetworkNote"/>), each in its own table.
/// </summary>
public abstract class NoteText
{
    public const int TitleLength = 200;

    public const int TextLength = 4000;

    public string Title { get; set; } = "";

    public string WhatHappened { get; set; } = "";

    public string WhatWasLearned { get; set; } = "";

    public string WhatChanged { get; set; } = "";

    /// <summary>A report category's name (the reference data's), as other organisations read it.</summary>
    public string Category { get; set; } = "";

    public string OrganisationType { get; set; } = "";

    /// <summary>yyyy-MM: never a day.</summary>
    public string Month { get; set; } = "";

    /// <summary>The same lengths in every table that holds a note's text.</summary>
    internal static void Configure<TNote>(EntityTypeBuilder<TNote> builder)
        where TNote : NoteText
    {
        builder.Property(n => n.Title).HasMaxLength(TitleLength).IsRequired();
        builder.Property(n => n.WhatHappened).HasMaxLength(TextLength).IsRequired();
        builder.Property(n => n.WhatWasLearned).HasMaxLength(TextLength).IsRequired();
        builder.Property(n => n.WhatChanged).HasMaxLength(TextLength).IsRequired();
        builder.Property(n => n.Category).HasMaxLength(100).IsRequired();
        builder.Property(n => n.OrganisationType).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Month).HasMaxLength(7).IsRequired();
    }
}

/// <summary>A published note as the network holds it, on the hub and in a member's library: its kind and harm band are known, and the hub's day it was published.</summary>
public abstract class PublishedNote : NoteText
{
    public ReportKind Kind { get; set; }

    public PhysicalHarm HarmBand { get; set; }

    public DateOnly PublishedOn { get; set; }
}
