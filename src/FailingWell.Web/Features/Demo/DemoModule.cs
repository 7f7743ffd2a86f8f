using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Demo;

public static class DemoModule
{
    public const string NoDemo = "--no-demo";

    public static WebApplicationBuilder AddFailingWellDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoTrust>();
        builder.Services.AddScoped<DemoHub>();
        // The demo trust is a member of a demo network: its library and peers are as a pull would leave them, and
        // with no hub configured what it shares waits in its outbox. Setting Network:Role runs it otherwise.
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue("Demo:Enabled", true)
            && !Environment.GetCommandLineArgs().Contains(NoDemo) && string.IsNullOrEmpty(builder.Configuration["Network:Role"]))
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Network:Role"] = "Member",
                ["Network:OrganisationName"] = DemoTrust.OrganisationName,
                ["Network:OrganisationType"] = "Acute trust",
            });
        }

        return builder;
    }

    /// <summary>
    /// In Development, unless switched off (<c>Demo:Enabled=false</c> or <c>--no-demo</c>), fills an empty
    /// database with the demo trust and prints the demo accounts. Never in Production.
    /// </summary>
    public static async Task SeedDemoTrustIfWantedAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() || args.Contains(NoDemo) || !app.Configuration.GetValue("Demo:Enabled", true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Network.NetworkSettings>>().Value.Role == Network.NetworkRole.Hub)
        {
            var hubCreated = await scope.ServiceProvider.GetRequiredService<DemoHub>().EnsureAsync(CancellationToken.None);
            Console.WriteLine(string.Join(Environment.NewLine,
                "", hubCreated ? "A demo network hub was created (five members, their notes and figures)." : "This database holds the demo network hub.",
                $"Demo coordinator (Development only): {DemoHub.CoordinatorEmail}, password: {DemoTrust.Password}",
                "The demo trust joins it as member 1: run it with --Network:HubUrl=<this hub's address> --Network:MemberId=1 --Network:Key=" + DemoHub.DemoTrustKey, ""));
            return;
        }

        var demo = scope.ServiceProvider.GetRequiredService<DemoTrust>();
        var created = await demo.EnsureAsync(CancellationToken.None);
        // The LFPSE sandbox (Development, no LFPSE configured): the demo's safety reports are confirmed and sent to it now.
        if (scope.ServiceProvider.GetService<Lfpse.Sandbox.LfpseSandbox>() is not null && await demo.ConfirmLfpseEventsAsync(CancellationToken.None) > 0)
        {
            await scope.ServiceProvider.GetRequiredService<Lfpse.LfpseDelivery>().DeliverAllDueAsync(CancellationToken.None);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        if (await users.FindByEmailAsync(DemoTrust.Accounts[0].Email) is null)
        {
            return;
        }

        var lines = new List<string> { "", created ? "A demo trust was created (three years of reports)." : "This database holds the demo trust.", "Demo accounts (Development only), password for each: " + DemoTrust.Password };
        lines.AddRange(DemoTrust.Accounts.Select(a => $"  {a.Role,-15} {a.Email}"));
        lines.Add("Every account sets up an authenticator app on first sign-in.");
        if (demo.DemoReceipt is { } receipt)
        {
            lines.Add($"Try /report/follow-up with the receipt code of demo report {receipt.Reference}: {receipt.Code}");
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
