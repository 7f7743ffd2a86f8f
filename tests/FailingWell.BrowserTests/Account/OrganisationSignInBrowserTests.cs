using FailingWell.BrowserTests.Support;
using FailingWell.Tests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Account;

/// <summary>A lead signs in through their organisation's provider (a real one on loopback) in Chromium.</summary>
public sealed class OrganisationSignInBrowserTests
{
    [Fact]
    public async Task A_lead_signs_in_through_the_organisation_and_opens_the_triage_queue_and_the_new_pages_are_accessible()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        var site = LiveSite.With(provider.Settings);
        provider.AllowSite(site.BaseAddress);
        await site.InitializeAsync();
        try
        {
            var lead = await BrowserStaff.CreateAsync(site.Services, StaffRoles.GovernanceLead, "Orla Organisation");
            provider.SignInNext(TestProviderUser.WithMfa(lead.Email));
            var page = await site.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign in with the test organisation" });
            await button.WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "sign-in-organisation.png"), FullPage = true });

            await button.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/triage");
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
            Assert.Equal("/triage", new Uri(page.Url).AbsolutePath);

            // Someone the organisation knows but FailingWell does not: the plain page, accessible too.
            var stranger = await site.NewPageAsync();
            provider.SignInNext(TestProviderUser.WithMfa($"stranger-{Guid.NewGuid():N}@trust.nhs.uk"));
            await stranger.GotoAsync("/account/sign-in");
            await stranger.GetByRole(AriaRole.Button, new() { Name = "Sign in with the test organisation" }).ClickAsync();
            await stranger.GetByRole(AriaRole.Heading, new() { Name = "You do not have a FailingWell account" }).WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(stranger);
            await stranger.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "sign-in-organisation-not-invited.png"), FullPage = true });
        }
        finally
        {
            await site.DisposeAsync();
        }
    }
}
