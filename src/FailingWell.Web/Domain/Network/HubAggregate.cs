using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// One member's suppressed figures for one month, as it last sent them (hub side): a member's rows are
/// replaced whole by each "aggregates" message. Null is a suppressed cell (1 to 4, or one that would give one away).
/// </summary>
public sealed class HubAggregate
{
    public int MemberId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int? Reports { get; set; }

    public double? BedDays { get; set; }

    public int? NoOrLowHarm { get; set; }

    public int? NearMisses { get; set; }

    public int? Anonymous { get; set; }
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
