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

    /// <summary>LFPSE's service area code (service-type) for this division, chosen by an admin.</summary>
    public string? LfpseServiceArea { get; set; }

    /// <summary>LFPSE's responsible specialty code (specialty), chosen by an admin.</summary>
    public string? LfpseSpecialty { get; set; }

    public List<Location> Locations { get; set; } = [];
}

public sealed class Location : ReferenceItem
{
    public int DivisionId { get; set; }

    public Division? Division { get; set; }

    /// <summary>LFPSE's location-within-service code (incident-location), chosen by an admin.</summary>
    public string? LfpseLocationWithinService { get; set; }
}

public sealed class Category : ReferenceItem
{
    public GovernanceStream DefaultStream { get; set; }

    /// <summary>LFPSE's agent-type codes for this category, space-separated (InvolvedAgents).</summary>
    public string? LfpseInvolvedAgents { get; set; }

    /// <summary>LFPSE's safety-challenges codes for this category, space-separated (SafetyChallenges).</summary>
    public string? LfpseSafetyChallenges { get; set; }
}

public sealed class StaffGroup : ReferenceItem
{
    /// <summary>Porters, cleaners, catering, estates, admin: "care is everyone's concern".</summary>
    public bool IsNonClinical { get; set; }

    /// <summary>LFPSE's staff-type code (ReporterRole) for this group, chosen by an admin.</summary>
    public string? LfpseStaffType { get; set; }
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
        builder.Property(d => d.LfpseServiceArea).HasMaxLength(10);
        builder.Property(d => d.LfpseSpecialty).HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.Property(l => l.Name).HasMaxLength(100).IsRequired();
        builder.HasOne(l => l.Division).WithMany(d => d.Locations).HasForeignKey(l => l.DivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.DivisionId, l.Name }).IsUnique();
        builder.Property(l => l.LfpseLocationWithinService).HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.LfpseInvolvedAgents).HasMaxLength(100);
        builder.Property(c => c.LfpseSafetyChallenges).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<StaffGroup> builder)
    {
        builder.ToTable("StaffGroups");
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.LfpseStaffType).HasMaxLength(10);
    }
}
