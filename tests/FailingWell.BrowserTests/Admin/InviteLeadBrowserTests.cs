using System.Text.RegularExpressions;
using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Admin;

[Collection(LiveSiteTests.Name)]
public sealed partial class InviteLeadBrowserTests(LiveSite site)
{
    private const string Password = "a long enough password";

    private static string CodeNow(string key) =>
        SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));

    [GeneratedRegex(@"/account/invitation\?\S+")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task An_admin_invites_a_lead_who_sets_a_password_signs_in_and_sets_up_two_factor()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@trust.nhs.uk";
        string adminKey;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command { Email = adminEmail, DisplayName = "Ada Admin", Role = StaffRoles.Admin, Password = Password });
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(created.AccountId))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            adminKey = (await users.GetAuthenticatorKeyAsync(account))!;
        }

        var admin = await site.NewPageAsync();
        await admin.GotoAsync("/admin/people");
        await admin.GetByLabel("Email address").FillAsync(adminEmail);
        await admin.GetByLabel("Password").FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.GetByLabel("Code from your authenticator app").FillAsync(CodeNow(adminKey));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "People" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        var leadEmail = $"new-lead-{Guid.NewGuid():N}@trust.nhs.uk";
        await admin.GetByLabel("Full name").FillAsync("Nia New");
        await admin.Locator("#Invite_Email").FillAsync(leadEmail);
        await admin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(StaffRoles.GovernanceLead);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await admin.GetByText($"Invitation sent to {leadEmail}").WaitForAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-people.png"), FullPage = true });

        string link;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var body = (await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().OutboxEmails.SingleAsync(e => e.To == leadEmail)).Body;
            link = InvitationLink().Match(body).Value;
        }

        var lead = await site.NewPageAsync(width: 375, height: 740);
        await lead.GotoAsync(link);
        await Accessibility.AssertNoSeriousViolationsAsync(lead);
        await lead.GetByLabel("Password", new() { Exact = true }).FillAsync("nia chose this password");
        await lead.GetByLabel("Password again").FillAsync("nia chose this password");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await lead.GetByRole(AriaRole.Heading, new() { Name = "Your password is set" }).WaitForAsync();

        await lead.GotoAsync("/triage");
        await lead.GetByLabel("Email address").FillAsync(leadEmail);
        await lead.GetByLabel("Password").FillAsync("nia chose this password");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await lead.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" }).WaitForAsync();
        Assert.True(await lead.Locator(".fw-qr svg").IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(lead);
        await lead.GetByText("I cannot scan the QR code").ClickAsync();
        var key = await lead.Locator("#authenticator-key").InnerTextAsync();
        await lead.GetByLabel("Code from your authenticator app").FillAsync(CodeNow(key));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();

        await lead.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true }).WaitForAsync();
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "new-lead-queue-phone.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(lead);
    }
}
