using FailingWell.Web.Features.Triage;

namespace FailingWell.Web.Features.Admin;

/// <summary>The escalation list, the deadlines and retention, saved over the configuration file's values.</summary>
public static class SaveSettings
{
    public sealed class Command : Change<Unit>
    {
        public string? EscalationList { get; set; }

        public int? AcknowledgeWithinDays { get; set; }

        public int? FeedbackWithinMonths { get; set; }

        public int? RemoveContactDetailsAfterDays { get; set; }

        public IEnumerable<string> Addresses =>
            (EscalationList ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EscalationList)
                .Must((c, _) => c.Addresses.All(a => new FluentValidation.Validators.AspNetCoreCompatibleEmailValidator<Command>().IsValid(null!, a)))
                .WithMessage(c => $"Each line must be an email address: '{c.Addresses.FirstOrDefault(a => !a.Contains('@', StringComparison.Ordinal) || a.StartsWith('@') || a.EndsWith('@'))}' is not one");
            RuleFor(c => c.AcknowledgeWithinDays).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter a number of days from 1 to 60").InclusiveBetween(1, 60).WithMessage("Enter a number of days from 1 to 60");
            RuleFor(c => c.FeedbackWithinMonths).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter a number of months from 1 to 12").InclusiveBetween(1, 12).WithMessage("Enter a number of months from 1 to 12");
            RuleFor(c => c.RemoveContactDetailsAfterDays).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter a number of days from 1 to 3,650").InclusiveBetween(1, 3650).WithMessage("Enter a number of days from 1 to 3,650");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var values = new Dictionary<string, string>
            {
                [TriageSettingsSource.EscalationListKey] = string.Join('\n', request.Addresses.Distinct(StringComparer.OrdinalIgnoreCase)),
                [TriageSettingsSource.AcknowledgeWithinDaysKey] = Invariant(request.AcknowledgeWithinDays!.Value),
                [TriageSettingsSource.FeedbackWithinMonthsKey] = Invariant(request.FeedbackWithinMonths!.Value),
                [TriageSettingsSource.RemoveContactDetailsAfterDaysKey] = Invariant(request.RemoveContactDetailsAfterDays!.Value),
            };
            var changed = new List<string>();
            foreach (var (key, value) in values)
            {
                var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
                if (setting is null)
                {
                    db.Settings.Add(new Setting { Key = key, Value = value });
                    changed.Add(key);
                }
                else if (setting.Value != value)
                {
                    setting.Value = value;
                    changed.Add(key);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = changed.Count == 0 ? "Saved settings (no change)" : $"Changed settings: {string.Join(", ", changed)}";
            return Unit.Value;
        }

        private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
