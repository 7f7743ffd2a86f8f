using System.Globalization;

namespace FailingWell.Web.Features.Culture;

/// <summary>Marks an event on the charts' timeline, from which control limits may be worked out afresh.</summary>
public static class AddAnnotation
{
    public sealed class Command : Change<int>
    {
        public string? On { get; set; }

        public string? Text { get; set; }

        public bool RecalculateLimits { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.On).Must(o => DateOnly.TryParseExact(o, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)).WithMessage("Enter the date like 2013-07-01");
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what happened, like 'Placed in special measures'")
                .MaximumLength(200).WithMessage("Keep it to 200 characters");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var annotation = new Annotation
            {
                On = DateOnly.ParseExact(request.On!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Text = request.Text!.Trim(),
                RecalculateLimits = request.RecalculateLimits,
            };
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Added timeline event '{annotation.Text}' on {request.On}";
            return annotation.Id;
        }
    }
}
