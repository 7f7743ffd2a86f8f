namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>What the log says about organisation sign-ins: why, never who (no address, no subject).</summary>
internal static partial class OrganisationSignInLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Organisation sign-in refused: {Why}")]
    public static partial void Refused(ILogger logger, string why);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Organisation sign-in failed at the callback: {Reason}")]
    public static partial void CallbackFailed(ILogger logger, Exception? failure, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "The organisation's sign-in service could not be reached: {ExceptionType}")]
    public static partial void Unreachable(ILogger logger, string exceptionType);
}
