namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Puts this month's "aggregates" in the outbox (the last 13 complete months, suppressed), and, when the admins
/// consented, the current "signals". One transaction: both go, or neither.
/// </summary>
public static class PublishAggregates
{
    public sealed record Command : ICommand<Result>;

    public sealed record Result(int Months, bool SignalsSent);

    public sealed class Handler(FailingWellDbContext db, IMediator mediator, UkTime time, ILearningExchangeCounts learning) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var aggregates = await mediator.Send(new MonthlyAggregates.Query(), cancellationToken);
            NetworkOutbox.Enqueue(db, PeerMessageKinds.Aggregates, aggregates);
            var consent = await NetworkConsent.ReadAsync(db, cancellationToken);
            if (consent)
            {
                NetworkOutbox.Enqueue(db, PeerMessageKinds.Signals, new SignalsMessage(true, await CurrentSignals.ComputeAsync(db, time, learning, cancellationToken)));
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Result(aggregates.Months.Count, consent);
        }
    }
}
