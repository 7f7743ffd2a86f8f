namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// Signing in with the organisation's own account over OpenID Connect (docs/decisions/0125):
/// <c>Authentication:OpenIdConnect:*</c>. Off while <see cref="Authority"/> is empty.
/// </summary>
public sealed class OrganisationSignInSettings
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/TENANT-ID/v2.0.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>A client secret; or leave empty and give <see cref="ClientCertificatePath"/>.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>A PFX (with <see cref="ClientCertificatePassword"/>) whose key signs a client assertion (private_key_jwt) instead of a secret.</summary>
    public string ClientCertificatePath { get; set; } = "";

    public string ClientCertificatePassword { get; set; } = "";

    /// <summary>Space-separated scopes asked for besides openid.</summary>
    public string Scopes { get; set; } = "profile email";

    /// <summary>The claim holding the address matched to an invited account: email (needs email_verified), or upn (Entra's own, verified by the tenant).</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The provider's stable id for the person: sub, or Entra's oid.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The button's words: "Sign in with NHSmail".</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation account";

    /// <summary>Space-separated acr values asked for, and accepted as two factors when the token carries one of them.</summary>
    public string AcrValues { get; set; } = "";

    /// <summary>Refuse a sign-in the provider did not make with two factors, rather than asking for FailingWell's own code.</summary>
    public bool RequireProviderMfa { get; set; }

    /// <summary>Only for a provider on plain http (the tests, the demo): never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Optional: a directory group's id (the groups claim) to the FailingWell role it gives. Never Guardian (that needs a guardian's approval).</summary>
    public Dictionary<string, string> GroupRoleMappings { get; set; } = new(StringComparer.Ordinal);

    public bool IsEnabled => Authority.Length > 0;

    public string[] AcrValueList => AcrValues.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
