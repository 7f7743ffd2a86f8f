using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Member;
using static FailingWell.Tests.Network.PeersSupport;

namespace FailingWell.Tests.Network.Member;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class PeersPageTests
{
    private static IReadOnlyList<MonthlyAggregate> Year(int reportsPerMonth, int bedDaysPerMonth, int? suppressAt = null) =>
        [.. Enumerable.Range(0, 12).Select(i => new MonthlyAggregate(PeerMessageKinds.MonthKey(October.AddMonths(i - 11)),
            i == suppressAt ? null : reportsPerMonth, bedDaysPerMonth, null, null, null))];

    // A year each, spread evenly. A: 10 a month in 1,000 bed days (120 in 12,000, rate 10); B (us): 25 in 1,250
    // (300 in 15,000, rate 20); C: 20 in 2,000 (240 in 24,000, rate 10). θ = 660 / 51,000 = 12.941 per 1,000.
    //   B at 15,000: √(0.012941 / 15,000) = 0.0009288; 99.8% upper 12.941 + 3.090232 × 0.9288 = 15.81: above both.
    //   C at 24,000: √(0.012941 / 24,000) = 0.0007343; 95% lower 12.941 − 1.439 = 11.50; 99.8% lower 10.67: below both.
    //   A at 12,000: √(0.012941 / 12,000) = 0.0010385; 95% lower 12.941 − 2.035 = 10.91: below; 99.8% lower 9.73: inside.
    // D has a suppressed month, so it is "not enough data".
    private static readonly PeerOrganisation[] Network =
    [
        new("Alpha Hospitals", "Acute trust", false, Year(10, 1000)),
        new("Beta Trust", "Acute trust", true, Year(25, 1250)),
        new("Gamma Health", "Acute trust", false, Year(20, 2000)),
        new("Delta Care", "Community trust", false, Year(30, 2000, suppressAt: 4)),
    ];

    [Fact]
    public async Task The_peers_page_draws_the_funnel_lists_the_same_numbers_in_words_and_says_where_we_sit()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        Assert.Equal(48, await SendAsync(app, new StorePeerAggregates.Command(Network)));
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));

        var html = await lead.GetStringAsync(new Uri("/network/peers", UriKind.Relative));

        Assert.Contains("November 2025 to October 2026", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"fw-funnel\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"fw-funnel-you\"", html, StringComparison.Ordinal);
        Assert.Contains("Beta Trust (this organisation)", html, StringComparison.Ordinal);
        Assert.Contains("above the 99.8% limit", html, StringComparison.Ordinal);
        // Each organisation's own limits beside the words (upper limits worked the same way: θ + z × the spread).
        Assert.Contains("<td class=\"nhsuk-table__cell\">above (10.07 to 15.81)</td>", html, StringComparison.Ordinal); // Beta, 99.8%
        Assert.Contains("<td class=\"nhsuk-table__cell\">below (11.50 to 14.38)</td>", html, StringComparison.Ordinal); // Gamma, 95%
        Assert.Contains("<td class=\"nhsuk-table__cell\">below (10.67 to 15.21)</td>", html, StringComparison.Ordinal); // Gamma, 99.8%
        Assert.Contains("<td class=\"nhsuk-table__cell\">below (10.91 to 14.98)</td>", html, StringComparison.Ordinal); // Alpha, 95%
        Assert.Contains("<td class=\"nhsuk-table__cell\">inside (9.73 to 16.15)</td>", html, StringComparison.Ordinal); // Alpha, 99.8%
        Assert.Contains("Delta Care: not enough data", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/culture/peers\"", html, StringComparison.Ordinal);

        var view = await SendAsync(app, new PeersView.Query());
        Assert.Equal(3, view.Funnel.Points.Count);
        Assert.Equal(660.0 / 51_000 * 1000, view.Funnel.PooledRate, 6);
        var points = view.Funnel.Points.ToDictionary(p => p.Organisation);
        Assert.Equal((FunnelPosition.Above, FunnelPosition.Above), (points["Beta Trust"].Against95, points["Beta Trust"].Against998));
        Assert.Equal((FunnelPosition.Below, FunnelPosition.Below), (points["Gamma Health"].Against95, points["Gamma Health"].Against998));
        Assert.Equal((FunnelPosition.Below, FunnelPosition.Inside), (points["Alpha Hospitals"].Against95, points["Alpha Hospitals"].Against998));
    }

    [Fact]
    public async Task Without_figures_from_a_network_the_page_says_so_and_links_to_the_csv_comparison()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));
        var html = await executive.GetStringAsync(new Uri("/network/peers", UriKind.Relative));
        Assert.Contains("No figures have come from the network yet", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/culture/peers\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_pull_replaces_every_peer_row()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        await SendAsync(app, new StorePeerAggregates.Command(Network));
        await SendAsync(app, new StorePeerAggregates.Command([Network[1]]));
        await using var scope = app.Scope();
        Assert.Equal(["Beta Trust"], await FailingWellApp.NewDbContext(scope).PeerAggregates.Select(a => a.Organisation).Distinct().ToListAsync());
    }

    [Fact]
    public async Task Leads_executives_and_admins_open_the_peers_page_and_others_are_refused()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        foreach (var role in new[] { StaffRoles.GovernanceLead, StaffRoles.Executive, StaffRoles.Admin })
        {
            var staff = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/network/peers", UriKind.Relative))).StatusCode);
        }

        var guardian = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Guardian));
        var refused = await guardian.GetAsync(new Uri("/network/peers", UriKind.Relative));
        Assert.StartsWith("http://localhost/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_executive_accepts_an_offer_which_is_sent_to_the_hub_and_a_review_pulled_later_is_shown()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        await SendAsync(app, new StoreSupportOffers.Command([
            new(7, new DateOnly(2026, 11, 10), "A peer review by East Park's safety team", "Offered", null, null, null, null),
            new(8, new DateOnly(2026, 11, 12), "A mentor for the patient safety lead", "Offered", null, null, null, null)]));
        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));

        var page = await executive.GetStringAsync(new Uri("/network/support", UriKind.Relative));
        Assert.Contains("A peer review by East Park&#x27;s safety team", page, StringComparison.Ordinal);
        var noAnswer = await Forms.PostAsync(executive, "/network/support", new Dictionary<string, string> { ["Input.OfferId"] = "7" });
        Assert.Equal(HttpStatusCode.OK, noAnswer.StatusCode);
        Assert.Contains("Choose whether to accept or decline the offer", await noAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await Forms.PostAsync(executive, "/network/support", new Dictionary<string, string> { ["Input.OfferId"] = "7", ["Input.Accept"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (kind, json) = Sent(app).Single();
        Assert.Equal(PeerMessageKinds.SupportReply, kind);
        Assert.Equal(new SupportReplyMessage(7, true), Payload<SupportReplyMessage>(json));

        var again = await Forms.PostAsync(executive, "/network/support", new Dictionary<string, string> { ["Input.OfferId"] = "7", ["Input.Accept"] = "false" });
        Assert.Contains("This offer has already been answered", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await Forms.PostAsync(executive, "/network/support", new Dictionary<string, string> { ["Input.OfferId"] = "99", ["Input.Accept"] = "true" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);

        // The hub has not seen the reply yet: a pull still saying "Offered" does not undo it. Then the review arrives.
        await SendAsync(app, new StoreSupportOffers.Command([new(7, new DateOnly(2026, 11, 10), "A peer review by East Park's safety team", "Offered", null, null, null, null)]));
        Assert.Contains("Accepted on 15 November 2026", await executive.GetStringAsync(new Uri("/network/support", UriKind.Relative)), StringComparison.Ordinal);
        await SendAsync(app, new StoreSupportOffers.Command([new(7, new DateOnly(2026, 11, 10), "A peer review by East Park's safety team", "Accepted", new DateOnly(2026, 11, 16),
            new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 11), "Reporters rarely hear back.")]));
        var reviewed = await executive.GetStringAsync(new Uri("/network/support", UriKind.Relative));
        Assert.Contains("Peer review, 10 January 2027 to 11 January 2027", reviewed, StringComparison.Ordinal);
        Assert.Contains("Reporters rarely hear back.", reviewed, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Contains(await FailingWellApp.NewDbContext(scope).AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "Accepted the network's offer of peer support 7");
    }

    [Fact]
    public async Task Only_executives_and_admins_answer_offers()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/network/support", UriKind.Relative))).StatusCode);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var refused = await lead.GetAsync(new Uri("/network/support", UriKind.Relative));
        Assert.StartsWith("http://localhost/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_pages_are_refused_to_everyone_without_the_coordinator_role()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        foreach (var path in new[] { "/network/hub/signals", "/network/hub/support", "/network/hub/offer?memberId=1", "/network/hub/review?offerId=1" })
        {
            var refused = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect, path + ": " + refused.StatusCode + " " + await refused.Content.ReadAsStringAsync());
            Assert.StartsWith("http://localhost/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_culture_page_shows_no_insularity_signals_for_a_steady_organisation_and_the_falling_one_with_what_to_do()
    {
        using var steady = new FailingWellApp { Clock = Clock() };
        var executive = await Staff.SignInAsync(steady, await Staff.CreateAsync(steady, StaffRoles.Executive));
        var calm = await executive.GetStringAsync(new Uri("/culture", UriKind.Relative));
        Assert.Contains("Looking outward", calm, StringComparison.Ordinal);
        Assert.Contains("No insularity signals", calm, StringComparison.Ordinal);

        using var falling = new FailingWellApp { Clock = Clock() };
        await SaveFallingSeriesAsync(falling);
        var other = await Staff.SignInAsync(falling, await Staff.CreateAsync(falling, StaffRoles.Executive));
        var html = await other.GetStringAsync(new Uri("/culture", UriKind.Relative));
        Assert.Contains("data-signal=\"falling-reporting\"", html, StringComparison.Ordinal);
        Assert.Contains("Reporting is falling", html, StringComparison.Ordinal);
        Assert.Contains("What to do:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No insularity signals", html, StringComparison.Ordinal);
    }
}
