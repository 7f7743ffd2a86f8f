using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Infrastructure.Accounts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.SpeakUp;

/// <summary>An admin asks for someone to be made a guardian; an existing guardian reads who is asking and approves it.</summary>
[Collection(LiveSiteTests.Name)]
public sealed class GuardianGrantBrowserTests(LiveSite site)
{
    private const string Password = "a long enough password";

    private async Task<(string Id, string Email, string Key)> AccountAsync(string role, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var email = $"grant-{Guid.NewGuid():N}@trust.nhs.uk";
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command
        {
            Email = email, DisplayName = name, Role = role, Password = Password,
        });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await users.FindByIdAsync(created.AccountId))!;
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return (created.AccountId, email, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    [Fact]
    public async Task A_guardian_reads_a_pending_request_approves_it_and_the_page_says_who_was_made_a_guardian()
    {
        var admin = await AccountAsync(StaffRoles.Admin, "Asking Admin");
        var guardian = await AccountAsync(StaffRoles.Guardian, "Gwen Guardian");
        var lead = await AccountAsync(StaffRoles.GovernanceLead, "Lee Candidate");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChangeRole.Command
            {
                AccountId = lead.Id, Role = StaffRoles.Guardian, ActorAccountId = admin.Id,
            });
        }

        var desk = await site.NewPageAsync();
        await desk.GotoAsync("/speak-up");
        await desk.GetByLabel("Email address").FillAsync(guardian.Email);
        await desk.GetByLabel("Password").FillAsync(Password);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var otp = SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(guardian.Key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));
        await desk.GetByLabel("Code from your authenticator app").FillAsync(otp);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

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
