using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Infrastructure.Accounts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.SpeakUp;

/// <summary>An admin asks for someone to be made a guardian; an existing guardian reads who is asking and approves it.</summary>
[Collection(LiveSiteTests.Name)]
public sealed class GuardianGrantBrowserTests(LiveSite site)
{
    [Fact]
    public async Task A_guardian_reads_a_pending_request_approves_it_and_the_page_says_who_was_made_a_guardian()
    {
        var admin = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Admin, "Asking Admin");
        var guardian = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Guardian, "Gwen Guardian");
        var lead = await BrowserStaff.CreateAsync(site.Services, StaffRoles.GovernanceLead, "Lee Candidate");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChangeRole.Command
            {
                AccountId = lead.Id, Role = StaffRoles.Guardian, ActorAccountId = admin.Id,
            });
        }

        var desk = await site.NewPageAsync();
        await desk.GotoAsync("/speak-up");
        await BrowserStaff.SignInAsync(desk, guardian);

        await desk.GetByRole(AriaRole.Heading, new() { Name = "Speak-up cases" }).WaitForAsync();
        await desk.GetByText($"Asking Admin has asked for Lee Candidate ({lead.Email}) to be made a guardian").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "guardian-grant-pending.png"), FullPage = true });

        await desk.GetByRole(AriaRole.Button, new() { Name = "Approve making Lee Candidate a guardian" }).ClickAsync();

        await desk.GetByText("Made a guardian: Lee Candidate").First.WaitForAsync();
        Assert.Equal(0, await desk.GetByRole(AriaRole.Button, new() { Name = "Approve making Lee Candidate a guardian" }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
    }
}
