using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network;

/// <summary>
/// How many learning notes this organisation read, shared and adopted since a date. CORE's notes and library
/// hold the real counts: the integrator registers an implementation reading them in place of
/// <see cref="UnknownLearningExchange"/>, which knows nothing yet, so the "no learning exchanged" signal is never raised.
/// </summary>
public interface ILearningExchangeCounts
{
    Task<LearningExchanged?> SinceAsync(DateOnly from, CancellationToken cancellationToken);
}

public sealed class UnknownLearningExchange : ILearningExchangeCounts
{
    public Task<LearningExchanged?> SinceAsync(DateOnly from, CancellationToken cancellationToken) => Task.FromResult<LearningExchanged?>(null);
}
