using System.Globalization;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Member;
using static FailingWell.Tests.Network.NetworkSupport;
using static FailingWell.Tests.Network.PeersSupport;

namespace FailingWell.Tests.Network;

/// <summary>
/// A hub and two members as separate processes on loopback: both publish their monthly figures, which come back
/// to each as a funnel plot; one member's falling reporting is seen by the hub's coordinator only after its
/// admins consent; the coordinator offers peer support, the member accepts, and the review reaches it.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class PeersNetworkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>The last complete month in UK time, as the members' own clocks see it.</summary>
    private static DateOnly LastCompleteMonth()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    /// <summary>24 months ending with the last complete one, each with 5,000 bed days.</summary>
    private static async Task SaveSeriesAsync(FailingWellApp app, int[] counts)
    {
        var first = LastCompleteMonth().AddMonths(-(counts.Length - 1));
        for (var i = 0; i < counts.Length; i++)
        {
            await SaveReportsAsync(app, first.AddMonths(i).AddDays(3), counts[i]);
            await SaveBedDaysAsync(app, first.AddMonths(i), 5000);
        }
    }

    [Fact]
    public async Task Figures_become_a_funnel_plot_a_falling_member_is_seen_only_after_consent_and_peer_support_travels_both_ways()
    {
        using var hub = new FailingWellApp();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var keyA = await NetworkSupport.AddMemberAsync(hub, coordinator.Id, "Northgate Example Trust");
        var keyB = await NetworkSupport.AddMemberAsync(hub, coordinator.Id, "Westbay Example Trust");
        using var a = new FailingWellApp();
        // Reporting falling fast over the last seven months (the last twelve: 509 reports).
        await SaveSeriesAsync(a, [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 46, 43, 40, 37, 34, 31, 28]);
        var adminA = await Staff.CreateAsync(a, StaffRoles.Admin);
        using var b = new FailingWellApp();
        await SaveSeriesAsync(b, [.. Enumerable.Repeat(100, 24)]); // the last twelve: 1,200 reports
        var executiveB = await Staff.CreateAsync(b, StaffRoles.Executive);

        using var hubSite = await SiteProcess.StartAsync(hub, HubSettings);
        using var siteA = await SiteProcess.StartAsync(a, MemberSettings(hubSite.Address, keyA));
        using var siteB = await SiteProcess.StartAsync(b, MemberSettings(hubSite.Address, keyB));

        // The monthly job's work, done now on each member: its outbox takes the figures to the hub.
        await SendAsync(a, new PublishAggregates.Command());
        await SendAsync(b, new PublishAggregates.Command());
        Assert.True(await Eventually.TrueWithinAsync(Patience, async () => await InDatabaseAsync(b, db => db.PeerAggregates.Select(p => p.Organisation).Distinct().CountAsync()) == 2),
            "Member B never pulled both members' figures");

        // Hand-worked: each member 60,000 bed days over the 12 months; A 509 reports (8.48 per 1,000), B 1,200 (20.00).
        // Pooled θ = 1,709 / 120,000 = 14.2417 per 1,000. At 60,000 bed days √(θ/E) = √(0.0142417 / 60,000) × 1,000 = 0.48720:
        // 95% limits 14.2417 ± 1.959964 × 0.48720 = 13.29 to 15.20; 99.8% limits 14.2417 ± 3.090232 × 0.48720 = 12.74 to 15.75.
        using var executiveBBrowser = await SignInAsync(siteB, executiveB);
        var peers = await executiveBBrowser.GetStringAsync(new Uri("/network/peers", UriKind.Relative));
        Assert.Contains("This organisation reported 20.0 per 1,000 bed days against the network&#x27;s 14.2, above the 99.8% limit", peers, StringComparison.Ordinal);
        var rowA = TableRow(peers, "Northgate Example Trust");
        Assert.Contains(">60,000<", rowA, StringComparison.Ordinal);
        Assert.Contains(">509<", rowA, StringComparison.Ordinal);
        Assert.Contains(">8.5<", rowA, StringComparison.Ordinal);
        Assert.Contains("below (13.29 to 15.20)", rowA, StringComparison.Ordinal);
        Assert.Contains("below (12.74 to 15.75)", rowA, StringComparison.Ordinal);
        var rowB = TableRow(peers, "Westbay Example Trust (this organisation)");
        Assert.Contains(">20.0<", rowB, StringComparison.Ordinal);
        Assert.Contains("above (12.74 to 15.75)", rowB, StringComparison.Ordinal);

        // Without consent the hub holds nothing of A's signals: its coordinator sees no member at all.
        using var coordinatorBrowser = await SignInAsync(hubSite, coordinator);
        var before = await coordinatorBrowser.GetStringAsync(new Uri("/network/hub/signals", UriKind.Relative));
        Assert.DoesNotContain("Northgate Example Trust", before, StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(hub, db => db.HubSignals.AnyAsync()));

        using var adminABrowser = await SignInAsync(siteA, adminA);
        var consent = await Forms.PostAsync(adminABrowser, "/admin/network-consent", new Dictionary<string, string> { ["Input.Share"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(hub, db => db.HubSignals.AnyAsync())), "A's signals never reached the hub");
        var after = await coordinatorBrowser.GetStringAsync(new Uri("/network/hub/signals", UriKind.Relative));
        Assert.Contains("Northgate Example Trust", after, StringComparison.Ordinal);
        Assert.Contains(InsularitySignals.Describe(InsularitySignals.FallingReporting).Title, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Westbay Example Trust", after, StringComparison.Ordinal); // B never consented
        var memberA = await InDatabaseAsync(hub, db => db.HubMembers.Where(m => m.Name == "Northgate Example Trust").Select(m => m.Id).SingleAsync());

        // An offer of peer support goes out, is accepted on the member, and the review comes back to it.
        const string offer = "A two-day peer review of how your teams report and hear back, by the patient safety team at Westbay.";
        var offered = await Forms.PostAsync(coordinatorBrowser, $"/network/hub/offer?memberId={memberA}",
            new Dictionary<string, string> { ["Input.MemberId"] = memberA.ToString(CultureInfo.InvariantCulture), ["Input.Offer"] = offer });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(a, db => db.SupportOffers.AnyAsync())), "The offer never reached member A");
        Assert.Contains(offer, await adminABrowser.GetStringAsync(new Uri("/network/support", UriKind.Relative)), StringComparison.Ordinal);
        var offerId = await InDatabaseAsync(a, db => db.SupportOffers.Select(o => o.OfferId).SingleAsync());
        var accepted = await Forms.PostAsync(adminABrowser, "/network/support",
            new Dictionary<string, string> { ["Input.OfferId"] = offerId.ToString(CultureInfo.InvariantCulture), ["Input.Accept"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(hub, db => db.PeerSupportOffers.AnyAsync(o => o.Status == SupportStatus.Accepted))),
            "The acceptance never reached the hub");
        Assert.Contains("Accepted", await coordinatorBrowser.GetStringAsync(new Uri("/network/hub/support", UriKind.Relative)), StringComparison.Ordinal);

        const string findings = "Staff hear back within a week; the night teams were not told how to report anonymously.";
        var reviewed = await Forms.PostAsync(coordinatorBrowser, $"/network/hub/review?offerId={offerId}", new Dictionary<string, string>
        {
            ["Input.OfferId"] = offerId.ToString(CultureInfo.InvariantCulture), ["Input.StartsOn"] = "2027-01-11", ["Input.EndsOn"] = "2027-01-12", ["Input.Findings"] = findings,
        });
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(a, db => db.SupportOffers.AnyAsync(o => o.Findings != null))), "The review never reached member A");
        Assert.Contains(findings, await adminABrowser.GetStringAsync(new Uri("/network/support", UriKind.Relative)), StringComparison.Ordinal);

        // Withdrawing consent removes what the hub held.
        await Forms.PostAsync(adminABrowser, "/admin/network-consent", new Dictionary<string, string> { ["Input.Share"] = "false" });
        Assert.True(await Eventually.TrueWithinAsync(Patience, async () => !await InDatabaseAsync(hub, db => db.HubSignals.AnyAsync())), "The hub kept A's signals after consent was withdrawn");
    }

    private static string TableRow(string html, string organisation)
    {
        var cell = html.IndexOf($">{organisation}</td>", StringComparison.Ordinal);
        Assert.True(cell > 0, $"{organisation} is not in the table");
        var end = html.IndexOf("</tr>", cell, StringComparison.Ordinal);
        return html[cell..end];
    }
}
