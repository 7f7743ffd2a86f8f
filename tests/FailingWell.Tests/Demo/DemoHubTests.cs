using Microsoft.AspNetCore.Identity;
using FailingWell.Web.Features.Demo;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Tests.Demo;

/// <summary>The demo network's hub: made once, and the demo trust's printed key really lets a member pull from it.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class DemoHubTests
{
    [Fact]
    public async Task The_demo_hub_is_made_once_and_a_member_with_the_demo_trusts_key_pulls_its_notes_and_peers()
    {
        using var hub = new FailingWellApp().With("Network:Role", "Hub");
        await using (var scope = hub.Scope())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoHub>();
            Assert.True(await demo.EnsureAsync(CancellationToken.None));
            Assert.False(await demo.EnsureAsync(CancellationToken.None)); // once only
            var db = FailingWellApp.NewDbContext(scope);
            Assert.Equal(5, await db.HubMembers.CountAsync());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var coordinator = await users.FindByEmailAsync(DemoHub.CoordinatorEmail);
            Assert.NotNull(coordinator);
            Assert.True(await users.IsInRoleAsync(coordinator, StaffRoles.NetworkCoordinator));
        }

        using var hubSite = await SiteProcess.StartAsync(hub, new Dictionary<string, string> { ["Network:Role"] = "Hub" });
        using var member = new FailingWellApp()
            .With("Network:Role", "Member").With("Network:HubUrl", hubSite.Address.ToString()).With("Network:MemberId", "1")
            .With("Network:Key", DemoHub.DemoTrustKey).With("Network:OrganisationName", DemoTrust.OrganisationName)
            .With("Network:DeliveryIntervalSeconds", "3600").With("Network:PullIntervalSeconds", "3600");
        await using (var scope = member.Scope())
        {
            Assert.Equal(DemoTrust.DemoNotes.Count, await scope.ServiceProvider.GetRequiredService<PullFromHub>().PullAsync(CancellationToken.None));
            var db = FailingWellApp.NewDbContext(scope);
            Assert.Equal(1, await db.NetworkNotes.CountAsync(n => n.IsOwn)); // the demo trust's own note, authored as member 1
            Assert.Equal(4, await db.PeerAggregates.Where(p => !p.IsYou).Select(p => p.Organisation).Distinct().CountAsync());
        }
    }
}
