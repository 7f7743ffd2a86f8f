using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

// TEMPORARY (branch network-peers): the minimal member of the network, with exactly the contract's fields,
// so the hub's tables can point at it. CORE's Domain/Network/HubMember.cs replaces this file at merge.

/// <summary>An organisation the hub's coordinator has issued a key to (hub side).</summary>
public sealed class HubMember
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string OrganisationType { get; set; } = "";

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
        builder.Property(m => m.OrganisationType).HasMaxLength(100).IsRequired();
        builder.Property(m => m.KeyHash).HasMaxLength(200).IsRequired();
    }
}
