using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>Adds the subscription key to every request to LFPSE; the key is never logged (the log guard and the client's header redaction).</summary>
public sealed class LfpseKeyHandler(IOptions<LfpseSettings> options) : DelegatingHandler
{
    public const string Header = "Ocp-Apim-Subscription-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(Header);
        request.Headers.Add(Header, options.Value.SubscriptionKey);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>LFPSE's adverse-event endpoint: POST a new event, PUT the whole event again to update it.</summary>
public sealed class LfpseClient(IHttpClientFactory clients, IOptions<LfpseSettings> options)
{
    public const string HttpClientName = "lfpse";

    public const string AdverseEventPath = "adverse-event/fhir/AdverseEvent";

    public async Task<HttpResponseMessage> SendAsync(string? lfpseId, string json, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        var baseUrl = options.Value.BaseUrl.TrimEnd('/') + "/";
        using var request = new HttpRequestMessage(
            lfpseId is null ? HttpMethod.Post : HttpMethod.Put,
            new Uri(new Uri(baseUrl), lfpseId is null ? AdverseEventPath : $"{AdverseEventPath}/{Uri.EscapeDataString(lfpseId)}"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request, cancellationToken);
    }
}
