using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub: a member's "signals". Without consent every signal held for the member is deleted (and nothing else is
/// kept); with consent its signals are replaced, each keeping the date the hub first held it.
/// </summary>
public static class StoreSignals
{
    public sealed record Command(int MemberId, SignalsMessage Message) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Message).NotNull().WithMessage("No signals were sent");
            RuleFor(c => c.Message.Signals).NotNull().Must(s => s.Count <= 20).WithMessage("Send at most 20 signals").When(c => c.Message is not null);
            RuleForEach(c => c.Message.Signals).NotEmpty().MaximumLength(HubSignal.SignalLength).WithMessage("A signal is a short name")
                .When(c => c.Message?.Signals is not null);
            RuleFor(c => c.Message.Signals).Must(s => s.Count == 0).WithMessage("Without consent no signals are sent")
                .When(c => c.Message is { Consent: false, Signals: not null });
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!request.Message.Consent)
            {
                await db.HubSignals.Where(s => s.MemberId == request.MemberId).ExecuteDeleteAsync(cancellationToken);
                return Unit.Value;
            }

            var wanted = request.Message.Signals.Distinct(StringComparer.Ordinal).ToList();
            var held = await db.HubSignals.Where(s => s.MemberId == request.MemberId).ToListAsync(cancellationToken);
            db.HubSignals.RemoveRange(held.Where(h => !wanted.Contains(h.Signal)));
            db.HubSignals.AddRange(wanted.Where(w => held.All(h => h.Signal != w))
                .Select(w => new HubSignal { MemberId = request.MemberId, Signal = w, RaisedOn = time.Today }));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
