using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// Hub side: an organisation in the learning network, and the hash of the one key its coordinator
/// issued, encrypted (the key itself is shown once and never kept). A revoked member's requests are refused.
/// </summary>
public sealed class HubMember
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string OrganisationType { get; set; } = "";

    /// <summary>
    /// SHA-256 of the issued key, the signing key of its requests (decision 0072), encrypted with the key
    /// ring (MemberKeys, decision 0096). An earlier version kept it in the clear; it is re-protected on first use.
    /// </summary>
    public string KeyHash { get; set; } = "";

    public DateTimeOffset IssuedOn { get; set; }

    public DateTimeOffset? RevokedOn { get; set; }
}

internal sealed class HubMemberConfiguration : IEntityTypeConfiguration<HubMember>
{
    public void Configure(EntityTypeBuilder<HubMember> builder)
    {
        builder.ToTable("HubMembers");
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(m => m.Name).IsUnique();
        builder.Property(m => m.OrganisationType).HasMaxLength(100).IsRequired();
        builder.Property(m => m.KeyHash).HasMaxLength(400).IsRequired();
    }
}
