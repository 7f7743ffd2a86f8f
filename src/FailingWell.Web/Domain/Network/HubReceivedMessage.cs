using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>Hub side: each message id a member has delivered, so a resend is accepted and applied once.</summary>
public sealed class HubReceivedMessage
{
    public int MemberId { get; set; }

    public Guid MessageId { get; set; }

    public string Kind { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }
}

internal sealed class HubReceivedMessageConfiguration : IEntityTypeConfiguration<HubReceivedMessage>
{
    public void Configure(EntityTypeBuilder<HubReceivedMessage> builder)
    {
        builder.ToTable("HubReceivedMessages");
        builder.HasKey(m => new { m.MemberId, m.MessageId });
        builder.Property(m => m.Kind).HasMaxLength(40).IsRequired();
    }
}
