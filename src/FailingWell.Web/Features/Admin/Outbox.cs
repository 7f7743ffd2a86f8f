using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Features.Admin;

/// <summary>Every email: status, attempts, last error. Emails never hold report text, so admins may read them.</summary>
public static class OutboxList
{
    public const int PageSize = 50;

    public sealed record Query(OutboxEmailStatus? Status, int Page) : IRequest<Result>;

    public sealed record Row(Guid Id, string To, string Subject, OutboxEmailStatus Status, int Attempts, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError);

    public sealed record Result(IReadOnlyList<Row> Rows, int Queued, int Sent, int Failed, int Page, int Pages);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var counts = await db.OutboxEmails.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var emails = db.OutboxEmails.AsNoTracking();
            if (request.Status is { } status)
            {
                emails = emails.Where(e => e.Status == status);
            }

            var total = await emails.CountAsync(cancellationToken);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(request.Page, 1, pages);
            var rows = await emails.OrderByDescending(e => e.CreatedAtUtc).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(e => new Row(e.Id, e.To, e.Subject, e.Status, e.Attempts, e.CreatedAtUtc, e.SentAtUtc, e.NextAttemptAtUtc, e.LastError))
                .ToListAsync(cancellationToken);
            return new Result(rows, counts.GetValueOrDefault(OutboxEmailStatus.Queued), counts.GetValueOrDefault(OutboxEmailStatus.Sent),
                counts.GetValueOrDefault(OutboxEmailStatus.Failed), page, pages);
        }
    }
}

/// <summary>Puts failed emails (one, or all) back in the queue with a fresh set of attempts.</summary>
public static class RetryEmails
{
    public sealed class Command : AdminChange<int>
    {
        /// <summary>One email, or every failed one when empty.</summary>
        public Guid? EmailId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var emails = db.OutboxEmails.Where(e => e.Status == OutboxEmailStatus.Failed
                || (request.EmailId != null && e.Status == OutboxEmailStatus.Queued));
            if (request.EmailId is { } id)
            {
                emails = emails.Where(e => e.Id == id);
            }

            var retried = await emails.ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Status, OutboxEmailStatus.Queued)
                .SetProperty(e => e.Attempts, 0)
                .SetProperty(e => e.NextAttemptAtUtc, now), cancellationToken);
            request.AuditDescription = request.EmailId is null ? $"Retried {retried} failed emails" : $"Retried email {request.EmailId}";
            return retried;
        }
    }
}

/// <summary>Queues a test message, to see that the email settings in use work.</summary>
public static class SendTestEmail
{
    public sealed class Command : AdminChange<Unit>
    {
        public string? To { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.To).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the email address to send the test to")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@trust.nhs.uk");
    }

    public sealed class Handler(IEmailOutbox outbox, Microsoft.Extensions.Options.IOptions<EmailSettings> settings) : IRequestHandler<Command, Unit>
    {
        public Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var via = settings.Value.UsesSmtp ? $"the SMTP relay {settings.Value.Smtp.Host}:{settings.Value.Smtp.Port}" : $"the pickup folder {settings.Value.PickupDirectory}";
            outbox.Enqueue(new EmailMessage(request.To!.Trim(), "FailingWell test message", $"This is a test message from FailingWell, sent through {via}. If you can read it, email works."));
            request.AuditDescription = $"Sent a test email to {request.To!.Trim()}";
            return Task.FromResult(Unit.Value);
        }
    }
}
