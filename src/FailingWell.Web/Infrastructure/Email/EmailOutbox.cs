namespace FailingWell.Web.Infrastructure.Email;

/// <summary>An email to send: who to, what it is about, and a link. Never report text.</summary>
public sealed record EmailMessage(string To, string Subject, string Body)
{
    /// <summary>
    /// When set, the email waits until then and its outbox row says it was made then, not a second
    /// earlier: for emails about an anonymous act, whose own time must not be kept.
    /// </summary>
    public DateTime? SendAtUtc { get; init; }
}

/// <summary>The one way FailingWell sends email: queue it with the change that caused it.</summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}

/// <summary>
/// Adds the email to the unit of work, so it is saved in the same transaction as the business
/// change and delivered later by <see cref="OutboxDeliveryJob"/>.
/// </summary>
public sealed class DatabaseEmailOutbox(FailingWellDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.SendAtUtc ?? clock.GetUtcNow().UtcDateTime;
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = message.To,
            Subject = message.Subject,
            Body = message.Body,
            CreatedAtUtc = at,
            NextAttemptAtUtc = at,
        });
    }
}
