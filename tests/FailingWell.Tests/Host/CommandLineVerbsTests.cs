using System.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Tests.Host;

/// <summary>The first admin of a real deployment comes from the command line: run it as a process.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class CommandLineVerbsTests
{
    [Fact]
    public async Task The_migrate_verb_creates_a_Production_database_which_start_up_there_does_not()
    {
        using var app = FailingWellApp.OnEmptyDatabase(); // not started: its database is not there or empty

        var (created, output, error) = await RunAsync(app, null, "migrate");

        Assert.True(created == 0, error);
        Assert.Contains("The database is migrated", output, StringComparison.Ordinal);
        Assert.Contains("Reports", await DatabaseRows.TablesAsync(app));
        Assert.True((await RunAsync(app, null, "users", "add", "--email", "ops@trust.nhs.uk", "--role", "Admin", "--password", "a long enough password")).ExitCode == 0);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(FailingWellApp app, string? stdin, params string[] args)
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "FailingWell.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__FailingWell"] = app.ConnectionString;
        start.Environment["Database__Provider"] = app.Provider.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in TestCertificate.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Users_add_creates_the_first_admin_who_can_then_sign_in()
    {
        using var app = new FailingWellApp();
        _ = app.Services; // a deployed, migrated database

        var (exitCode, output, error) = await RunAsync(app, null,
            "users", "add", "--email", "first.admin@trust.nhs.uk", "--role", "Admin", "--password", "a long enough password");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Created Admin account first.admin@trust.nhs.uk", output, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = await users.FindByEmailAsync("first.admin@trust.nhs.uk");
        Assert.NotNull(account);
        Assert.True(await users.IsInRoleAsync(account, StaffRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(account, "a long enough password"));
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_standard_input_when_not_given()
    {
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, _, error) = await RunAsync(app, "typed at the prompt ok",
            "users", "add", "--email", "lead@trust.nhs.uk", "--role", "GovernanceLead");

        Assert.True(exitCode == 0, error);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("lead@trust.nhs.uk"))!, "typed at the prompt ok"));
    }

    [Fact]
    public async Task Users_add_sso_only_creates_an_account_with_no_password_and_asks_for_none()
    {
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, output, error) = await RunAsync(app, null,
            "users", "add", "--email", "sso.lead@trust.nhs.uk", "--role", "GovernanceLead", "--sso-only");

        Assert.True(exitCode == 0, error);
        Assert.Contains("with no password: it signs in with its organisation account", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password (at least 12 characters)", output, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        Assert.False(await users.HasPasswordAsync((await users.FindByEmailAsync("sso.lead@trust.nhs.uk"))!));
    }

    [Fact]
    public async Task Users_add_explains_bad_input_and_creates_nothing()
    {
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, _, error) = await RunAsync(app, null,
            "users", "add", "--email", "not-an-email", "--role", "Janitor", "--password", "short");

        Assert.Equal(1, exitCode);
        Assert.Contains("--email: Enter an email address in the correct format", error, StringComparison.Ordinal);
        Assert.Contains("--role: Choose a role: GovernanceLead, Executive, Admin", error, StringComparison.Ordinal);
        Assert.Contains("--password: Enter a password of at least 12 characters", error, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().Users);
    }
}
