using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>Member side: signed requests to the hub (decision 0072).</summary>
public sealed class HubClient(IHttpClientFactory factory, IOptions<NetworkSettings> options, TimeProvider clock)
{
    public const string HttpClientName = "network-hub";

    public NetworkSettings Settings => options.Value;

    /// <summary>Posts one outbox message; the hub's answer is the caller's to read.</summary>
    public async Task<HttpResponseMessage> PostMessageAsync(Guid messageId, string kind, string payloadJson, CancellationToken cancellationToken)
    {
        var body = Envelope(kind, payloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, HubUri("/network/api/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        NetworkSignature.Apply(request, Settings.MemberId, Settings.Key, messageId, clock.GetUtcNow(), body);
        return await factory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
    }

    /// <summary>A signed GET of a pull endpoint, such as "/network/api/notes?since=12".</summary>
    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, HubUri(pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        NetworkSignature.Apply(request, Settings.MemberId, Settings.Key, Guid.NewGuid(), clock.GetUtcNow(), "");
        return await factory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
    }

    /// <summary>The body of POST /network/api/messages: {"kind":"note","payload":{...}}.</summary>
    public static string Envelope(string kind, string payloadJson) =>
        $"{{\"kind\":{System.Text.Json.JsonSerializer.Serialize(kind)},\"payload\":{payloadJson}}}";

    private Uri HubUri(string pathAndQuery)
    {
        var hub = Settings.HubUrl ?? throw new InvalidOperationException("Network:HubUrl is not set.");
        if (!NetworkSettings.IsAllowedHubUrl(hub))
        {
            throw new InvalidOperationException("Network:HubUrl must be https (http only to a loopback address).");
        }

        return new Uri(hub, pathAndQuery);
    }
}
