using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Domain;

public enum MessageAuthor
{
    Reporter = 1,
    Reviewer = 2,
}

/// <summary>
/// A message on a reporter's follow-up, read with their receipt code: on a report
/// (<see cref="ReportMessage"/>) or on a speak-up case (<see cref="SpeakUpMessage"/>). Each has its
/// own table, so no query over reports can reach a case (decision 0063); what a message is, is here once.
/// </summary>
public abstract class FollowUpMessage
{
    public int Id { get; set; }

    public MessageAuthor Author { get; set; }

    /// <summary>The display name of the member of staff who wrote it; never anything of the reporter.</summary>
    public string? StaffName { get; set; }

    public string Body { get; set; } = "";

    /// <summary>As anything the reporter does: the day and the time band, nothing finer.</summary>
    public DateOnly SentOn { get; set; }

    public TimeBand SentBand { get; set; }

    /// <summary>The random id of the form that sent it, so a refresh does not send it twice.</summary>
    public Guid SubmissionId { get; set; }
}

/// <summary>What a reporter follows up with their receipt code, and staff write to: a report or a speak-up case.</summary>
public interface IFollowedUp<TMessage>
    where TMessage : FollowUpMessage
{
    string? ReporterEmail { get; }

    DateOnly? FeedbackGivenOn { get; set; }

    List<TMessage> Messages { get; }
}

/// <summary>
/// The email telling a reporter that staff have written: who wrote, in the reporter's terms, and never
/// a word of the message.
/// </summary>
/// <param name="WhoWrote">"The Freedom to Speak Up guardian", "The team looking into your report FW-…".</param>
/// <param name="WhatTheyDid">"reported" or "raised": what the email keeps private by saying nothing of it.</param>
public sealed record ReplyNotice(string Subject, string WhoWrote, string WhatTheyDid);

/// <summary>
/// Writing on a reporter's follow-up, once for reports and speak-up cases. Who may write, to what, and
/// what the audit log says are each slice's (a lead, a guardian, the reporter through their receipt
/// code); what writing does is here.
/// </summary>
public sealed class FollowUpMessages(FailingWellDbContext db, UkTime time, IEmailOutbox outbox, IConfiguration configuration)
{
    /// <summary>
    /// The reporter writes, still anonymous. False when this form was sent before (a refresh): it was
    /// saved the first time.
    /// </summary>
    /// <param name="onThisFollowUp">The messages already on the report or case written to.</param>
    /// <param name="message">The new message, naming the report or case.</param>
    public async Task<bool> FromReporterAsync<TMessage>(IQueryable<TMessage> onThisFollowUp, TMessage message, string body, Guid submissionId, CancellationToken cancellationToken)
        where TMessage : FollowUpMessage
    {
        ArgumentNullException.ThrowIfNull(onThisFollowUp);
        ArgumentNullException.ThrowIfNull(message);
        if (await onThisFollowUp.AnyAsync(m => m.SubmissionId == submissionId, cancellationToken))
        {
            return false;
        }

        db.Add(Written(message, MessageAuthor.Reporter, body, submissionId));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A member of staff writes to the reporter. Their first message is feedback given; a reporter who
    /// left an email is told there is a reply, with a link and not a word of it. This form sent again
    /// (a refresh) changes nothing: it was saved the first time.
    /// </summary>
    /// <param name="onThisFollowUp">The messages already on the report or case written to.</param>
    /// <param name="load">Loads the report or case as the slice's access and version rules allow.</param>
    public async Task FromStaffAsync<TFollowedUp, TMessage>(IQueryable<TMessage> onThisFollowUp, Func<Task<TFollowedUp>> load,
        string staffAccountId, string body, Guid submissionId, Func<TFollowedUp, ReplyNotice> notice, CancellationToken cancellationToken)
        where TFollowedUp : IFollowedUp<TMessage>
        where TMessage : FollowUpMessage, new()
    {
        ArgumentNullException.ThrowIfNull(onThisFollowUp);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(notice);
        if (await onThisFollowUp.AnyAsync(m => m.SubmissionId == submissionId, cancellationToken))
        {
            return;
        }

        var followedUp = await load();
        var staffName = await db.Users.AsNoTracking().OfType<StaffAccount>()
            .Where(u => u.Id == staffAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var message = Written(new TMessage { StaffName = staffName }, MessageAuthor.Reviewer, body, submissionId);
        followedUp.Messages.Add(message);
        followedUp.FeedbackGivenOn ??= message.SentOn;
        if (followedUp.ReporterEmail is { } email)
        {
            var (subject, whoWrote, whatTheyDid) = notice(followedUp);
            outbox.Enqueue(new EmailMessage(
                email,
                subject,
                $"""
                {whoWrote} has sent you a message.

                To read it, go to {configuration.SiteBaseUrl()}/report/follow-up and enter your receipt code.

                We do not put the message in this email, to keep what you {whatTheyDid} private.
                """));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private TMessage Written<TMessage>(TMessage message, MessageAuthor author, string body, Guid submissionId)
        where TMessage : FollowUpMessage
    {
        var (day, band) = time.DayAndBand();
        message.Author = author;
        message.Body = body.Trim();
        message.SentOn = day;
        message.SentBand = band;
        message.SubmissionId = submissionId;
        return message;
    }
}
