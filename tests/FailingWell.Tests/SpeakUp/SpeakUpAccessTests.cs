using FailingWell.Web.Features.SpeakUp;
using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace FailingWell.Tests.SpeakUp;

/// <summary>Speak-up cases are seen by guardians only: no other role reaches them, and no page or export of reports shows them.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SpeakUpAccessTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private const string Secret = "GuardianOnlyWords about the charge nurse";

    private async Task<(SpeakUpCases.Raised Raised, int CaseId)> RaiseAsync()
    {
        var raised = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.HowStaffAreTreated, SpeakUpOpenness.Anonymous, Secret);
        return (raised, (await SpeakUpCases.LoadAsync(app, raised.Reference!)).Id);
    }

    [Theory]
    [InlineData(StaffRoles.GovernanceLead)]
    [InlineData(StaffRoles.Executive)]
    [InlineData(StaffRoles.Admin)]
    public async Task Leads_executives_and_admins_cannot_open_any_speak_up_page(string role)
    {
        var (_, caseId) = await RaiseAsync();
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));

        foreach (var path in new[] { "/speak-up", $"/speak-up/cases/{caseId}", "/speak-up/returns", "/speak-up/returns?handler=Csv" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nobody_signed_out_reaches_the_guardians_pages()
    {
        var (_, caseId) = await RaiseAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/speak-up", $"/speak-up/cases/{caseId}", "/speak-up/returns" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_guardian_without_an_authenticator_code_is_sent_to_set_one_up()
    {
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Guardian, withTwoFactor: false));

        var response = await client.GetAsync(new Uri("/speak-up", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guardian_sees_the_case_but_cannot_open_triage_or_reports()
    {
        var (raised, caseId) = await RaiseAsync();
        var report = await new ReportBuilder().SubmitAsync(app);
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Guardian));

        var list = await client.GetStringAsync(new Uri("/speak-up", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri($"/speak-up/cases/{caseId}", UriKind.Relative));
        Assert.Contains(raised.Reference!, list, StringComparison.Ordinal);
        Assert.Contains(Secret, page, StringComparison.Ordinal);

        foreach (var path in new[] { "/triage", $"/triage/reports/{report.Id}", "/admin/audit", "/digests", "/culture" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_guardian_who_is_also_a_lead_opens_both()
    {
        var account = await Staff.CreateAsync(app, StaffRoles.Guardian);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffAccount>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(account.Id))!, StaffRoles.GovernanceLead);
        }

        var client = await Staff.SignInAsync(app, account);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/speak-up", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_case_is_in_no_queue_search_report_page_digest_culture_page_or_export()
    {
        var (raised, caseId) = await RaiseAsync();
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));
        await Forms.PostAsync(lead, "/digests", new Dictionary<string, string> { ["Build.Stream"] = "all", ["Build.Period"] = Period.LastCompleteBefore(PeriodKind.Week, DateOnly.FromDateTime(DateTime.UtcNow)).Key });

        var pages = new List<(HttpClient Client, string Path)>
        {
            (lead, "/triage"), (lead, "/triage?Filter.Search=GuardianOnlyWords"), (lead, "/triage?Filter.Search=" + raised.Reference),
            (lead, $"/triage/reports/{caseId}"), (admin, "/triage?Filter.Search=charge+nurse"), (admin, $"/triage/reports/{caseId}"),
            (lead, "/digests"), (executive, "/digests"), (executive, "/culture"),
            (executive, "/culture?handler=Csv&measure=reports&Scope=org&Period=Month"), (executive, "/culture?handler=Csv&measure=anonymous&Scope=org&Period=Month"),
            (admin, "/admin/audit?handler=Csv"), (admin, "/admin/outbox"),
        };
        await using (var scope = app.Scope())
        {
            foreach (var id in await FailingWellApp.NewDbContext(scope).Digests.Select(d => d.Id).ToListAsync())
            {
                pages.Add((executive, $"/digests/{id}"));
            }
        }

        foreach (var (client, path) in pages)
        {
            var html = await (await client.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync();
            // A search box shows back the words searched for; the case's words and reference appear nowhere else.
            Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain("about the charge", html, StringComparison.Ordinal);
            // The queue's search box and its sort links carry the words searched for.
            var echoes = html.Replace("value=\"" + raised.Reference + "\"", "", StringComparison.Ordinal).Replace("Search=" + raised.Reference, "", StringComparison.Ordinal);
            Assert.DoesNotContain(raised.Reference!, echoes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_view_of_a_case_is_audited_and_kept_out_of_the_admins_audit_log_and_export()
    {
        var (raised, caseId) = await RaiseAsync();
        var guardian = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Guardian, name: "Audited Guardian"));
        await guardian.GetStringAsync(new Uri($"/speak-up/cases/{caseId}", UriKind.Relative));
        await guardian.GetStringAsync(new Uri($"/speak-up/cases/{caseId}", UriKind.Relative));

        await using (var scope = app.Scope())
        {
            var entries = await FailingWellApp.NewDbContext(scope).AuditEntries.Where(a => a.ReportReference == raised.Reference).ToListAsync();
            Assert.Equal(2, entries.Count(e => e.Action == "Viewed a speak-up case"));
            Assert.All(entries, e => Assert.Null(e.ReportId));
        }

        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var audit = await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));
        var csv = await admin.GetStringAsync(new Uri("/admin/audit?handler=Csv", UriKind.Relative));
        var searched = await admin.GetStringAsync(new Uri("/admin/audit?Filter.Reference=" + raised.Reference, UriKind.Relative));
        Assert.DoesNotContain(raised.Reference!, audit + csv, StringComparison.Ordinal);
        Assert.DoesNotContain("speak-up case", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Viewed a speak-up case", audit + searched, StringComparison.Ordinal);
        Assert.DoesNotContain("GuardianOnlyWords", audit + csv, StringComparison.Ordinal);
        Assert.Contains("about speak-up cases and not listed", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reply_to_a_confidential_speaker_is_in_no_admins_outbox_or_audit_log_and_no_guardian_reaches_either()
    {
        var speaker = $"speaker.{Guid.NewGuid():N}@trust.nhs.uk";
        var answers = SpeakUpCases.Answers(SpeakUpRoute.HowStaffAreTreated, SpeakUpOpenness.Confidential, Secret, name: "Pat Speaker");
        answers["Input.ReporterEmail"] = speaker;
        var raised = await SpeakUpCases.RaiseAsync(app.CreateClient(), answers);
        var guardianAccount = await Staff.CreateAsync(app, StaffRoles.Guardian, name: "Replying Guardian");
        await SpeakUpCases.ChangeAsync(app, guardianAccount.Id, raised.Reference!, new MessageSpeaker.Command { Body = "Can we meet?" });
        await using (var scope = app.Scope())
        {
            // Queued all the same: the person who spoke up is still told, in the words they were always told.
            var email = await FailingWellApp.NewDbContext(scope).OutboxEmails.SingleAsync(e => e.To == speaker && e.Subject == "There is a reply to your concern");
            var site = scope.ServiceProvider.GetRequiredService<IConfiguration>().SiteBaseUrl();
            Assert.Equal(
                $"The Freedom to Speak Up guardian has sent you a message.\n\nTo read it, go to {site}/report/follow-up and enter your receipt code.\n\n"
                + "We do not put the message in this email, to keep what you raised private.",
                email.Body);
        }

        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var pages = string.Concat(
            await admin.GetStringAsync(new Uri("/admin/outbox", UriKind.Relative)),
            await admin.GetStringAsync(new Uri("/admin/outbox?Status=Queued", UriKind.Relative)),
            await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative)),
            await admin.GetStringAsync(new Uri("/admin/audit?handler=Csv", UriKind.Relative)));
        foreach (var giveaway in new[] { speaker, "There is a reply to your concern", "A speak-up case needs attention", "Messaged the person who spoke up", raised.Reference! })
        {
            Assert.DoesNotContain(giveaway, pages, StringComparison.Ordinal);
        }

        Assert.Contains("could name or date a person who spoke up, so they are for guardians only", pages, StringComparison.Ordinal);

        var guardian = await Staff.SignInAsync(app, guardianAccount);
        foreach (var path in new[] { "/admin/outbox", "/admin/audit", "/admin/audit?handler=Csv" })
        {
            var response = await guardian.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_command_line_adds_a_guardian()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Web.Host.CommandLineVerbs.RunAsync(app.Services,
            ["users", "add", "--email", "ftsu@trust.nhs.uk", "--role", "Guardian", "--password", Staff.Password], TextReader.Null, output, error);

        Assert.Equal(0, exit);
        Assert.Contains("Created Guardian account ftsu@trust.nhs.uk", output.ToString(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffAccount>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("ftsu@trust.nhs.uk"))!, StaffRoles.Guardian));
    }
}
