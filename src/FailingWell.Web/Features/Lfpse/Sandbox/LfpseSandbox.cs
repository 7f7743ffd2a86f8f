using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using R4 = Hl7.Fhir.Model;

namespace FailingWell.Web.Features.Lfpse.Sandbox;

/// <summary>One request the sandbox received, exactly as it came, and what it answered.</summary>
public sealed record LfpseSandboxRequest(
    int Number, DateTime ReceivedAtUtc, string Method, string Path, int Status, string? LfpseId, string? Reference, IReadOnlyList<string> Problems, string Body);

/// <summary>
/// LFPSE inside the app, in Development only when no LFPSE is configured (docs/decisions/0124): it
/// checks each AdverseEvent by the same rules as the tests' fake LFPSE (<see cref="LfpseConformance"/>
/// against the shipped snapshot), answers as LFPSE does (the stored event with an id, a version and a
/// reference number, or an OperationOutcome), and keeps the last requests, as received, for
/// /admin/lfpse/sandbox. Held in memory: a restart empties it.
/// </summary>
public sealed class LfpseSandbox(TimeProvider clock)
{
    public const string PathBase = "/lfpse-sandbox";

    /// <summary>The base URL the delivery is given; its requests are answered in process (<see cref="LfpseSandboxHandler"/>).</summary>
    public const string BaseUrl = "http://lfpse-sandbox.localhost" + PathBase;

    public const int Kept = 200;

    private readonly ConcurrentQueue<LfpseSandboxRequest> _received = new();
    private readonly ConcurrentDictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _referenceById = new(StringComparer.Ordinal);
    private int _numbers;
    private int _references;

    /// <summary>The requests kept, newest first.</summary>
    public IReadOnlyList<LfpseSandboxRequest> Received => [.. _received.Reverse()];

    /// <summary>Turns the sandbox on when this is Development and no LFPSE is configured; true when it did.</summary>
    public static bool EnableIfWanted(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration[$"{LfpseSettings.Section}:{nameof(LfpseSettings.BaseUrl)}"]))
        {
            return false;
        }

        builder.Configuration[$"{LfpseSettings.Section}:{nameof(LfpseSettings.BaseUrl)}"] = BaseUrl;
        builder.Services.AddSingleton<LfpseSandbox>();
        builder.Services.AddHttpClient(LfpseClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(services => new LfpseSandboxHandler(services.GetRequiredService<LfpseSandbox>()));
        return true;
    }

    /// <summary>A POST (id null) or a PUT to an event's id: the status and the FHIR JSON LFPSE would answer.</summary>
    public (int Status, string Json) Receive(string method, string? id, string body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(body);
        var path = $"{PathBase}/{LfpseClient.AdverseEventPath}" + (id is null ? "" : "/" + id);
        var problems = LfpseConformance.Problems(body);
        (int Status, string Json, string? Id, string? Reference) answer;
        if (problems.Count > 0)
        {
            answer = (400, Outcome(problems), id, null);
        }
        else
        {
            var adverseEvent = (R4.AdverseEvent)LfpseJson.Read(body);
            if (id is not null && (!_versions.ContainsKey(id) || adverseEvent.Id != id))
            {
                answer = (404, Outcome([$"No event {id} (or the body's id differs)."]), id, null);
            }
            else
            {
                answer = Store(adverseEvent, id);
            }
        }

        _received.Enqueue(new LfpseSandboxRequest(Interlocked.Increment(ref _numbers), clock.GetUtcNow().UtcDateTime, method, path, answer.Status, answer.Id, answer.Reference, problems, body));
        while (_received.Count > Kept)
        {
            _received.TryDequeue(out _);
        }

        return (answer.Status, answer.Json);
    }

    private (int, string, string?, string?) Store(R4.AdverseEvent adverseEvent, string? id)
    {
        var isNew = id is null;
        id ??= Guid.NewGuid().ToString();
        var version = _versions.AddOrUpdate(id, 1, (_, v) => v + 1);
        var number = _referenceById.GetOrAdd(id, _ => Interlocked.Increment(ref _references));
        var reference = "SANDBOX-" + number.ToString("D6", CultureInfo.InvariantCulture);

        adverseEvent.Id = id;
        adverseEvent.Meta ??= new R4.Meta();
        adverseEvent.Meta.VersionId = version.ToString(CultureInfo.InvariantCulture);
        var metadata = adverseEvent.Extension.FirstOrDefault(e => e.Url == LfpseTaxonomy.Shipped.ExtensionUrl("adverse-event-reference-metadata"));
        if (metadata is null)
        {
            metadata = new R4.Extension { Url = LfpseTaxonomy.Shipped.ExtensionUrl("adverse-event-reference-metadata") };
            adverseEvent.Extension.Add(metadata);
        }

        metadata.Extension.Insert(0, new R4.Extension("ReferenceNumber", new R4.FhirString(reference)));
        return (isNew ? 201 : 200, LfpseJson.Write(adverseEvent), id, reference);
    }

    private static string Outcome(IEnumerable<string> messages)
    {
        var outcome = new R4.OperationOutcome();
        outcome.Issue.AddRange(messages.Select(m => new R4.OperationOutcome.IssueComponent
        {
            Severity = R4.OperationOutcome.IssueSeverity.Error,
            Code = R4.OperationOutcome.IssueType.Processing,
            Details = new R4.CodeableConcept { Text = m },
        }));
        return LfpseJson.Write(outcome);
    }

    /// <summary>The sandbox's endpoints, for trying a request by hand (the delivery reaches it in process).</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<LfpseSandbox>() is null)
        {
            return;
        }

        var group = app.MapGroup($"{PathBase}/{LfpseClient.AdverseEventPath}").AllowAnonymous().DisableAntiforgery();
        group.MapPost("", (HttpContext context, LfpseSandbox sandbox) => AnswerAsync(context, sandbox, null));
        group.MapPut("{id}", (HttpContext context, LfpseSandbox sandbox, string id) => AnswerAsync(context, sandbox, id));
    }

    private static async Task AnswerAsync(HttpContext context, LfpseSandbox sandbox, string? id)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var (status, json) = sandbox.Receive(context.Request.Method, id, body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}

/// <summary>The delivery's requests answered by the sandbox in process: the app need not know its own address.</summary>
public sealed class LfpseSandboxHandler(LfpseSandbox sandbox) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var prefix = $"{LfpseSandbox.PathBase}/{LfpseClient.AdverseEventPath}";
        var rest = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..].Trim('/') : null;
        if (rest is null || (request.Method == HttpMethod.Post) != (rest.Length == 0))
        {
            return new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var (status, json) = sandbox.Receive(request.Method.Method, rest.Length == 0 ? null : Uri.UnescapeDataString(rest), body);
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { RequestMessage = request };
        response.Content = new StringContent(json, Encoding.UTF8);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return response;
    }
}
