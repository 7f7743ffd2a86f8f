using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Features.Admin;

/// <summary>Queues a test message, to see that the email settings in use work.</summary>
public static class SendTestEmail
{
    public sealed class Command : Change<Unit>
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
            request.AuditAction = $"Sent a test email to {request.To!.Trim()}";
            return Task.FromResult(Unit.Value);
        }
    }
}
