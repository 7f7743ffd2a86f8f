using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Infrastructure.Email;

public enum OutboxEmailStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An email waiting to go, written in the same transaction as the change that caused it. Its body
/// says that something needs attention and links to it: never report text.
/// </summary>
public sealed class OutboxEmail
{
    public const int MaxErrorLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public OutboxEmailStatus Status { get; set; } = OutboxEmailStatus.Queued;

    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.Property(e => e.To).HasMaxLength(320).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Body).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.MaxErrorLength);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
    }
}
