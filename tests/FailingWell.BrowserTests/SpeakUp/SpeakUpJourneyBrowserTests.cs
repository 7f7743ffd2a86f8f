using System.Text.RegularExpressions;
using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Infrastructure.Accounts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.SpeakUp;

[Collection(LiveSiteTests.Name)]
public sealed partial class SpeakUpJourneyBrowserTests(LiveSite site)
{
    private const string Password = "a long enough password";

    private async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, name + ".png"), FullPage = true });

    private async Task<(string Email, string Key)> GuardianWithAuthenticatorAsync()
    {
        var account = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Guardian, "Gill Guardian");
        return (account.Email, account.AuthenticatorKey);
    }

    [Fact]
    public async Task A_porter_on_a_phone_raises_bullying_with_the_guardian_and_reads_the_guardians_reply_with_the_code()
    {
        // The porter, on a phone, with touch.
        var phone = await site.NewPhonePageAsync();
        await phone.GotoAsync("/report");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        Assert.False(await phone.GetByLabel("Anonymous", new() { Exact = true }).IsVisibleAsync());
        await phone.GetByLabel("The guardian: it is about how staff are treated").TapAsync();
        // The incident questions go; the guardian's own question comes.
        Assert.False(await phone.GetByText("Was anyone physically hurt?").IsVisibleAsync());
        Assert.False(await phone.GetByText("What time of day?").IsVisibleAsync());
        await phone.GetByLabel("Anonymous", new() { Exact = true }).TapAsync();
        await phone.GetByLabel("What happened?").FillAsync("The shift lead calls the porters names in front of patients, every night.");
        await phone.GetByLabel("What kind of work do you do?").SelectOptionAsync(new SelectOptionValue { Label = "Porter" });
        await phone.GetByLabel("I am worried it could be used against me").TapAsync();
        await ScreenshotAsync(phone, "speak-up-form-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send report" }).TapAsync();

        await phone.GetByRole(AriaRole.Heading, new() { Name = "Concern sent to the guardian" }).WaitForAsync();
        var code = (await phone.Locator("#receipt-code").InnerTextAsync()).Trim();
        var reference = ReferencePattern().Match(await phone.Locator(".nhsuk-panel").InnerTextAsync()).Value;
        Assert.Matches("^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$", code);
        Assert.StartsWith("SU-", reference, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);

        // The guardian, at a desk, signs in with an authenticator code and replies.
        var (email, key) = await GuardianWithAuthenticatorAsync();
        var desk = await site.NewPageAsync();
        await desk.GotoAsync("/speak-up");
        await desk.GetByLabel("Email address").FillAsync(email);
        await desk.GetByLabel("Password").FillAsync(Password);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await desk.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" }).WaitForAsync();
        var otp = SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));
        await desk.GetByLabel("Code from your authenticator app").FillAsync(otp);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await desk.GetByRole(AriaRole.Heading, new() { Name = "Speak-up cases" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await desk.GetByRole(AriaRole.Heading, new() { Name = reference }).WaitForAsync();
        Assert.True(await desk.GetByText("calls the porters names").IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await desk.GetByText("Case acknowledged").WaitForAsync();
        await desk.GetByLabel("Write to the person who spoke up").FillAsync("Thank you for speaking up. You are not alone: can you tell me which nights?");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await desk.GetByText("Message sent").WaitForAsync();
        await ScreenshotAsync(desk, "speak-up-case");
        await Accessibility.AssertNoSeriousViolationsAsync(desk);
        await desk.GotoAsync("/speak-up/returns");
        await desk.GetByRole(AriaRole.Heading, new() { Name = "Quarterly return" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(desk);

        // The porter comes back with the code.
        await phone.GotoAsync("/report/follow-up");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByLabel("Receipt code").FillAsync(code);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continue" }).TapAsync();
        await phone.GetByRole(AriaRole.Heading, new() { Name = reference }).WaitForAsync();
        Assert.True(await phone.GetByText("can you tell me which nights?").IsVisibleAsync());
        Assert.True(await phone.GetByText("Read by the guardian").IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByLabel("Write to the guardian").FillAsync("Mondays and Thursdays.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send message" }).TapAsync();
        await phone.GetByText("Your message has been sent to the guardian").WaitForAsync();
        await ScreenshotAsync(phone, "speak-up-follow-up-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
    }

    [GeneratedRegex(@"SU-\d{4}-[0-9A-HJKMNP-TV-Z]{6}")]
    private static partial Regex ReferencePattern();
}
