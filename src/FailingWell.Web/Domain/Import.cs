using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>What an imported report keeps of where it came from (decision 0130).</summary>
public static class ImportedReport
{
    public const int SourceSystemLength = 100;

    public const int SourceReferenceLength = 200;
}

/// <summary>
/// How one source system's export is read: which of its columns feed which field, and what its words
/// mean in FailingWell's lists. Saved by the system's name so the next export from it maps itself.
/// </summary>
public sealed class ImportMapping
{
    public int Id { get; set; }

    public string SourceSystem { get; set; } = "";

    /// <summary>The mapping as JSON (Features/Import/ImportMap): columns, date format and value maps.</summary>
    public string Definition { get; set; } = "{}";

    public DateOnly SavedOn { get; set; }
}

/// <summary>
/// A file uploaded for import, kept only while the admin maps, checks and imports it (decision 0131):
/// in the database so that every web node sees it, deleted when it is imported or discarded, and
/// after a day by the next upload if it was left.
/// </summary>
public sealed class ImportUpload
{
    public Guid Id { get; set; }

    public string SourceSystem { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>The file's SHA-256 in hex: what the audit entry names it by.</summary>
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateOnly UploadedOn { get; set; }
}

internal sealed class ImportConfiguration : IEntityTypeConfiguration<ImportMapping>, IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportMapping> builder)
    {
        builder.ToTable("ImportMappings");
        builder.Property(m => m.SourceSystem).HasMaxLength(ImportedReport.SourceSystemLength).IsRequired();
        builder.HasIndex(m => m.SourceSystem).IsUnique();
        builder.Property(m => m.Definition).IsRequired();
    }

    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("ImportUploads");
        builder.Property(u => u.SourceSystem).HasMaxLength(ImportedReport.SourceSystemLength).IsRequired();
        builder.Property(u => u.FileName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Content).IsRequired();
        builder.HasIndex(u => u.UploadedOn);
    }
}
