using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>A setting an admin has changed from /admin, overriding the configuration file's value.</summary>
public sealed class Setting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(4000).IsRequired();
    }
}
