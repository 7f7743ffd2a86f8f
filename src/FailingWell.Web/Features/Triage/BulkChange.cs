using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Triage;

/// <summary>
/// Acknowledge, assign or route several reports from the queue in one step. Each report gets the
/// same command the report page sends (its validator, its audit entry, its version check), all in
/// one transaction with a savepoint per report: a report that is refused is rolled back alone and
/// named in the result, and the rest commit (docs/decisions/0061).
/// </summary>
public static class BulkChange
{
    public const int Most = 100;

    public const string Acknowledge = "acknowledge";

    public const string Assign = "assign";

    public const string Route = "route";

    public sealed class Command : ICommand<Result>, IStaffRequest
    {
        public string? Action { get; set; }

        /// <summary>Each selected report as "id:version", the version the queue showed.</summary>
        public List<string> Selected { get; set; } = [];

        public string? OwnerAccountId { get; set; }

        public GovernanceStream? Stream { get; set; }

        public int? DivisionId { get; set; }

        [BindNever]
        public string ActorAccountId { get; set; } = "";
    }

    public const string Changed = "Someone else changed this report after the list was shown, so it was left as it is. Open it to see the latest.";

    public sealed record Outcome(int ReportId, string Reference, string? Why);

    public sealed record Result(string Action, IReadOnlyList<Outcome> Done, IReadOnlyList<Outcome> NotDone);

    public static bool TryRead(string? selected, out int id, out Guid version)
    {
        version = Guid.Empty;
        id = 0;
        var parts = (selected ?? "").Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0
            && Guid.TryParseExact(parts[1], "D", out version);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Action).Must(a => a is Acknowledge or Assign or Route).WithMessage("Choose what to do with the selected reports");
            RuleFor(c => c.Selected).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select at least one report")
                .Must(s => s.Count <= Most).WithMessage($"Select up to {Most} reports at a time")
                .Must(s => s.TrueForAll(one => TryRead(one, out _, out _))).WithMessage("A selected report could not be read: show the reports again and select them again");
            When(c => c.Action == Assign, () => RuleFor(c => c.OwnerAccountId).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select a governance lead to own the reports")
                .MustAsync(async (id, ct) => await Leads.IsLeadAsync(db, id!, ct)).WithMessage("Select a governance lead from the list"));
            When(c => c.Action == Route, () =>
            {
                RuleFor(c => c.Stream).Must((c, stream) => stream is not null || c.DivisionId is not null).WithMessage("Select a stream or a division to route the reports to");
                RuleFor(c => c.Stream).IsInEnum().WithMessage("Select a stream from the list");
                RuleFor(c => c.DivisionId)
                    .MustAsync(async (id, ct) => id is null || await db.Divisions.AnyAsync(d => d.Id == id && !d.IsRetired, ct))
                    .WithMessage("Select a division from the list");
            });
        }
    }

    public sealed class Handler(FailingWellDbContext db, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var selected = request.Selected
                .Select(s => TryRead(s, out var id, out var version) ? (Id: id, Version: version) : default)
                .DistinctBy(s => s.Id).ToList();
            var ids = selected.Select(s => s.Id).ToList();
            var current = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Reference, r.Stream, r.DivisionId, r.OwnerAccountId })
                .ToDictionaryAsync(r => r.Id, cancellationToken);
            var transaction = db.Database.CurrentTransaction
                ?? throw new InvalidOperationException("A bulk change runs inside the command's transaction.");
            var done = new List<Outcome>();
            var notDone = new List<Outcome>();
            foreach (var (id, version) in selected)
            {
                if (!current.TryGetValue(id, out var report))
                {
                    notDone.Add(new Outcome(id, "Not found", "That report does not exist."));
                    continue;
                }

                // Assigning keeps each report's routing; routing keeps its owner and whatever of
                // stream and division was not chosen. The version is the one the queue showed.
                ReportChange<Unit> change = request.Action switch
                {
                    Acknowledge => new Triage.Acknowledge.Command(),
                    Assign => new Triage.Route.Command { Stream = report.Stream, DivisionId = report.DivisionId, OwnerAccountId = request.OwnerAccountId },
                    _ => new Triage.Route.Command
                    {
                        Stream = request.Stream ?? report.Stream, DivisionId = request.DivisionId ?? report.DivisionId, OwnerAccountId = report.OwnerAccountId,
                    },
                };
                change.ReportId = id;
                change.Version = version;
                change.ActorAccountId = request.ActorAccountId;
                var savepoint = "report" + id.ToString(CultureInfo.InvariantCulture);
                await transaction.CreateSavepointAsync(savepoint, cancellationToken);
                try
                {
                    await mediator.Send(change, cancellationToken);
                    await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                    done.Add(new Outcome(id, report.Reference, null));
                }
                catch (Exception refused) when (refused is ValidationException or DbUpdateConcurrencyException)
                {
                    // Nothing of this report's change stays, in the database or in the context.
                    await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                    db.ChangeTracker.Clear();
                    var why = refused is ValidationException validation && validation.Errors.All(e => e.ErrorMessage != ConcurrencyConflict.Message)
                        ? string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct())
                        : Changed;
                    notDone.Add(new Outcome(id, report.Reference, why));
                }
            }

            return new Result(request.Action!, done, notDone);
        }
    }
}
