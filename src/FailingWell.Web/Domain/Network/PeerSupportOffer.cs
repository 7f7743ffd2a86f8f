using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// Peer support the hub's coordinator offered a member (hub side): the offer, the member's reply, and for an
/// accepted offer the peer review's dates and findings. Visible to the coordinator and to that member.
/// </summary>
public sealed class PeerSupportOffer : OfferedSupport
{
    public int Id { get; set; }

    public int MemberId { get; set; }
}

internal sealed class PeerSupportOfferConfiguration : IEntityTypeConfiguration<PeerSupportOffer>
{
    public void Configure(EntityTypeBuilder<PeerSupportOffer> builder)
    {
        builder.ToTable("PeerSupportOffers");
        OfferedSupport.Configure(builder);
        builder.HasIndex(o => o.MemberId);
        builder.HasOne<HubMember>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
