using System.Text.RegularExpressions;
using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Reporting;

[Collection(LiveSiteTests.Name)]
public sealed partial class ReportingJourneyBrowserTests(LiveSite site)
{
    private async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, name + ".png"), FullPage = true });

    private async Task ReviewerRepliesAsync(string reference, string body)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var reviewer = await mediator.Send(new AddAccount.Command
        {
            Email = $"lead-{Guid.NewGuid():N}@trust.nhs.uk", DisplayName = "Jo Governance", Role = StaffRoles.GovernanceLead, Password = "a long enough password",
        });
        var report = await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Reports
            .Where(r => r.Reference == reference).Select(r => new { r.Id, r.Version }).SingleAsync();
        await mediator.Send(new MessageReporter.Command { ReportId = report.Id, Version = report.Version, ActorAccountId = reviewer.AccountId, Body = body });
    }

    [Fact]
    public async Task A_porter_reports_on_a_phone_keeps_the_code_comes_back_reads_the_reply_and_answers()
    {
        var page = await site.NewPageAsync(width: 375, height: 740);

        await page.GotoAsync("/report");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Something nearly happened").CheckAsync();
        await page.GetByLabel("What happened?").FillAsync("A trolley was left across the fire exit on the night shift.");
        await page.GetByLabel("Today").CheckAsync();
        await page.GetByLabel("Night", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Label = "Portering" });
        await page.GetByLabel("Nobody").CheckAsync();
        await page.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Environment and cleanliness" });
        await page.GetByLabel("What kind of work do you do?").SelectOptionAsync(new SelectOptionValue { Label = "Porter" });
        await ScreenshotAsync(page, "report-form-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Report sent" }).WaitForAsync();
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        var reference = ReferencePattern().Match(await page.Locator(".nhsuk-panel").InnerTextAsync()).Value;
        Assert.Matches("^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$", code);
        await ScreenshotAsync(page, "report-sent-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await ReviewerRepliesAsync(reference, "Thank you for telling us. Was the trolley moved straight away?");

        await page.GotoAsync("/report/follow-up");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Receipt code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = reference }).WaitForAsync();
        Assert.True(await page.GetByText("Was the trolley moved straight away?").IsVisibleAsync());
        Assert.DoesNotContain(code, page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Reply or add information").FillAsync("Yes, I moved it myself and told the nurse in charge.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await page.GetByText("Your message has been sent").WaitForAsync();
        Assert.True(await page.GetByText("I moved it myself").IsVisibleAsync());
        await ScreenshotAsync(page, "follow-up-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The antiforgery cookie and the follow-up visit (random, nothing about the report: decision 0091), both ending with the browser.
        var cookies = await page.Context.CookiesAsync();
        Assert.All(cookies, cookie => Assert.True(cookie.Name is "FailingWell.Antiforgery" or "FailingWell.FollowUp", cookie.Name));
        Assert.All(cookies, cookie => Assert.Equal(-1, cookie.Expires));
        Assert.All(cookies.Where(c => c.Name == "FailingWell.FollowUp"), cookie => Assert.True(cookie.HttpOnly && cookie.Path == "/report/follow-up"));

        // Finish ends the visit: the next person at this phone cannot re-post their way back in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish and go to the home page" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "FailingWell.FollowUp");
    }

    [Fact]
    public async Task Mistakes_on_the_report_form_are_shown_accessibly_and_another_day_reveals_the_date()
    {
        var page = await site.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync("/report");

        Assert.False(await page.GetByLabel("Day", new() { Exact = true }).IsVisibleAsync());
        await page.GetByLabel("Another day").CheckAsync();
        Assert.True(await page.GetByLabel("Day", new() { Exact = true }).IsVisibleAsync());
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync("45");
        await page.GetByLabel("What happened?").FillAsync("Kept after the error");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await summary.WaitForAsync();
        Assert.Contains("Enter a real date", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Kept after the error", await page.GetByLabel("What happened?").InputValueAsync());
        Assert.Equal("45", await page.GetByLabel("Day", new() { Exact = true }).InputValueAsync());
        await ScreenshotAsync(page, "report-errors-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [GeneratedRegex(@"FW-\d{4}-[0-9A-HJKMNP-TV-Z]{6}")]
    private static partial Regex ReferencePattern();
}
