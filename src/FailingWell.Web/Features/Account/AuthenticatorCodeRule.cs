namespace FailingWell.Web.Features.Account;

/// <summary>How an authenticator code is checked, wherever one is typed.</summary>
public static class AuthenticatorCodeRule
{
    /// <summary>Six digits, perhaps with a space in the middle, as authenticator apps show them.</summary>
    public static IRuleBuilderOptions<T, string> AuthenticatorCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("The code is 6 numbers, for example 123456");
}
