using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>
/// Who did what to which report, and when. Never the content: "Graded", not the grade's reasons.
/// Only staff actions are audited; a reporter's visit or reply is not, since that would time it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The staff account, or null for the system (a scheduled job).</summary>
    public string? AccountId { get; set; }

    public string? AccountName { get; set; }

    public string Action { get; set; } = "";

    public int? ReportId { get; set; }

    public string? ReportReference { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.AccountId).HasMaxLength(450);
        builder.Property(a => a.AccountName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(400).IsRequired();
        builder.Property(a => a.ReportReference).HasMaxLength(20);
        builder.HasIndex(a => new { a.ReportId, a.AtUtc });
        builder.HasIndex(a => new { a.AccountId, a.AtUtc });
        builder.HasIndex(a => a.AtUtc);
    }
}
