using FailingWell.Web.Features.Demo;
using FailingWell.Web.Features.Lfpse.Sandbox;

namespace FailingWell.Tests.Demo;

/// <summary>The demo trust's safety reports go to the Development LFPSE sandbox at start-up and carry its references (decision 0124).</summary>
public sealed class DemoTrustLfpseTests
{
    [Fact]
    public async Task The_demo_leads_confirmed_safety_reports_of_each_kind_carry_sandbox_references_from_start_up()
    {
        using var app = new FailingWellApp().With("environment", "Development").With("Lfpse:DeliveryIntervalSeconds", "3600");
        var sandbox = app.Services.GetRequiredService<LfpseSandbox>();

        await using var scope = app.Scope();
        var events = await FailingWellApp.NewDbContext(scope).LfpseEvents.AsNoTracking().ToListAsync();
        Assert.Equal(DemoTrust.LfpseEvents, events.Count);
        Assert.All(events, e => Assert.Equal(LfpseState.Sent, e.State));
        Assert.All(events, e => Assert.StartsWith("SANDBOX-", e.LfpseReference, StringComparison.Ordinal));
        Assert.Equal(DemoTrust.LfpseEvents, sandbox.Received.Count(r => r.Method == "POST" && r.Status == 201 && r.Problems.Count == 0));
        var kinds = await FailingWellApp.NewDbContext(scope).Reports.AsNoTracking().Where(r => events.Select(e => e.ReportId).Contains(r.Id)).Select(r => r.Kind).Distinct().CountAsync();
        Assert.Equal(4, kinds);
    }
}
