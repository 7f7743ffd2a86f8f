using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// An admin gives or withdraws consent to share the insularity signals. A change sends "signals" through the
/// outbox in the same transaction: the current signals with consent, or none without (the hub deletes them).
/// </summary>
public static class SaveNetworkConsent
{
    public sealed class Command : Change<Unit>
    {
        public bool? Share { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Share).NotNull().WithMessage("Select yes if you agree to share your insularity signals");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time, ILearningExchangeCounts learning) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var share = request.Share!.Value;
            var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == NetworkConsent.Key, cancellationToken);
            var before = row?.Value == "true";
            if (before == share)
            {
                request.AuditAction = "Saved network consent: no change";
                return Unit.Value;
            }

            if (row is null)
            {
                db.Settings.Add(new Setting { Key = NetworkConsent.Key, Value = share ? "true" : "false" });
            }
            else
            {
                row.Value = share ? "true" : "false";
            }

            var signals = share ? await CurrentSignals.ComputeAsync(db, time, learning, cancellationToken) : [];
            NetworkOutbox.Enqueue(db, PeerMessageKinds.Signals, new SignalsMessage(share, signals));
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = share
                ? "Network consent given: insularity signals shared with the coordinator (" + (signals.Count == 0 ? "none raised" : string.Join(", ", signals)) + ")"
                : "Network consent withdrawn: the coordinator's copy of our signals is deleted";
            return Unit.Value;
        }
    }
}
