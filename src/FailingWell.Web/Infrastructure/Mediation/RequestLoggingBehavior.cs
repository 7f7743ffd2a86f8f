using System.Diagnostics;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Records which request ran and how long it took. Never its content: a request may carry what a
/// reporter wrote, and logs must not. The anonymous journey is counted, never logged
/// (<see cref="IAnonymousJourney"/>).
/// </summary>
public sealed partial class RequestLoggingBehavior<TRequest, TResponse>(
    ILogger<RequestLoggingBehavior<TRequest, TResponse>> logger,
    AnonymousJourneyMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestType = RequestName(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is IAnonymousJourney)
        {
            try
            {
                var answer = await next();
                metrics.Handled(RequestType);
                return answer;
            }
            catch
            {
                metrics.Failed(RequestType);
                throw;
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Handled(logger, RequestType, elapsed);
            return response;
        }
        catch (Exception exception)
        {
            // The exception's type only: its message can quote input.
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var exceptionType = exception.GetType().Name;
            Failed(logger, RequestType, elapsed, exceptionType);
            throw;
        }
    }

    private static string RequestName(Type type) =>
        type.DeclaringType is null ? type.Name : $"{RequestName(type.DeclaringType)}.{type.Name}";

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Handled {RequestType} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Handled(ILogger logger, string RequestType, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "{RequestType} failed after {ElapsedMilliseconds:0.0} ms with {ExceptionType}")]
    private static partial void Failed(ILogger logger, string RequestType, double elapsedMilliseconds, string exceptionType);
}
