using FailingWell.BrowserTests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Digests;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Digests;

[Collection(LiveSiteTests.Name)]
public sealed class DigestBrowserTests(LiveSite site)
{
    [Fact]
    public async Task An_executive_reads_a_digest_on_screen_and_in_print_with_no_serious_accessibility_violations()
    {
        const string password = "a long enough password";
        var email = $"exec-{Guid.NewGuid():N}@trust.nhs.uk";
        string key;
        int digestId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command { Email = email, DisplayName = "Eli Exec", Role = StaffRoles.Executive, Password = password });
            // Executives sign in with two factors, as every governance role does.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(created.AccountId))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            key = (await users.GetAuthenticatorKeyAsync(account))!;
            var lastMonth = Period.LastCompleteBefore(PeriodKind.Month, DateOnly.FromDateTime(DateTime.UtcNow));
            var built = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(GovernanceStream.PatientSafety, lastMonth, CancellationToken.None);
            digestId = built.Count > 0
                ? built.Single(d => d.ScopeKey == Digest.OrganisationScope).Id
                : await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Digests
                    .Where(d => d.PeriodKey == lastMonth.Key && d.Stream == GovernanceStream.PatientSafety && d.ScopeKey == Digest.OrganisationScope).Select(d => d.Id).SingleAsync();
        }

        var page = await site.NewPageAsync();
        await page.GotoAsync("/digests");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Governance digests" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/digests/{digestId}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patient safety digest" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header nav").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "digest-print.png"), FullPage = true });
    }
}
