using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// Peer support the network's coordinator offered this organisation (member side), as pulled from the hub,
/// keyed by the hub's offer id. A reply made here shows at once and is sent to the hub through the outbox.
/// </summary>
public sealed class SupportOffer : OfferedSupport
{
    public int OfferId { get; set; }
}

internal sealed class SupportOfferConfiguration : IEntityTypeConfiguration<SupportOffer>
{
    public void Configure(EntityTypeBuilder<SupportOffer> builder)
    {
        builder.ToTable("SupportOffers");
        builder.HasKey(o => o.OfferId);
        builder.Property(o => o.OfferId).ValueGeneratedNever();
        OfferedSupport.Configure(builder);
    }
}
