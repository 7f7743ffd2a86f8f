namespace FailingWell.Web.Features.Culture;

/// <summary>Recounts every roll-up from a day on: after a bulk load (the benchmark) or a restore.</summary>
public static class RecountRollups
{
    public sealed record Command(DateOnly From) : IRequest<int>;

    public sealed class Handler(CultureRollups rollups) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command request, CancellationToken cancellationToken) =>
            rollups.RecountAsync((request ?? throw new ArgumentNullException(nameof(request))).From, cancellationToken);
    }
}
