using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace FailingWell.Tests.Support;

/// <summary>
/// Posts random, malformed and hostile values to forms, reading each form's fields from the page as
/// a browser would. Shared by the test suite (in process) and the benchmark (a real site over HTTP).
/// </summary>
public sealed partial class FormFuzzer(Func<HttpClient> newClient, int seed)
{
    /// <param name="ClosedOn">The kinds of post whose connection the server closed before answering (status 0).</param>
    public sealed record Outcome(int Posts, int ServerErrors, IReadOnlyDictionary<int, int> ByStatus, int ReceiptsShown, IReadOnlyList<string> ServerErrorSamples, IReadOnlyCollection<string> ClosedOn);

    private static readonly string[] Hostile =
    [
        "", " ", "a\0b", "\0", "\u0001\u0002\u001b[31m", "tab\tand\r\nlines", "\u202Egnp.exe", "\u2066isolated\u2069", "zero\u200Bwidth", "\uFEFFbom",
        "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE Reports; --", "../../etc/passwd", "%00", "%", "&amp;", "=1+1", "@SUM(A1)",
        "9999999999999999999999", "-1", "0", "NaN", "1e308", "31", "13", "2026", "99999", "l:999999", "d:abc", "l:", "x:1", "00000000-0000-0000-0000-000000000000",
        "true", "false", "on", "Today", "Yesterday", "AnotherDay", "Night", "Incident", "NearMiss", "None", "Fatal", "Patient", "Nobody",
        "😀👩🏽‍⚕️", "Ω≈ç√∫", "中文字符", "עברית", "\u0301\u0301\u0301", "FW-2026-000001", "0000-0000-0000-0000-0000-0000",
    ];

    private readonly Random _random = new(seed);

    public async Task<Outcome> RunAsync(IReadOnlyList<string> paths, int posts, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var byStatus = new Dictionary<int, int>();
        var samples = new List<string>();
        var closed = new HashSet<string>();
        var receipts = 0;
        var sent = 0;
        var clients = new Dictionary<string, (HttpClient Client, string Html)>();
        var stop = DateTime.UtcNow + limit;
        try
        {
            while (sent < posts && DateTime.UtcNow < stop)
            {
                var path = paths[_random.Next(paths.Count)];
                if (!clients.TryGetValue(path, out var page) || _random.Next(50) == 0)
                {
                    if (page.Client is not null)
                    {
                        page.Client.Dispose();
                    }

                    var client = newClient();
                    // A callback (e.g. /signin-oidc) answers its GET with a redirect and has no form: its fields are the fuzzer's own.
                    using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
                    page = (client, await get.Content.ReadAsStringAsync());
                    clients[path] = page;
                }

                using var content = Body(page.Html, out var kind);
                int status;
                string html;
                try
                {
                    using var response = await page.Client.PostAsync(new Uri(path, UriKind.Relative), content);
                    status = (int)response.StatusCode;
                    html = await response.Content.ReadAsStringAsync();
                }
                catch (HttpRequestException)
                {
                    // A real server may answer a body far over its limit and close the connection
                    // before the client has finished sending: counted as 0, and a new client taken.
                    status = 0;
                    html = "";
                    clients.Remove(path);
                    page.Client.Dispose();
                    closed.Add(kind);
                }

                sent++;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (html.Contains("id=\"receipt-code\"", StringComparison.Ordinal))
                {
                    receipts++;
                }

                if (status >= 500 && samples.Count < 20)
                {
                    samples.Add($"{status} {path} {kind}");
                }
            }
        }
        finally
        {
            foreach (var (client, _) in clients.Values)
            {
                client.Dispose();
            }
        }

        return new Outcome(sent, byStatus.Where(s => s.Key >= 500).Sum(s => s.Value), byStatus, receipts, samples, closed);
    }

    private HttpContent Body(string html, out string kind)
    {
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var fields = FieldNames().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        var choices = ChoiceValues().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var pairs = new List<(string Name, string Value)> { ("__RequestVerificationToken", _random.Next(20) == 0 ? "forged" : token) };
        foreach (var field in fields)
        {
            if (_random.Next(6) == 0)
            {
                continue; // left out
            }

            pairs.Add((field, Value(choices)));
            if (_random.Next(15) == 0)
            {
                pairs.Add((field, Value(choices))); // sent twice
            }
        }

        if (_random.Next(20) == 0)
        {
            pairs.Add((Value(choices), Value(choices))); // a field no form has
        }

        switch (_random.Next(14))
        {
            case 0:
                kind = "text/plain";
                return new StringContent(string.Join('\n', pairs.Select(p => $"{p.Name}={p.Value}")), Encoding.UTF8, "text/plain");
            case 1:
                kind = "json";
                return new StringContent("{\"Input.WhatHappened\": \"a\\u0000b\", \"x\": [1,2", Encoding.UTF8, "application/json");
            case 2:
                kind = "broken multipart";
                var broken = new ByteArrayContent(Encoding.UTF8.GetBytes($"--wrong\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--wro"));
                broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=\"expected\"");
                return broken;
            case 3:
                kind = "multipart";
                var multipart = new MultipartFormDataContent();
                foreach (var (name, value) in pairs)
                {
                    multipart.Add(new StringContent(value), MultipartName(name));
                }

                return multipart;
            case 4:
                kind = "bad escapes and bytes";
                var raw = string.Join('&', pairs.Select(p => Encode(p.Name) + "=" + Encode(p.Value))) + "&Input.WhatHappened=%G1%ED%A0%80%C3%28%FF&%%=%";
                return Form(Encoding.ASCII.GetBytes(raw));
            case 5:
                kind = "oversized";
                return Form(Encoding.ASCII.GetBytes("__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&Input.WhatHappened=" + new string('a', 300_000)));
            case 6:
                kind = "no content type";
                var bare = new ByteArrayContent(Encoding.ASCII.GetBytes("a=b"));
                return bare;
            default:
                kind = "form";
                return Form(Encoding.ASCII.GetBytes(string.Join('&', pairs.Select(p => Encode(p.Name) + "=" + Encode(p.Value)))));
        }
    }

    private static ByteArrayContent Form(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>Percent-encodes UTF-8, and an unpaired surrogate as the bytes a careless client would send.</summary>
    // The client itself refuses a blank name, and one that is not a header token unless it is quoted.
    private static string MultipartName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "blank";
        }

        if (name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
        {
            return name;
        }

        var quoted = new string([.. name.Where(c => c is >= ' ' and <= '~' and not ('"' or '\\'))]);
        return quoted.Length == 0 ? "blank" : $"\"{quoted}\"";
    }

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                builder.Append("%ED%A0%80");
                continue;
            }

            var length = char.IsHighSurrogate(c) ? 2 : 1;
            builder.Append(Uri.EscapeDataString(value.AsSpan(i, length)));
            i += length - 1;
        }

        return builder.ToString();
    }

    private string Value(List<string> choices)
    {
        return _random.Next(10) switch
        {
            < 3 when choices.Count > 0 => choices[_random.Next(choices.Count)],
            3 => new string((char)_random.Next(0x20, 0x7F), _random.Next(1, 12_000)),
            4 => string.Concat(Enumerable.Range(0, _random.Next(1, 40)).Select(_ => (char)_random.Next(0, 0xFFFF))), // any UTF-16 unit, lone surrogates too
            5 => Hostile[_random.Next(Hostile.Length)] + Hostile[_random.Next(Hostile.Length)],
            _ => Hostile[_random.Next(Hostile.Length)],
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sname=\"([^\"]+)\"")]
    private static partial Regex FieldNames();

    [GeneratedRegex("<(?:input|option)[^>]*\\svalue=\"([^\"]*)\"")]
    private static partial Regex ChoiceValues();
}
