using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// One network member's suppressed figures for one month, as pulled from the hub (member side), this
/// organisation's own among them (<see cref="IsYou"/>). Replaced whole on every pull.
/// </summary>
public sealed class PeerAggregate : MonthlyFigures
{
    public int Id { get; set; }

    public string Organisation { get; set; } = "";

    public string OrganisationType { get; set; } = "";

    public bool IsYou { get; set; }
}

internal sealed class PeerAggregateConfiguration : IEntityTypeConfiguration<PeerAggregate>
{
    public void Configure(EntityTypeBuilder<PeerAggregate> builder)
    {
        builder.ToTable("PeerAggregates");
        builder.Property(a => a.Organisation).HasMaxLength(200).IsRequired();
        builder.Property(a => a.OrganisationType).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => new { a.Month, a.Organisation }).IsUnique();
    }
}
