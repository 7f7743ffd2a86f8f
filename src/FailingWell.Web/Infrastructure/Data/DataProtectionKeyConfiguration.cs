using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// The framework's key entity on the table FailingWell's own store made (Id, FriendlyName up to 200,
/// Xml), so upgrading needs no migration and keeps every key (docs/decisions/0106). The framework
/// always writes both columns ("key-" and the key's id, and the key's XML).
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Xml).IsRequired();
    }
}
