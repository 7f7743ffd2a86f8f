using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>Member side, one row: when the hub last answered, and what went wrong the last time it did not.</summary>
public sealed class NetworkContact
{
    public const int OnlyRow = 1;

    public int Id { get; set; } = OnlyRow;

    public DateTime? LastContactUtc { get; set; }

    public DateTime? LastPullUtc { get; set; }

    public string? LastError { get; set; }
}

internal sealed class NetworkContactConfiguration : IEntityTypeConfiguration<NetworkContact>
{
    public void Configure(EntityTypeBuilder<NetworkContact> builder)
    {
        builder.ToTable("NetworkContacts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LastError).HasMaxLength(NetworkOutboxMessage.MaxErrorLength);
    }
}
