using System.Security.Claims;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>The signed-in member of staff on whose behalf a request runs, if any.</summary>
public interface ICurrentStaff
{
    /// <summary>The account id, or null when nobody is signed in (a reporter, a job, the command line).</summary>
    string? AccountId { get; }
}

/// <summary>Reads the account from the HTTP request; outside a request there is nobody.</summary>
public sealed class HttpCurrentStaff(IHttpContextAccessor accessor) : ICurrentStaff
{
    public string? AccountId =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? user.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
}
