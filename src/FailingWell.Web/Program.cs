using FailingWell.Web.Features.Account.Organisation;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Demo;
using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Import;
using FailingWell.Web.Features.Learning;
using FailingWell.Web.Features.Lfpse;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Hub;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Features.SpeakUp;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Host;
using FailingWell.Web.Infrastructure.Email;
using FailingWell.Web.Infrastructure.Health;
using FailingWell.Web.Infrastructure.Logging;
using FailingWell.Web.Infrastructure.Scheduling;
using FailingWell.Web.Infrastructure.Telemetry;
using FailingWell.Web.Infrastructure.Web;

var isVerb = CommandLineVerbs.IsVerb(args);
var builder = WebApplication.CreateBuilder(isVerb ? [] : [.. args.Where(a => a != DemoModule.NoDemo)]);
builder
    .AddFailingWellLogging()
    .AddFailingWellTelemetry()
    .AddFailingWellDatabase()
    .AddFailingWellAccounts()
    .AddFailingWellOrganisationSignIn()
    .AddFailingWellMediation()
    .AddFailingWellEmail()
    .AddFailingWellScheduling()
    .AddFailingWellHealth()
    .AddFailingWellReporting()
    .AddFailingWellTriage()
    .AddFailingWellDigests()
    .AddFailingWellCulture()
    .AddFailingWellSpeakUp()
    .AddFailingWellLearning()
    .AddFailingWellLfpse()
    .AddFailingWellPeers()
    .AddFailingWellNetwork()
    .AddFailingWellDemo()
    .AddFailingWellImport()
    .AddFailingWellKeyRing()
    .AddFailingWellProduction()
    .AddFailingWellPages(PageAccess.AuthorizePages);

var app = builder.Build();
if (DatabaseExtensions.MigratesOnStart(app.Environment, app.Configuration) || args is ["migrate", ..])
{
    await app.Services.MigrateFailingWellDatabaseAsync();
}

// A ring whose keys no configured certificate opens would be replaced quietly, signing everyone out:
// refuse with one line instead (docs/decisions/0110). Migrating needs no keys.
if (args is not ["migrate", ..] && KeyRingReadability.Refusal(app.Services) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

if (isVerb)
{
    return await CommandLineVerbs.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

await app.SeedDemoTrustIfWantedAsync(args);
app.UseFailingWellProxy();
app.UseFailingWellPages();
app.MapFailingWellHealth();
app.MapFailingWellNetwork();
FailingWell.Web.Features.Lfpse.Sandbox.LfpseSandbox.Map(app);
DemoIdentityProvider.Map(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
