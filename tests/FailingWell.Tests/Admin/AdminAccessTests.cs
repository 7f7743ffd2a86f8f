using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Admin;

public sealed class AdminAccessTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    public static readonly TheoryData<string> Pages = new() { "/admin", "/admin/people", "/admin/reference-data", "/admin/settings", "/admin/outbox", "/admin/jobs", "/admin/audit", "/admin/audit?handler=Csv" };

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => await client.GetAsync(new Uri(path, UriKind.Relative));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_admin_page_is_for_admins_with_two_factor_only(string path)
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var adminWithoutCode = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin, withTwoFactor: false));
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        Assert.StartsWith("http://localhost/account/sign-in", (await GetAsync(anonymous, path)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/access-denied", (await GetAsync(executive, path)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/access-denied", (await GetAsync(lead, path)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("/account/two-factor", (await GetAsync(adminWithoutCode, path)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(admin, path)).StatusCode);
    }
}
