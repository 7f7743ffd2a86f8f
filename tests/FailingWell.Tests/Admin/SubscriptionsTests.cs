namespace FailingWell.Tests.Admin;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SubscriptionsTests
{
    [Fact]
    public async Task Admins_subscribe_people_and_bad_or_duplicate_subscriptions_are_refused_at_the_field()
    {
        using var app = new FailingWellApp();
        var person = await Staff.CreateAsync(app, StaffRoles.Executive, withTwoFactor: false, name: "Sub Scriber");
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var fields = new Dictionary<string, string> { ["Input.AccountId"] = person.Id, ["Input.Stream"] = "PatientSafety", ["Input.Scope"] = Digest.OrganisationScope };

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, "/admin/subscriptions?handler=Add", fields)).StatusCode);
        var duplicate = await (await Forms.PostAsync(admin, "/admin/subscriptions?handler=Add", fields)).Content.ReadAsStringAsync();
        var bad = await (await Forms.PostAsync(admin, "/admin/subscriptions?handler=Add", new Dictionary<string, string> { ["Input.AccountId"] = "nobody", ["Input.Stream"] = "", ["Input.Scope"] = "division:99999" })).Content.ReadAsStringAsync();

        Assert.Contains("They already receive this digest", duplicate, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_AccountId\">Choose who will receive it", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Stream\">Choose a stream", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Scope\">Choose the organisation or a division", bad, StringComparison.Ordinal);
        Assert.Contains("Sub Scriber", await admin.GetStringAsync(new Uri("/admin/subscriptions", UriKind.Relative)), StringComparison.Ordinal);
    }
}
