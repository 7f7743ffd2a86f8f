using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using FailingWell.Web.Features.Lfpse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using R4 = Hl7.Fhir.Model;

namespace FailingWell.Tests.Support;

/// <summary>
/// A fake LFPSE on loopback (Kestrel): it checks the subscription key, and every body against the
/// taxonomy snapshot the app ships (<see cref="LfpseConformance"/>); answers as LFPSE does (the stored
/// AdverseEvent with an id, a version and a reference number, or an OperationOutcome); and can be made
/// slow, failing, warning or down (stopped, then started again on the same port).
/// </summary>
public sealed class FakeLfpse : IAsyncDisposable
{
    public const string Key = "test-subscription-key-5f2c";

    private WebApplication? _app;
    private int _failuresLeft;
    private int _references;

    private FakeLfpse(int port) => Port = port;

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>How long each answer waits.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The status the next <see cref="FailNext"/> requests are answered with (after being read, not stored).</summary>
    public int FailureStatus { get; private set; } = 503;

    /// <summary>Answer with an OperationOutcome warning (the event still stored).</summary>
    public bool Warn { get; set; }

    /// <summary>Every request, as received (even those refused).</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The events held, by LFPSE id, each with its versions in order.</summary>
    public ConcurrentDictionary<string, List<string>> Stored { get; } = new();

    public sealed record Received(string Method, string Path, string Body, string? Key, IReadOnlyList<string> Problems);

    public static async Task<FakeLfpse> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var fake = new FakeLfpse(port);
        await fake.StartAgainAsync();
        return fake;
    }

    public void FailNext(int count, int status = 503)
    {
        FailureStatus = status;
        Interlocked.Exchange(ref _failuresLeft, count);
    }

    /// <summary>Down: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(BaseUrl);
        var app = builder.Build();
        app.MapPost("/adverse-event/fhir/AdverseEvent", context => AnswerAsync(context, null));
        app.MapPut("/adverse-event/fhir/AdverseEvent/{id}", context => AnswerAsync(context, (string)context.Request.RouteValues["id"]!));
        await app.StartAsync();
        _app = app;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AnswerAsync(HttpContext context, string? id)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var key = context.Request.Headers[LfpseKeyHandler.Header].FirstOrDefault();
        var problems = LfpseConformance.Problems(body);
        Requests.Enqueue(new Received(context.Request.Method, context.Request.Path, body, key, problems));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (key != Key)
        {
            // API Management's own answer: not FHIR.
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{ "statusCode": 401, "message": "Access denied due to invalid subscription key." }""");
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            await OutcomeAsync(context, FailureStatus, R4.OperationOutcome.IssueSeverity.Error, "Service unavailable, try later.");
            return;
        }

        if (problems.Count > 0)
        {
            await OutcomeAsync(context, 400, R4.OperationOutcome.IssueSeverity.Error, [.. problems]);
            return;
        }

        var adverseEvent = (R4.AdverseEvent)LfpseJson.Read(body);
        if (id is not null && (!Stored.ContainsKey(id) || adverseEvent.Id != id))
        {
            await OutcomeAsync(context, 404, R4.OperationOutcome.IssueSeverity.Error, $"No event {id} (or the body's id differs).");
            return;
        }

        id ??= Guid.NewGuid().ToString();
        var versions = Stored.GetOrAdd(id, _ => []);
        string reference;
        lock (versions)
        {
            versions.Add(body);
            adverseEvent.Id = id;
            adverseEvent.Meta ??= new R4.Meta();
            adverseEvent.Meta.VersionId = versions.Count.ToString(CultureInfo.InvariantCulture);
            reference = "LFPSE-" + (versions.Count == 1 ? Interlocked.Increment(ref _references) : _references).ToString("D6", CultureInfo.InvariantCulture);
        }

        var metadata = adverseEvent.Extension.Single(e => e.Url == LfpseTaxonomy.Shipped.ExtensionUrl("adverse-event-reference-metadata"));
        metadata.Extension.Insert(0, new R4.Extension("ReferenceNumber", new R4.FhirString(reference)));
        if (Warn)
        {
            await OutcomeAsync(context, 200, R4.OperationOutcome.IssueSeverity.Warning, "Stored; LevelOfConcern was expected.", id);
            return;
        }

        context.Response.StatusCode = versions.Count == 1 ? 201 : 200;
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(LfpseJson.Write(adverseEvent));
    }

    private static Task OutcomeAsync(HttpContext context, int status, R4.OperationOutcome.IssueSeverity severity, string message, string? id = null) =>
        OutcomeAsync(context, status, severity, [message], id);

    private static async Task OutcomeAsync(HttpContext context, int status, R4.OperationOutcome.IssueSeverity severity, string[] messages, string? id = null)
    {
        var outcome = new R4.OperationOutcome { Id = id };
        outcome.Issue.AddRange(messages.Select(m => new R4.OperationOutcome.IssueComponent
        {
            Severity = severity,
            Code = R4.OperationOutcome.IssueType.Processing,
            Details = new R4.CodeableConcept { Text = m },
        }));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(LfpseJson.Write(outcome));
    }
}
