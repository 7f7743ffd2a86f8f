using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Web.Infrastructure.Telemetry;

/// <summary>
/// The outermost pipeline step: a request of the anonymous journey marks its trace as anonymous
/// before anything beneath it touches the database, whatever its route is called. A new anonymous page
/// whose path the request filter does not know is still kept out.
/// </summary>
public sealed class AnonymousTraceBehavior<TRequest, TResponse>(TelemetryGuards guards, IHttpContextAccessor http)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is IAnonymousJourney && guards.MediatorMark)
        {
            AnonymousRequests.MarkCurrentTrace();
            http.HttpContext?.Items[AnonymousRequests.Mark] = true;
        }

        return next();
    }
}
