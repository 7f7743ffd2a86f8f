using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

public enum SupportStatus
{
    Offered = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>
/// Peer support the hub's coordinator offered a member (hub side): the offer, the member's reply, and for an
/// accepted offer the peer review's dates and findings. Visible to the coordinator and to that member.
/// </summary>
public sealed class PeerSupportOffer
{
    public const int OfferLength = 1000;
    public const int FindingsLength = 4000;

    public int Id { get; set; }

    public int MemberId { get; set; }

    public DateOnly OfferedOn { get; set; }

    /// <summary>What kind of support, and from which peer organisation.</summary>
    public string Offer { get; set; } = "";

    public SupportStatus Status { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public DateOnly? ReviewStartsOn { get; set; }

    public DateOnly? ReviewEndsOn { get; set; }

    public string? Findings { get; set; }
}

internal sealed class PeerSupportOfferConfiguration : IEntityTypeConfiguration<PeerSupportOffer>
{
    public void Configure(EntityTypeBuilder<PeerSupportOffer> builder)
    {
        builder.ToTable("PeerSupportOffers");
        builder.Property(o => o.Offer).HasMaxLength(PeerSupportOffer.OfferLength).IsRequired();
        builder.Property(o => o.Findings).HasMaxLength(PeerSupportOffer.FindingsLength);
        builder.HasIndex(o => o.MemberId);
        builder.HasOne<HubMember>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
