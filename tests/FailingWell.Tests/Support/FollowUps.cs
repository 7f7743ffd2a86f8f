using System.Text.RegularExpressions;

namespace FailingWell.Tests.Support;

/// <summary>Coming back with a receipt code, as a reporter does, carrying the hidden session field.</summary>
public static partial class FollowUps
{
    public sealed record Page(HttpResponseMessage Response, string Html)
    {
        public string? Session => Field(Html, "Session");

        public string? MessageSubmissionId => Field(Html, "Message.SubmissionId");
    }

    public static async Task<Page> OpenAsync(HttpClient client, string code) => await PostAsync(client, await CodeFormAsync(client, code));

    /// <summary>The code form's fields as a browser would post them (and re-post them on Back or Reload).</summary>
    public static async Task<Dictionary<string, string>> CodeFormAsync(HttpClient client, string code)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri("/report/follow-up", UriKind.Relative));
        return new Dictionary<string, string>
        {
            ["Entry.Code"] = code,
            ["Visit"] = Field(html, "Visit") ?? "",
            ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken") ?? "",
        };
    }

    /// <summary>Posts <paramref name="fields"/> to the follow-up page, with a handler when given.</summary>
    public static async Task<Page> PostAsync(HttpClient client, IDictionary<string, string> fields, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/report/follow-up" + (handler is null ? "" : "?handler=" + handler), UriKind.Relative), content);
        return new Page(response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the message form of a follow-up page, with that page's own hidden fields.</summary>
    public static async Task<Page> SendMessageAsync(HttpClient client, Page from, string body, bool additionalInformation = false, string? submissionId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(from);
        var fields = new Dictionary<string, string>
        {
            ["Session"] = from.Session ?? "",
            ["Message.SubmissionId"] = submissionId ?? from.MessageSubmissionId ?? "",
            ["Message.Body"] = body,
            ["__RequestVerificationToken"] = Field(from.Html, "__RequestVerificationToken") ?? "",
        };
        if (additionalInformation)
        {
            fields["Message.IsAdditionalInformation"] = "true";
        }

        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/report/follow-up?handler=Message", UriKind.Relative), content);
        return new Page(response, await response.Content.ReadAsStringAsync());
    }

    public static string? Field(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" (?:type=\"hidden\" )?value=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        }

        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
