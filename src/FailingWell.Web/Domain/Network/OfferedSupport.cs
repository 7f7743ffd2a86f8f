using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

public enum SupportStatus
{
    Offered = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>
/// Peer support the hub's coordinator offered a member: the offer, the member's reply, and for an accepted
/// offer the peer review's dates and findings. The hub keeps it (<see cref="PeerSupportOffer"/>) and the
/// member a copy pulled from the hub (<see cref="SupportOffer"/>), each in its own table.
/// </summary>
public abstract class OfferedSupport
{
    public const int OfferLength = 1000;
    public const int FindingsLength = 4000;

    public DateOnly OfferedOn { get; set; }

    /// <summary>What kind of support, and from which peer organisation.</summary>
    public string Offer { get; set; } = "";

    public SupportStatus Status { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public DateOnly? ReviewStartsOn { get; set; }

    public DateOnly? ReviewEndsOn { get; set; }

    public string? Findings { get; set; }

    /// <summary>The same lengths in the hub's table and the member's.</summary>
    internal static void Configure<TOffer>(EntityTypeBuilder<TOffer> builder)
        where TOffer : OfferedSupport
    {
        builder.Property(o => o.Offer).HasMaxLength(OfferLength).IsRequired();
        builder.Property(o => o.Findings).HasMaxLength(FindingsLength);
    }
}
