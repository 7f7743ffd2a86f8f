using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>The three governance meetings a report can feed.</summary>
public enum GovernanceStream
{
    PatientSafety = 1,
    PatientExperience = 2,
    RiskAndCompliance = 3,
}

/// <summary>
/// A list item admins manage. Retired items leave the report form but old reports keep them, so
/// nothing in use is ever deleted.
/// </summary>
public abstract class ReferenceItem
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsRetired { get; set; }
}

public sealed class Division : ReferenceItem
{
    /// <summary>How this division's reporting rate is measured.</summary>
    public RateBasis RateBasis { get; set; } = RateBasis.BedDays;

    public List<Location> Locations { get; set; } = [];
}

public sealed class Location : ReferenceItem
{
    public int DivisionId { get; set; }

    public Division? Division { get; set; }
}

public sealed class Category : ReferenceItem
{
    public GovernanceStream DefaultStream { get; set; }
}

public sealed class StaffGroup : ReferenceItem
{
    /// <summary>Porters, cleaners, catering, estates, admin: "care is everyone's concern".</summary>
    public bool IsNonClinical { get; set; }
}

internal sealed class ReferenceDataConfiguration :
    IEntityTypeConfiguration<Division>,
    IEntityTypeConfiguration<Location>,
    IEntityTypeConfiguration<Category>,
    IEntityTypeConfiguration<StaffGroup>
{
    public void Configure(EntityTypeBuilder<Division> builder)
    {
        builder.ToTable("Divisions");
        builder.Property(d => d.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.Property(l => l.Name).HasMaxLength(100).IsRequired();
        builder.HasOne(l => l.Division).WithMany(d => d.Locations).HasForeignKey(l => l.DivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.DivisionId, l.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<StaffGroup> builder)
    {
        builder.ToTable("StaffGroups");
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
