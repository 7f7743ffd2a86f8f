using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Infrastructure.Email;
using Microsoft.Extensions.Configuration;

namespace FailingWell.Tests.Reporting;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class FollowUpTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private async Task<ReportBuilder.Posted> SendReportAsync(string whatHappened = "The hoist battery was flat again.")
    {
        var sent = await new ReportBuilder { WhatHappened = whatHappened }.PostFormAsync(app, app.CreateClient());
        Assert.NotNull(sent.ReceiptCode);
        return sent;
    }

    private async Task<int> ReportIdAsync(string reference) => (await SavedReports.LoadAsync(app, reference)).Id;

    private async Task ReviewerWritesAsync(string reference, string body)
    {
        var reviewer = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Pat Reviewer");
        await SavedReports.ChangeAsync(app, reviewer.Id, await ReportIdAsync(reference), new MessageReporter.Command { Body = body });
    }

    [Fact]
    public async Task The_code_opens_the_report_with_its_status_and_the_reviewers_messages()
    {
        var sent = await SendReportAsync();
        await ReviewerWritesAsync(sent.Reference!, "Thank you. Which ward was the hoist on?");

        var page = await FollowUps.OpenAsync(app.CreateClient(), sent.ReceiptCode!);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains(sent.Reference!, page.Html, StringComparison.Ordinal);
        Assert.Contains("Received", page.Html, StringComparison.Ordinal);
        Assert.Contains("From Pat Reviewer", page.Html, StringComparison.Ordinal);
        Assert.Contains("Which ward was the hoist on?", page.Html, StringComparison.Ordinal);
        Assert.NotNull(page.Session);
    }

    [Fact]
    public async Task The_code_works_however_it_is_typed()
    {
        var sent = await SendReportAsync();
        var sloppy = sent.ReceiptCode!.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();

        var page = await FollowUps.OpenAsync(app.CreateClient(), sloppy);

        Assert.Contains(sent.Reference!, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_gets_a_message_at_the_field()
    {
        var page = await FollowUps.OpenAsync(app.CreateClient(), "0000-0000-0000-0000-0000-0000");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains(FollowUpModel.WrongCode, page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Entry_Code-error\"", page.Html, StringComparison.Ordinal);
        Assert.Null(page.Session);
    }

    [Fact]
    public async Task A_code_in_the_address_bar_opens_nothing()
    {
        var sent = await SendReportAsync();

        var html = await app.CreateClient().GetStringAsync(new Uri($"/report/follow-up?Entry.Code={sent.ReceiptCode}&code={sent.ReceiptCode}", UriKind.Relative));

        Assert.DoesNotContain(sent.Reference!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.ReceiptCode!, html, StringComparison.Ordinal);
        Assert.Contains("Enter the receipt code", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporter_replies_and_adds_information_and_a_refresh_sends_nothing_twice()
    {
        var sent = await SendReportAsync();
        await ReviewerWritesAsync(sent.Reference!, "Can you tell us more?");
        var client = app.CreateClient();
        var page = await FollowUps.OpenAsync(client, sent.ReceiptCode!);

        var replied = await FollowUps.SendMessageAsync(client, page, "It was on the <i>stroke unit</i>.");
        var refreshed = await FollowUps.SendMessageAsync(client, page, "It was on the <i>stroke unit</i>.");
        var added = await FollowUps.SendMessageAsync(client, replied, "It happened twice that week.", additionalInformation: true);

        Assert.Contains("Your message has been sent", replied.Html, StringComparison.Ordinal);
        Assert.Contains("It was on the &lt;i&gt;stroke unit&lt;/i&gt;.", replied.Html, StringComparison.Ordinal);
        Assert.Contains("You added information", added.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refreshed.Response.StatusCode);
        var messages = (await SavedReports.LoadAsync(app, sent.Reference!)).Messages.OrderBy(m => m.Id).ToList();
        Assert.Equal([MessageAuthor.Reviewer, MessageAuthor.Reporter, MessageAuthor.Reporter], messages.Select(m => m.Author));
        Assert.True(messages[2].IsAdditionalInformation);
    }

    [Fact]
    public async Task An_empty_reply_is_refused_on_the_page_with_the_report_still_shown()
    {
        var sent = await SendReportAsync();
        var client = app.CreateClient();
        var page = await FollowUps.OpenAsync(client, sent.ReceiptCode!);

        var reply = await FollowUps.SendMessageAsync(client, page, "   ");

        Assert.Contains("Write your message", reply.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Message_Body-error\"", reply.Html, StringComparison.Ordinal);
        Assert.Contains(sent.Reference!, reply.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_or_reload_after_finish_re_posts_forms_that_open_nothing_on_a_shared_computer()
    {
        var sent = await SendReportAsync();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var codeForm = await FollowUps.CodeFormAsync(client, sent.ReceiptCode!);
        var opened = await FollowUps.PostAsync(client, codeForm);
        Assert.Contains(sent.Reference!, opened.Html, StringComparison.Ordinal);
        var messageForm = new Dictionary<string, string>
        {
            ["Session"] = opened.Session!, ["Message.SubmissionId"] = opened.MessageSubmissionId!, ["Message.Body"] = "",
            ["__RequestVerificationToken"] = FollowUps.Field(opened.Html, "__RequestVerificationToken")!,
        };

        var finished = await FollowUps.PostAsync(client, new Dictionary<string, string>(), handler: "Finish");
        Assert.Equal(HttpStatusCode.Redirect, finished.Response.StatusCode);

        // What the browser re-sends on Back or Reload: the same fields, with the cookies it now holds.
        var codeAgain = await FollowUps.PostAsync(client, codeForm);
        var messageAgain = await FollowUps.PostAsync(client, messageForm, handler: "Message");

        Assert.DoesNotContain(sent.Reference!, codeAgain.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.ReceiptCode!, codeAgain.Html, StringComparison.Ordinal);
        Assert.Contains(FollowUpModel.VisitEnded, codeAgain.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Reference!, messageAgain.Html, StringComparison.Ordinal);
        Assert.Contains(FollowUpModel.SessionEnded, messageAgain.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_form_opens_a_report_once_even_before_finish()
    {
        var sent = await SendReportAsync();
        var client = app.CreateClient();
        var codeForm = await FollowUps.CodeFormAsync(client, sent.ReceiptCode!);

        var first = await FollowUps.PostAsync(client, codeForm);
        var replayed = await FollowUps.PostAsync(client, codeForm);

        Assert.Contains(sent.Reference!, first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Reference!, replayed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_forged_session_asks_for_the_code_again()
    {
        var sent = await SendReportAsync();
        var client = app.CreateClient();
        var page = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        var sessions = app.Services.GetRequiredService<FollowUpSessions>();
        var expired = page with { Html = page.Html.Replace(page.Session!, sessions.Issue(await ReportIdAsync(sent.Reference!), DateTimeOffset.UtcNow.AddSeconds(-1)), StringComparison.Ordinal) };
        var forged = page with { Html = page.Html.Replace(page.Session!, "forged", StringComparison.Ordinal) };

        foreach (var stale in new[] { expired, forged })
        {
            var reply = await FollowUps.SendMessageAsync(client, stale, "Hello?");
            Assert.Contains(FollowUpModel.SessionEnded, reply.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(sent.Reference!, reply.Html, StringComparison.Ordinal);
        }

        Assert.Equal(TimeSpan.FromMinutes(20), FollowUpSessions.IdleLimit);
    }

    [Fact]
    public async Task Follow_up_shows_actions_outcome_and_learning()
    {
        var sent = await SendReportAsync();
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var report = await db.Reports.SingleAsync(r => r.Reference == sent.Reference);
            report.Status = ReportStatus.Closed;
            report.AcknowledgedOn = report.ReceivedOn;
            report.OutcomeForReporter = "The hoists now have spare batteries.";
            report.Learning = "You said the batteries ran flat; we bought spares and a charging rota.";
            report.Actions.Add(new ReportAction { Description = "Buy spare hoist batteries", DueOn = report.ReceivedOn.AddDays(14), CompletedOn = report.ReceivedOn.AddDays(3) });
            await db.SaveChangesAsync();
        }

        var page = await FollowUps.OpenAsync(app.CreateClient(), sent.ReceiptCode!);

        Assert.Contains("Finished", page.Html, StringComparison.Ordinal);
        Assert.Contains("Buy spare hoist batteries", page.Html, StringComparison.Ordinal);
        Assert.Contains("The hoists now have spare batteries.", page.Html, StringComparison.Ordinal);
        Assert.Contains("You said, we did", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_reporter_is_emailed_that_there_is_a_reply_without_any_text()
    {
        var named = new ReportBuilder { WhatHappened = "Secret details of the fall near bay 7", ReporterName = "Alex Nurse", ReporterEmail = "alex.nurse@trust.nhs.uk" };
        var sent = await named.PostFormAsync(app, app.CreateClient());

        await ReviewerWritesAsync(sent.Reference!, "Private reply about the fall");

        await using var scope = app.Scope();
        var email = await FailingWellApp.NewDbContext(scope).OutboxEmails.SingleAsync(e => e.To == "alex.nurse@trust.nhs.uk");
        Assert.Contains("/report/follow-up", email.Body, StringComparison.Ordinal);
        Assert.Contains(sent.Reference!, email.Subject, StringComparison.Ordinal);
        // Word for word, so the one writer both kinds of follow-up share (decision 0101) says what each always said.
        var site = scope.ServiceProvider.GetRequiredService<IConfiguration>().SiteBaseUrl();
        Assert.Equal($"There is a reply to your report {sent.Reference}", email.Subject);
        Assert.Equal(
            $"The team looking into your report {sent.Reference} has sent you a message.\n\nTo read it, go to {site}/report/follow-up and enter your receipt code.\n\n"
            + "We do not put the message in this email, to keep what you reported private.",
            email.Body);
        Assert.DoesNotContain("bay 7", email.Body + email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Private reply", email.Body + email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.ReceiptCode!, email.Body, StringComparison.Ordinal);
    }
}
