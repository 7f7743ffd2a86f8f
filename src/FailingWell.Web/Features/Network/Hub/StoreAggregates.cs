using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub: a member's "aggregates" replace every month the hub held for it. Months that are not yyyy-MM, repeated,
/// or carry negative figures make the whole message invalid (the inbox answers 400).
/// </summary>
public static class StoreAggregates
{
    public sealed record Command(int MemberId, MonthlyAggregatesMessage Message) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public const int MostMonths = 60;

        public Validator()
        {
            RuleFor(c => c.Message).NotNull().WithMessage("No months were sent");
            RuleFor(c => c.Message.Months).NotNull().Must(m => m.Count <= MostMonths).WithMessage($"Send at most {MostMonths} months")
                .Must(m => m.Select(x => x?.Month).Distinct().Count() == m.Count).WithMessage("Each month is sent once")
                .When(c => c.Message is not null);
            RuleForEach(c => c.Message.Months).ChildRules(month =>
            {
                month.RuleFor(m => m).NotNull().WithMessage("A month is missing");
                month.RuleFor(m => m.Month).Must(m => PeerMessageKinds.ParseMonth(m) is not null).WithMessage("A month is written yyyy-MM").When(m => m is not null);
                month.RuleFor(m => m).Must(m => m is null || new[] { m.Reports, m.NoOrLowHarm, m.NearMisses, m.Anonymous }.All(x => x is null or >= 0))
                    .WithMessage("Counts are not negative");
                month.RuleFor(m => m.BedDays).Must(b => b is null || (double.IsFinite(b.Value) && b >= 0)).When(m => m is not null).WithMessage("Bed days are not negative");
            }).When(c => c.Message?.Months is not null);
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await db.HubAggregates.Where(a => a.MemberId == request.MemberId).ExecuteDeleteAsync(cancellationToken);
            db.HubAggregates.AddRange(request.Message.Months.Select(m => new HubAggregate
            {
                MemberId = request.MemberId,
                Month = PeerMessageKinds.ParseMonth(m.Month)!.Value,
                // Suppressed again here, in case a member's rule ever slips: the hub never holds 1 to 4.
                Reports = Hide(m.Reports),
                BedDays = m.BedDays,
                NoOrLowHarm = Hide(m.NoOrLowHarm),
                NearMisses = Hide(m.NearMisses),
                Anonymous = Hide(m.Anonymous),
            }));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private static int? Hide(int? count) => count is { } c && SmallNumbers.IsHidden(c) ? null : count;
    }
}
