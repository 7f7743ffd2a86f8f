using Microsoft.AspNetCore.Diagnostics;

namespace FailingWell.Web.Features.Errors;

/// <summary>
/// Shown instead of any stack trace, for unhandled errors and for status codes. It also logs the
/// error, in place of the framework's exception log, whose message could quote what someone typed.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; } = 500;

    /// <summary>Quoted by a user to support, and written in the log line for the same error.</summary>
    public string ErrorId => HttpContext.TraceIdentifier;

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "You cannot see this page",
        400 => "Sorry, there is a problem with that request",
        405 => "Sorry, there is a problem with that request",
        413 => "That was too much to send at once",
        415 => "Sorry, there is a problem with that request",
        429 => "You have tried too many times",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? 500;
        Response.StatusCode = Code;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            // The type, where it was thrown and the route: never the message or the query string.
            var exceptionType = failure.Error.GetType().FullName ?? failure.Error.GetType().Name;
            var thrownIn = failure.Error.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : "unknown";
            var endpoint = failure.Endpoint?.DisplayName ?? "no endpoint";
            Unhandled(logger, exceptionType, thrownIn, endpoint, ErrorId);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} thrown in {ThrownIn} serving {Endpoint} (error id {ErrorId})")]
    private static partial void Unhandled(ILogger logger, string exceptionType, string thrownIn, string endpoint, string errorId);
}
