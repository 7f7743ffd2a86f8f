using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// One member's figures for one month, as it last sent them (hub side): a member's rows are replaced whole
/// by each "aggregates" message.
/// </summary>
public sealed class HubAggregate : MonthlyFigures
{
    public int MemberId { get; set; }
}

internal sealed class HubAggregateConfiguration : IEntityTypeConfiguration<HubAggregate>
{
    public void Configure(EntityTypeBuilder<HubAggregate> builder)
    {
        builder.ToTable("HubAggregates");
        builder.HasKey(a => new { a.MemberId, a.Month });
        builder.HasOne<HubMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
