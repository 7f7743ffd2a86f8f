using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

public enum PeriodKind
{
    Week = 1,
    Month = 2,
}

/// <summary>
/// One governance pack: a stream, a period, a scope (the organisation or a division), stored as an
/// immutable snapshot so last month's pack reads the same next year. Keyed by stream + period + scope.
/// </summary>
public sealed class Digest
{
    public int Id { get; set; }

    public GovernanceStream Stream { get; set; }

    public PeriodKind PeriodKind { get; set; }

    /// <summary>2026-W46 or 2026-11.</summary>
    public string PeriodKey { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    /// <summary>The day after the period's last day.</summary>
    public DateOnly PeriodEnd { get; set; }

    /// <summary>"org" or "division:ID": a key with no nulls, so the unique index holds on every database.</summary>
    public string ScopeKey { get; set; } = "";

    public string ScopeName { get; set; } = "";

    public int? DivisionId { get; set; }

    public DateTime BuiltAtUtc { get; set; }

    /// <summary>
    /// When its subscribers' emails were queued, in the same transaction as this; null until then. A
    /// run killed between building packs and telling anyone leaves it null, and the next run tells them.
    /// </summary>
    public DateTime? SubscribersToldAtUtc { get; set; }

    public int Total { get; set; }

    /// <summary>The pack itself, as JSON (<c>DigestContent</c>).</summary>
    public string Content { get; set; } = "";

    public const string OrganisationScope = "org";

    public static string DivisionScope(int divisionId) => "division:" + divisionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Who receives which stream's packs for which scope.</summary>
public sealed class DigestSubscription
{
    public int Id { get; set; }

    public string AccountId { get; set; } = "";

    public GovernanceStream Stream { get; set; }

    public string ScopeKey { get; set; } = Digest.OrganisationScope;
}

internal sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>, IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<Digest> builder)
    {
        builder.ToTable("Digests");
        builder.Property(d => d.PeriodKey).HasMaxLength(10).IsRequired();
        builder.Property(d => d.ScopeKey).HasMaxLength(30).IsRequired();
        builder.Property(d => d.ScopeName).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Content).IsRequired();
        builder.HasIndex(d => new { d.Stream, d.PeriodKey, d.ScopeKey }).IsUnique();
        builder.HasIndex(d => new { d.PeriodStart, d.Stream });
    }

    public void Configure(EntityTypeBuilder<DigestSubscription> builder)
    {
        builder.ToTable("DigestSubscriptions");
        builder.Property(s => s.AccountId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ScopeKey).HasMaxLength(30).IsRequired();
        builder.HasIndex(s => new { s.AccountId, s.Stream, s.ScopeKey }).IsUnique();
        builder.HasIndex(s => new { s.Stream, s.ScopeKey });
    }
}
