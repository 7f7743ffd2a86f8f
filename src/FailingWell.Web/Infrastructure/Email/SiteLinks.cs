namespace FailingWell.Web.Infrastructure.Email;

public static class SiteLinks
{
    /// <summary>The site's public address for links in emails (<c>Site:BaseUrl</c>), without a trailing slash.</summary>
    public static string SiteBaseUrl(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration["Site:BaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
    }
}
