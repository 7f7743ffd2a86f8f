using System.Text.RegularExpressions;

namespace FailingWell.Tests.Support;

/// <summary>Posts a form the way a browser does: GET the page, take its antiforgery token, POST.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(tokenFrom ?? path, UriKind.Relative));
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token a page's form carries, as a browser would send it.</summary>
    public static string TokenIn(string page)
    {
        var token = TokenPattern().Match(page ?? "");
        Assert.True(token.Success, "The page has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
