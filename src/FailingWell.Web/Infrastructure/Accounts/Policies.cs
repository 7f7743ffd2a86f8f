using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Routing;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>
/// Who may do what. Every governance page needs a sign-in with an authenticator code; report text
/// is for governance leads and admins only. Which page needs which policy is said by each feature's
/// module (its AuthorizePages); a page no module names needs <see cref="Staff"/> (the fallback policy).
/// </summary>
public static class Policies
{
    /// <summary>
    /// Any member of staff, signed in with an authenticator code: what every page and endpoint needs
    /// unless its module says otherwise, so a page added without a rule is closed, not open (decision 0097).
    /// </summary>
    public const string Staff = nameof(Staff);

    /// <summary>Read and act on reports: governance leads and admins, signed in with an authenticator code.</summary>
    public const string Triage = nameof(Triage);

    /// <summary>Run FailingWell: admins, signed in with an authenticator code.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Digests and culture signals, which hold no report text: executives too, signed in with an authenticator code.</summary>
    public const string ReadGovernance = nameof(ReadGovernance);

    /// <summary>Speak-up cases: Freedom to Speak Up guardians only (not admins: the cases are confidential), with an authenticator code.</summary>
    public const string SpeakUp = nameof(SpeakUp);

    /// <summary>A learning network's hub: its coordinators, with an authenticator code.</summary>
    public const string CoordinateNetwork = nameof(CoordinateNetwork);

    /// <summary>The learning network's library: leads, guardians, executives and admins, with an authenticator code.</summary>
    public const string ReadNetworkLibrary = nameof(ReadNetworkLibrary);

    /// <summary>Accepting or declining a network's peer support: executives and admins, with an authenticator code.</summary>
    public const string AnswerNetworkSupport = nameof(AnswerNetworkSupport);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var staff = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireRole(StaffRoles.All)
            .AddRequirements(new TwoFactorRequirement())
            .Build();
        options.AddPolicy(Staff, staff);
        options.FallbackPolicy = staff;
        options.AddPolicy(Triage, policy => policy
            .RequireRole(StaffRoles.GovernanceLead, StaffRoles.Admin)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(Administer, policy => policy
            .RequireRole(StaffRoles.Admin)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(SpeakUp, policy => policy
            .RequireRole(StaffRoles.Guardian)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(ReadGovernance, policy => policy
            .RequireRole(StaffRoles.Executive, StaffRoles.GovernanceLead, StaffRoles.Admin)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(CoordinateNetwork, policy => policy
            .RequireRole(StaffRoles.NetworkCoordinator)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(ReadNetworkLibrary, policy => policy
            .RequireRole(StaffRoles.GovernanceLead, StaffRoles.Guardian, StaffRoles.Executive, StaffRoles.Admin)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(AnswerNetworkSupport, policy => policy
            .RequireRole(StaffRoles.Executive, StaffRoles.Admin)
            .AddRequirements(new TwoFactorRequirement()));
    }
}

/// <summary>Met when this sign-in used an authenticator code (Identity marks it with amr=mfa).</summary>
public sealed class TwoFactorRequirement : AuthorizationHandler<TwoFactorRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(c => c.Type == "amr" && c.Value == "mfa"))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Anyone with a governance role who has not yet set up an authenticator app (or signed in without
/// its code) is taken to do so, rather than shown
/// "access denied"; everything else is answered as usual.
/// </summary>
public sealed class TwoFactorEnrolmentRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        // An address no page answers (404), or a page asked with a method it does not take (405), has
        // nothing behind it to protect: it is answered as it always was, not sent to sign in.
        if (!authorizeResult.Succeeded && context.GetEndpoint() is not RouteEndpoint)
        {
            return next(context);
        }

        var onlyTwoFactorMissing = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.All(r => r is TwoFactorRequirement) == true
            && context.User.Identity?.IsAuthenticated == true;
        if (onlyTwoFactorMissing)
        {
            var returnUrl = context.Request.PathBase + context.Request.Path;
            context.Response.Redirect("/account/two-factor?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string AccountId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
    }
}
