using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// An insularity signal a member has shared, with its consent (hub side). Withdrawing consent deletes the
/// member's rows: the hub holds nothing about a member that has not agreed.
/// </summary>
public sealed class HubSignal
{
    public const int SignalLength = 60;

    public int MemberId { get; set; }

    /// <summary>One of <see cref="InsularitySignals.All"/> (kept as sent).</summary>
    public string Signal { get; set; } = "";

    /// <summary>The hub's date when it first held this signal from this member.</summary>
    public DateOnly RaisedOn { get; set; }
}

internal sealed class HubSignalConfiguration : IEntityTypeConfiguration<HubSignal>
{
    public void Configure(EntityTypeBuilder<HubSignal> builder)
    {
        builder.ToTable("HubSignals");
        builder.HasKey(s => new { s.MemberId, s.Signal });
        builder.Property(s => s.Signal).HasMaxLength(HubSignal.SignalLength);
        builder.HasOne<HubMember>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
