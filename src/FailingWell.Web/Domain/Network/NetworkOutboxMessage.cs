using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// Member side: a message waiting for the hub (or sent, or refused for good). Its id is the message
/// id the hub keeps, so a message sent twice is applied once. Only approved notes and suppressed
/// figures are ever put here; the day it was made is all it keeps of when.
/// </summary>
public sealed class NetworkOutboxMessage
{
    public const int MaxErrorLength = 1000;

    public Guid Id { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The payload as JSON (camelCase), exactly as it is signed and sent.</summary>
    public string Payload { get; set; } = "";

    public DateOnly CreatedOn { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptOn { get; set; }

    public DateTime? SentOn { get; set; }

    /// <summary>The hub refused it for good (a 4xx other than 401 and 429): kept for an admin to see and retry.</summary>
    public bool Failed { get; set; }

    public string? LastError { get; set; }
}

internal sealed class NetworkOutboxMessageConfiguration : IEntityTypeConfiguration<NetworkOutboxMessage>
{
    public void Configure(EntityTypeBuilder<NetworkOutboxMessage> builder)
    {
        builder.ToTable("NetworkOutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(40).IsRequired();
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(NetworkOutboxMessage.MaxErrorLength);
        builder.HasIndex(m => new { m.SentOn, m.Failed, m.NextAttemptOn });
    }
}
