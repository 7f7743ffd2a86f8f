using FailingWell.Web.Infrastructure.Email;
using FailingWell.Web.Features.Admin;

namespace FailingWell.Tests.Admin;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SettingsOutboxAuditTests
{
    [Fact]
    public async Task Settings_are_validated_saved_over_configuration_and_used_for_new_reports()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var bad = await (await Forms.PostAsync(admin, "/admin/settings", new Dictionary<string, string>
        {
            ["Input.EscalationList"] = "ok@trust.nhs.uk\nnot an address", ["Input.AcknowledgeWithinDays"] = "abc",
            ["Input.FeedbackWithinMonths"] = "13", ["Input.RemoveContactDetailsAfterDays"] = "30",
        })).Content.ReadAsStringAsync();
        Assert.Contains("Each line must be an email address", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_AcknowledgeWithinDays\">Enter a number of days from 1 to 60", bad, StringComparison.Ordinal);
        Assert.Contains("Enter a number of months from 1 to 12", bad, StringComparison.Ordinal);
        Assert.Contains("not an address</textarea>", bad, StringComparison.Ordinal);

        var saved = await Forms.PostAsync(admin, "/admin/settings", new Dictionary<string, string>
        {
            ["Input.EscalationList"] = "safety@trust.nhs.uk\ndirector@trust.nhs.uk", ["Input.AcknowledgeWithinDays"] = "3",
            ["Input.FeedbackWithinMonths"] = "2", ["Input.RemoveContactDetailsAfterDays"] = "90",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var report = await new ReportBuilder { PhysicalHarm = PhysicalHarm.Fatal }.SubmitAsync(app);
        var loaded = await SavedReports.LoadAsync(app, report.Id);
        Assert.Equal(loaded.ReceivedOn.AddDays(3), loaded.AcknowledgeBy);
        Assert.Equal(loaded.ReceivedOn.AddMonths(2), loaded.FeedbackBy);
        await using var scope = app.Scope();
        var escalations = await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.Subject == "A new report needs attention now").Select(e => e.To).ToListAsync();
        Assert.Equal(["director@trust.nhs.uk", "safety@trust.nhs.uk"], escalations.Order());
    }

    [Fact]
    public async Task A_failed_email_retried_from_the_outbox_page_reaches_a_real_SMTP_server()
    {
        var port = SmtpServer.FreePort();
        using var app = new FailingWellApp()
            .With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Email:Smtp:Security", "None")
            .With("Email:MaxAttempts", "1");
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage("lead@trust.nhs.uk", "Needs attention", "A link, no text."));
            await FailingWellApp.NewDbContext(scope).SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
        }

        var page = await admin.GetStringAsync(new Uri("/admin/outbox?Status=Failed", UriKind.Relative));
        Assert.Contains("lead@trust.nhs.uk", page, StringComparison.Ordinal);
        Assert.Contains("Connection refused", page, StringComparison.Ordinal);

        await using var smtp = await SmtpServer.StartAsync(port);
        var retried = await Forms.PostAsync(admin, "/admin/outbox?handler=Retry", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(smtp.Messages().Count == 1)), "the retried email never arrived");
        Assert.Contains("Needs attention", smtp.Messages()[0], StringComparison.Ordinal);
        await using var check = app.Scope();
        Assert.Equal(OutboxEmailStatus.Sent, (await FailingWellApp.NewDbContext(check).OutboxEmails.SingleAsync()).Status);
    }

    [Fact]
    public async Task The_outbox_next_page_link_shows_the_second_page()
    {
        // The page number was bound from "page", which is also the route value holding the page's path and wins.
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < OutboxList.PageSize + 1; i++)
            {
                outbox.Enqueue(new EmailMessage($"person{i}@trust.nhs.uk", "Needs attention", "A link, no text."));
            }

            await FailingWellApp.NewDbContext(scope).SaveChangesAsync();
        }

        var first = await admin.GetStringAsync(new Uri("/admin/outbox", UriKind.Relative));
        var next = System.Text.RegularExpressions.Regex.Match(first, "<a href=\"([^\"]+)\">Next page</a>");
        Assert.True(next.Success, "no next page link");
        var second = await admin.GetStringAsync(new Uri(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value), UriKind.Relative));

        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.DoesNotContain("There is a problem", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_message_can_be_sent_and_a_bad_address_is_refused()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var bad = await (await Forms.PostAsync(admin, "/admin/outbox?handler=Test", new Dictionary<string, string> { ["Test.To"] = "nope" })).Content.ReadAsStringAsync();
        await Forms.PostAsync(admin, "/admin/outbox?handler=Test", new Dictionary<string, string> { ["Test.To"] = "it@trust.nhs.uk" });

        Assert.Contains("href=\"#Test_To\">Enter an email address in the correct format", bad, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30),
            () => Task.FromResult(Directory.Exists(app.MailFolder) && Directory.GetFiles(app.MailFolder, "*.eml").Length == 1)), "no test message in the pickup folder");
    }

    [Fact]
    public async Task The_audit_log_is_searched_by_person_reference_and_date_and_exported_as_CSV()
    {
        using var app = new FailingWellApp();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, name: "Searchable Lead");
        var report = await new ReportBuilder().SubmitAsync(app);
        await SavedReports.ChangeAsync(app, lead.Id, report.Id, new Web.Features.Triage.Acknowledge.Command());
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byPerson = await admin.GetStringAsync(new Uri("/admin/audit?Filter.Person=Searchable", UriKind.Relative));
        var byReference = await admin.GetStringAsync(new Uri($"/admin/audit?Filter.Reference={report.Reference}&Filter.From={today}&Filter.To={today}", UriKind.Relative));
        var nothingYesterday = await admin.GetStringAsync(new Uri($"/admin/audit?Filter.Reference={report.Reference}&Filter.To=2000-01-01", UriKind.Relative));
        var csv = await admin.GetAsync(new Uri("/admin/audit?handler=Csv&Filter.Person=Searchable", UriKind.Relative));

        Assert.Contains("Acknowledged", byPerson, StringComparison.Ordinal);
        Assert.Contains("1 entries", byReference, StringComparison.Ordinal);
        Assert.Contains("0 entries", nothingYesterday, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("When (UTC),Who,Action,Report", text, StringComparison.Ordinal);
        Assert.Contains($"Searchable Lead,Acknowledged,{report.Reference}", text, StringComparison.Ordinal);
    }
}
