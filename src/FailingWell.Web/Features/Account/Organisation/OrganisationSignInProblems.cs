using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>What can go wrong with an organisation sign-in, each with its plain page (Problem.cshtml).</summary>
public static class OrganisationSignInProblems
{
    public const string Unavailable = "unavailable";
    public const string Interrupted = "interrupted";
    public const string InvalidToken = "invalid-token";
    public const string ProviderRefused = "refused";
    public const string NotInvited = "not-invited";
    public const string EmailNotVerified = "email-not-verified";
    public const string MfaRequired = "mfa-required";
    public const string AccountDisabled = "account-disabled";
    public const string NotOffered = "not-offered";

    public sealed record Problem(string Title, string Explanation, string WhatToDo, int StatusCode);

    public static readonly IReadOnlyDictionary<string, Problem> All = new Dictionary<string, Problem>(StringComparer.Ordinal)
    {
        [Unavailable] = new("Your organisation's sign-in service cannot be reached",
            "FailingWell could not reach your organisation's sign-in service just now, so you have not been signed in.",
            "Try again in a few minutes. If it goes on, tell your IT service desk, or ask a FailingWell administrator.", StatusCodes.Status503ServiceUnavailable),
        [Interrupted] = new("Your sign-in could not be finished",
            "The sign-in was started in another tab or window, took too long, or was already used. For your safety it has been stopped.",
            "Close other FailingWell tabs and sign in again from the sign-in page.", StatusCodes.Status400BadRequest),
        [InvalidToken] = new("Your organisation's answer could not be accepted",
            "Your organisation's sign-in service answered, but its answer was not meant for FailingWell or was out of date.",
            "Sign in again. If it happens again, check this computer's clock and tell your IT service desk.", StatusCodes.Status400BadRequest),
        [ProviderRefused] = new("Your organisation did not sign you in",
            "Your organisation's sign-in service did not sign you in to FailingWell.",
            "Sign in again, or ask your IT service desk whether your account may use FailingWell.", StatusCodes.Status403Forbidden),
        [NotInvited] = new("You do not have a FailingWell account",
            "You signed in to your organisation, but nobody has given you a FailingWell account. Being in your organisation's directory is not enough.",
            "Ask a FailingWell administrator in your organisation to invite you, using the email address your organisation gives you.", StatusCodes.Status403Forbidden),
        [EmailNotVerified] = new("Your email address has not been confirmed",
            "Your organisation's sign-in service did not confirm that your email address is yours, so FailingWell cannot match it to an account.",
            "Ask your IT service desk to confirm your email address, or ask a FailingWell administrator for help.", StatusCodes.Status403Forbidden),
        [MfaRequired] = new("Sign in with two factors",
            "FailingWell needs you to sign in to your organisation with two factors (an authenticator app, a security key or a text message code), and this sign-in used only one.",
            "Sign in again and use your second factor when your organisation asks. If it never asks, tell your IT service desk.", StatusCodes.Status403Forbidden),
        [AccountDisabled] = new("Your FailingWell account is switched off",
            "Your FailingWell account has been switched off or locked, so you cannot sign in.",
            "Ask a FailingWell administrator in your organisation.", StatusCodes.Status403Forbidden),
        [NotOffered] = new("Sign in with your email address and password",
            "This FailingWell does not offer sign-in with an organisation account.",
            "Sign in with your email address and password.", StatusCodes.Status404NotFound),
    };

    public static string PathFor(string reason) => "/account/sign-in/organisation/problem/" + reason;

    /// <summary>Which page a failure at the callback gets: by its kind, never its message shown to anyone.</summary>
    public static string ReasonFor(Exception? failure, string? providerError)
    {
        if (providerError is "access_denied" or "login_required" or "consent_required" or "interaction_required")
        {
            return ProviderRefused;
        }

        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException:
                    return Unavailable;
                case OpenIdConnectProtocolInvalidNonceException or OpenIdConnectProtocolInvalidStateException:
                    return Interrupted;
                case OpenIdConnectProtocolException when e.Message.Contains("invalid_grant", StringComparison.Ordinal):
                    // The code was used already (a replayed callback), or has expired.
                    return Interrupted;
                case SecurityTokenException or OpenIdConnectProtocolException:
                    return InvalidToken;
                case InvalidOperationException when e.Message.Contains("IDX20803", StringComparison.Ordinal):
                    // "Unable to obtain configuration": the metadata could not be read.
                    return Unavailable;
            }
        }

        // "Correlation failed.", "Unable to unprotect the message.State.", "No message." and the like.
        return providerError is { Length: > 0 } ? ProviderRefused : Interrupted;
    }
}
