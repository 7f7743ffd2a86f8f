using System.Globalization;

namespace FailingWell.Web.Features.Culture;

/// <summary>An admin sets or clears the targets that the culture page's assurance icons are judged against.</summary>
public static class SaveTargets
{
    public sealed class Target
    {
        public string Measure { get; set; } = "";

        public string? Value { get; set; }
    }

    public sealed class Command : Change<Unit>
    {
        public List<Target> Targets { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(c => c.Targets).ChildRules(target =>
            {
                target.RuleFor(t => t.Measure).Must(key => CultureView.Measures.Any(m => m.Key == key)).WithMessage("Choose a measure from the list");
                target.RuleFor(t => t.Value)
                    .Must((t, typed) => CultureTargets.TryRead(typed, out var value) && (value is null || Within(t.Measure, value.Value)))
                    .WithMessage(t => Hint(t.Measure));
            });
        }

        private static bool Within(string key, double value) =>
            CultureView.Measures.FirstOrDefault(m => m.Key == key) is not { } measure || (value >= measure.Lowest && value <= measure.Highest);

        private static string Hint(string key) =>
            CultureView.Measures.FirstOrDefault(m => m.Key == key) is { } measure && double.IsFinite(measure.Highest)
                ? $"Enter a target from {measure.Lowest:0} to {measure.Highest:0}, or leave it blank for none"
                : "Enter a target of 0 or more, or leave it blank for none";
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var keys = request.Targets.Select(t => CultureTargets.Prefix + t.Measure).ToList();
            var existing = await db.Settings.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
            var changes = new List<string>();
            foreach (var target in request.Targets)
            {
                CultureTargets.TryRead(target.Value, out var value);
                var key = CultureTargets.Prefix + target.Measure;
                var text = value?.ToString("0.##", CultureInfo.InvariantCulture);
                existing.TryGetValue(key, out var row);
                if (row?.Value == text)
                {
                    continue;
                }

                if (text is null)
                {
                    db.Settings.Remove(row!);
                }
                else if (row is null)
                {
                    db.Settings.Add(new Setting { Key = key, Value = text });
                }
                else
                {
                    row.Value = text;
                }

                changes.Add($"{target.Measure} {(text ?? "none")}");
            }

            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = changes.Count == 0 ? "Saved culture targets: no change" : "Set culture targets: " + string.Join(", ", changes);
            return Unit.Value;
        }
    }
}
