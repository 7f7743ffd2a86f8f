using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>How a division's reporting rate is measured: acute wards by bed days, the rest by staff.</summary>
public enum RateBasis
{
    /// <summary>Reports per 1,000 occupied bed days.</summary>
    BedDays = 1,

    /// <summary>Reports per 100 whole-time-equivalent staff.</summary>
    Staff = 2,
}

/// <summary>
/// Counts of one division's reports that arrived in one week or month, kept up to date by a job so
/// the culture page reads a few thousand rows, not millions of reports. DivisionKey 0 is "not sure".
/// </summary>
public sealed class CultureRollup
{
    public PeriodKind PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public int DivisionKey { get; set; }

    public int Reports { get; set; }

    public int NoOrLowHarm { get; set; }

    public int NearMisses { get; set; }

    public int SevereOrFatal { get; set; }

    public int NonClinicalReporters { get; set; }

    public int Anonymous { get; set; }

    public int GoodPractice { get; set; }

    public int Acknowledged { get; set; }

    /// <summary>Days to acknowledge, as "days:count" pairs: a median cannot be added up, a histogram can.</summary>
    public string AcknowledgementDays { get; set; } = "";

    public int FeedbackDue { get; set; }

    public int FeedbackOnTime { get; set; }
}

/// <summary>A division's occupied bed days and whole-time-equivalent staff for one month.</summary>
public sealed class Denominator
{
    public int DivisionId { get; set; }

    public DateOnly Month { get; set; }

    public int? BedDays { get; set; }

    public decimal? StaffWte { get; set; }
}

/// <summary>An event on the timeline ("placed in special measures"), from which limits may be recalculated.</summary>
public sealed class Annotation
{
    public int Id { get; set; }

    public DateOnly On { get; set; }

    public string Text { get; set; } = "";

    /// <summary>When set, control limits are worked out afresh from this date.</summary>
    public bool RecalculateLimits { get; set; }
}

/// <summary>A peer organisation's published reporting rate for a month.</summary>
public sealed class PeerRate
{
    public int Id { get; set; }

    public string Organisation { get; set; } = "";

    public DateOnly Month { get; set; }

    public decimal RatePer1000BedDays { get; set; }

    public string PeerGroup { get; set; } = "";
}

internal sealed class CultureConfiguration :
    IEntityTypeConfiguration<CultureRollup>, IEntityTypeConfiguration<Denominator>, IEntityTypeConfiguration<Annotation>, IEntityTypeConfiguration<PeerRate>
{
    public void Configure(EntityTypeBuilder<CultureRollup> builder)
    {
        builder.ToTable("CultureRollups");
        builder.HasKey(r => new { r.PeriodKind, r.PeriodStart, r.DivisionKey });
        builder.Property(r => r.AcknowledgementDays).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<Denominator> builder)
    {
        builder.ToTable("Denominators");
        builder.HasKey(d => new { d.DivisionId, d.Month });
        builder.Property(d => d.StaffWte).HasPrecision(9, 2);
        builder.HasOne<Division>().WithMany().HasForeignKey(d => d.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.ToTable("Annotations");
        builder.Property(a => a.Text).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.On);
    }

    public void Configure(EntityTypeBuilder<PeerRate> builder)
    {
        builder.ToTable("PeerRates");
        builder.Property(p => p.Organisation).HasMaxLength(200).IsRequired();
        builder.Property(p => p.PeerGroup).HasMaxLength(100).IsRequired();
        builder.Property(p => p.RatePer1000BedDays).HasPrecision(9, 2);
        builder.HasIndex(p => new { p.PeerGroup, p.Month, p.Organisation }).IsUnique();
    }
}
