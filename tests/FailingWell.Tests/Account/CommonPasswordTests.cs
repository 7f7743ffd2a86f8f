using System.Text.RegularExpressions;
using FailingWell.Web.Features.Account;
using FailingWell.Web.Host;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Tests.Account;

/// <summary>ASVS level 2: no new password is one of the common passwords shipped with the application.</summary>
public sealed partial class CommonPasswordTests
{
    // On the shipped list as "leavemealone", typed with capitals; 12 characters, so long enough.
    private const string Common = "LeaveMeAlone";

    [GeneratedRegex(@"http://localhost:5080(/account/invitation\?\S+)")]
    private static partial Regex LinkPattern();

    private static async Task<string> InviteAsync(FailingWellApp app, string email)
    {
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var invited = await Forms.PostAsync(admin, "/admin/people?handler=Invite", new Dictionary<string, string>
        {
            ["Invite.DisplayName"] = "Common Chris", ["Invite.Email"] = email, ["Invite.Role"] = StaffRoles.Executive,
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await using var scope = app.Scope();
        var body = (await FailingWellApp.NewDbContext(scope).OutboxEmails.SingleAsync(e => e.To == email)).Body;
        return LinkPattern().Match(body).Groups[1].Value;
    }

    private static async Task<string> AcceptAsync(FailingWellApp app, string link, string password)
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        var response = await Forms.PostAsync(client, link, new Dictionary<string, string>
        {
            ["Input.AccountId"] = FollowUps.Field(page, "Input.AccountId")!,
            ["Input.Token"] = FollowUps.Field(page, "Input.Token")!,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public void The_shipped_list_is_the_well_known_top_30000_and_is_read_in_any_case_and_with_digits_added()
    {
        var common = new CommonPasswords();

        Assert.Equal(30_000, common.Count);
        foreach (var password in new[] { "password", "123456", "qwerty", "letmein", "qwerty123456", "1qaz2wsx3edc", "FinalFantasy", "Password1234!", "monkey 12345678" })
        {
            Assert.True(common.Contains(password), password);
        }

        foreach (var password in new[] { Staff.Password, "blue kettle under the stairs", "correct horse battery staple 7" })
        {
            Assert.False(common.Contains(password), password);
        }
    }

    [Fact]
    public void The_list_ships_as_an_embedded_text_file_of_one_password_a_line_not_as_code()
    {
        var assembly = typeof(CommonPasswords).Assembly;
        using var stream = assembly.GetManifestResourceStream(CommonPasswords.ResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var passwords = reader.ReadToEnd().Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal(30_000, passwords.Count);
        Assert.Equal(["123456", "password"], passwords.Take(2));
        Assert.Null(assembly.GetType("FailingWell.Web.Infrastructure.Accounts.CommonPasswordList"));
    }

    [Fact]
    public async Task Accepting_an_invitation_with_a_common_password_is_refused_at_the_field_and_the_link_still_works()
    {
        using var app = new FailingWellApp();
        var link = await InviteAsync(app, "common.chris@trust.nhs.uk");

        var refused = await AcceptAsync(app, link, Common);

        Assert.Contains("<span class=\"nhsuk-error-message\" id=\"Input_Password-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> " + WebUtility.HtmlEncode(CommonPasswordValidator.Message), refused, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Password\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(AcceptInvitation.Expired, refused, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            Assert.False(await users.HasPasswordAsync((await users.FindByEmailAsync("common.chris@trust.nhs.uk"))!));
        }

        Assert.Contains("Your password is set", await AcceptAsync(app, link, "a kettle of my own choosing"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_a_common_password_and_creates_no_account()
    {
        using var app = new FailingWellApp();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLineVerbs.RunAsync(app.Services,
            ["users", "add", "--email", "common.admin@trust.nhs.uk", "--role", "Admin", "--password", "Qwerty123456"], TextReader.Null, output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains(CommonPasswordValidator.Message, error.ToString(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().FindByEmailAsync("common.admin@trust.nhs.uk"));
    }
}
