using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Triage;

/// <summary>Who can reach triage, and the two-factor rule for leads and admins.</summary>
public sealed class TriageAccessTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_triage_page_and_guessed_id()
    {
        var report = await new ReportBuilder().SubmitAsync(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/triage", $"/triage/reports/{report.Id}", "/triage/reports/1", "/triage/reports/999999" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_executive_cannot_read_report_text()
    {
        var report = await new ReportBuilder { WhatHappened = "ExecutiveMustNotSee" }.SubmitAsync(app);
        var executive = await Staff.CreateAsync(app, StaffRoles.Executive, withTwoFactor: true);
        var client = await Staff.SignInAsync(app, executive);

        foreach (var path in new[] { "/triage", $"/triage/reports/{report.Id}" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("ExecutiveMustNotSee", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(StaffRoles.GovernanceLead)]
    [InlineData(StaffRoles.Admin)]
    public async Task Leads_and_admins_with_two_factor_see_the_queue_and_the_report(string role)
    {
        var report = await new ReportBuilder { WhatHappened = "Visible to leads" }.SubmitAsync(app);
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));

        var queue = await client.GetAsync(new Uri("/triage", UriKind.Relative));
        var page = await client.GetAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative));
        var missing = await client.GetAsync(new Uri("/triage/reports/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains(report.Reference, await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Visible to leads", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Only_admins_see_a_reports_history()
    {
        var report = await new ReportBuilder().SubmitAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead, name: "History Lead"));
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var leadPage = await lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative));
        var adminPage = await admin.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative));

        Assert.DoesNotContain(">History<", leadPage, StringComparison.Ordinal);
        Assert.Contains(">History<", adminPage, StringComparison.Ordinal);
        Assert.Contains("History Lead, Viewed", adminPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_without_two_factor_is_sent_to_set_it_up_and_then_reaches_the_queue()
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var client = await Staff.SignInAsync(app, lead);

        var queue = await client.GetAsync(new Uri("/triage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Ftriage", queue.Headers.Location!.OriginalString);

        var enrolment = await client.GetStringAsync(new Uri("/account/two-factor?returnUrl=%2Ftriage", UriKind.Relative));
        Assert.Contains("<svg", enrolment, StringComparison.Ordinal);
        string key;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(lead.Id))!))!;
        }

        Assert.Contains(string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant(), enrolment, StringComparison.Ordinal);
        var wrong = await Forms.PostAsync(client, "/account/two-factor?returnUrl=%2Ftriage", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enrolled = lead with { AuthenticatorKey = key };
        var right = await Forms.PostAsync(client, "/account/two-factor?returnUrl=%2Ftriage", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(enrolled) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_enrolled_lead_must_give_a_code_and_a_code_cannot_be_used_twice()
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var code = Staff.CodeFor(lead);

        var first = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var password = await Staff.PostSignInAsync(first, lead.Email);
        Assert.StartsWith("/account/sign-in/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(first, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = code })).StatusCode);

        var second = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Staff.PostSignInAsync(second, lead.Email);
        var replay = await Forms.PostAsync(second, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("has been used already", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }
}
