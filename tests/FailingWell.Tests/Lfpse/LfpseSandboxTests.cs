using System.Net.Http.Headers;
using System.Text;
using FailingWell.Web.Features.Lfpse;
using FailingWell.Web.Features.Lfpse.Sandbox;

namespace FailingWell.Tests.Lfpse;

/// <summary>
/// The LFPSE sandbox inside the app (decision 0124): in Development with no LFPSE configured, the
/// delivery sends there, it answers like LFPSE with a reference number, and an admin sees the exact JSON
/// it received; anywhere else it does not exist.
/// </summary>
public sealed class LfpseSandboxTests
{
    private static FailingWellApp Development() => new FailingWellApp()
        .With("environment", "Development")
        .With("Demo:Enabled", "false")
        .With("Lfpse:OdsCode", LfpseEvents.OdsCode)
        .With("Lfpse:DeliveryIntervalSeconds", "3600");

    private static string Golden(string name, [System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, "Golden", name + ".json"));

    private static StringContent Fhir(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/fhir+json"));

    [Fact]
    public async Task In_Development_without_LFPSE_a_confirmed_report_goes_to_the_sandbox_and_its_reference_is_kept()
    {
        using var app = Development();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        await LfpseDeliveryTests.MapEverythingAsync(app);
        var report = await new ReportBuilder().SaveAsync(app);
        await SavedReports.ChangeAsync(app, lead.Id, report.Id, new ConfirmLfpseEvent.Command { Description = "A patient slipped on a wet floor.", LevelOfConcern = "4" });

        await using (var scope = app.Scope())
        {
            Assert.Equal(new LfpseDeliveryResult(1, 0, 0), await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverAllDueAsync(CancellationToken.None));
        }

        await using var check = app.Scope();
        var db = FailingWellApp.NewDbContext(check);
        var sent = await db.LfpseEvents.AsNoTracking().SingleAsync(e => e.ReportId == report.Id);
        var payload = (await db.LfpseOutbox.AsNoTracking().SingleAsync(i => i.ReportId == report.Id)).Payload;
        Assert.Equal(LfpseState.Sent, sent.State);
        Assert.Equal("SANDBOX-000001", sent.LfpseReference);
        var received = Assert.Single(app.Services.GetRequiredService<LfpseSandbox>().Received);
        Assert.Equal(("POST", 201, payload), (received.Method, received.Status, received.Body));
        Assert.Empty(received.Problems);
        Assert.Equal(sent.LfpseId, received.LfpseId);
    }

    [Fact]
    public async Task The_sandbox_endpoints_answer_like_LFPSE_and_the_admin_page_shows_each_body_as_received()
    {
        using var app = Development();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var anyone = app.CreateClient();
        var incident = Golden("incident");

        var created = await anyone.PostAsync(new Uri("/lfpse-sandbox/adverse-event/fhir/AdverseEvent", UriKind.Relative), Fhir(incident));
        var refused = await anyone.PostAsync(new Uri("/lfpse-sandbox/adverse-event/fhir/AdverseEvent", UriKind.Relative), Fhir("""{ "resourceType": "AdverseEvent" }"""));
        var unknown = await anyone.PutAsync(new Uri("/lfpse-sandbox/adverse-event/fhir/AdverseEvent/no-such-id", UriKind.Relative), Fhir(incident));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = (Hl7.Fhir.Model.AdverseEvent)LfpseJson.Read(await created.Content.ReadAsStringAsync());
        Assert.Equal("SANDBOX-000001", LfpseDelivery.ReferenceNumber(stored));
        Assert.Equal("1", stored.Meta?.VersionId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.IsType<Hl7.Fhir.Model.OperationOutcome>(LfpseJson.Read(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var page = await admin.GetStringAsync(new Uri("/admin/lfpse/sandbox", UriKind.Relative));
        Assert.Contains("SANDBOX-000001", page, StringComparison.Ordinal);
        var shown = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"body-1\">(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(shown.Success, "no body shown for request 1");
        Assert.Equal(incident, WebUtility.HtmlDecode(shown.Groups[1].Value));
        Assert.Contains("Not a valid R4 resource", page, StringComparison.Ordinal);
        Assert.Contains("data-request=\"3\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_is_not_there_when_LFPSE_is_configured_in_Development()
    {
        await using var lfpse = await FakeLfpse.StartAsync();
        using var app = Development().With("Lfpse:BaseUrl", lfpse.BaseUrl);
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        Assert.Null(app.Services.GetService<LfpseSandbox>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/lfpse/sandbox", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task In_Testing_the_sandbox_page_answers_an_admin_404_and_its_endpoints_are_not_there()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        Assert.Null(app.Services.GetService<LfpseSandbox>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/lfpse/sandbox", UriKind.Relative))).StatusCode);
        var posted = await app.CreateClient().PostAsync(new Uri("/lfpse-sandbox/adverse-event/fhir/AdverseEvent", UriKind.Relative), Fhir(Golden("incident")));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task In_Production_there_is_no_sandbox_its_page_has_nothing_to_show_and_its_endpoints_answer_404()
    {
        using var app = new ProductionApp();
        var posted = await app.CreateClient().PostAsync(new Uri("/lfpse-sandbox/adverse-event/fhir/AdverseEvent", UriKind.Relative), Fhir(Golden("incident")));

        Assert.Null(app.Services.GetService<LfpseSandbox>());
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        await using var scope = app.Scope();
        // What the page asks for: null, which it answers with a 404.
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LfpseSandboxRequests.Query()));
        Assert.NotEqual(LfpseSandbox.BaseUrl, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LfpseSettings>>().Value.BaseUrl);
    }
}
