using FailingWell.BrowserTests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Network;

/// <summary>
/// A hub and two member sites on loopback: a lead of one organisation drafts a learning note from a closed
/// report (heeding a sharing warning), a second lead approves it, it travels through the hub, and a lead of
/// the other organisation finds it from one of their own reports, marks it useful and adopts it; the author
/// sees how it travelled. B shares its insularity signals; the hub's coordinator sees them and offers peer
/// support, which B accepts, and records the peer review B then reads. Every page on the way, and the peers and status pages, pass axe.
/// </summary>
[Collection(LearningNetworkBrowserTests.Collection)]
public sealed class LearningNetworkBrowserTests
{
    public const string Collection = "learning network sites";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Title = "Call bells out of reach after bed making";

    [Fact]
    public async Task A_note_published_by_one_member_is_found_from_another_members_report_marked_adopted_and_the_author_sees_it_travel()
    {
        await using var network = await NetworkSites.StartAsync("Basildon Example Trust", "Southend Example Trust");
        var drafter = await network.A.AccountAsync(StaffRoles.GovernanceLead, "Dana Drafter");
        var approver = await network.A.AccountAsync(StaffRoles.GovernanceLead, "Arun Approver");
        var adminA = await network.A.AccountAsync(StaffRoles.Admin, "Ada Admin");
        var leadB = await network.B.AccountAsync(StaffRoles.GovernanceLead, "Bea Lead");
        var adminB = await network.B.AccountAsync(StaffRoles.Admin, "Ben Admin");
        var reportA = await network.A.ReportAsync("Mrs Quillfeather fell by the linen cupboard in bay 4 at 3am: her call bell was out of reach.", "Falls", closedBy: drafter);
        // A year of each member's published figures at the hub: 25 reports in 1,250 bed days a month (rate 20) and 10 in 1,000 (rate 10).
        await network.HubHoldsFiguresAsync(network.A, new DateOnly(2026, 10, 1), 25, 1250);
        await network.HubHoldsFiguresAsync(network.B, new DateOnly(2026, 10, 1), 10, 1000);
        var reportB = await network.B.ReportAsync("A patient found the call bell out of reach after bed making and fell getting up.", "Falls");

        // Member B's admin agrees to share its insularity signals: it has exchanged no learning yet.
        var adminBPage = await network.NewPageAsync(network.B);
        await adminBPage.GotoAsync("/admin/network-consent");
        await NetworkSites.SignInAsync(adminBPage, adminB);
        await adminBPage.GetByRole(AriaRole.Heading, new() { Name = "Share insularity signals with the network", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(adminBPage);
        await adminBPage.GetByLabel("Yes, share our signals").CheckAsync();
        await adminBPage.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await adminBPage.GetByText("Your insularity signals will be shared with the coordinator.").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(adminBPage);

        // 1. Member A's lead drafts a note from the closed report.
        var lead = await network.NewPageAsync(network.A);
        await lead.GotoAsync($"/triage/reports/{reportA}");
        await NetworkSites.SignInAsync(lead, drafter);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Draft a learning note" }).ClickAsync();
        await lead.GetByRole(AriaRole.Heading, new() { Name = "Draft a learning note", Level = 1 }).WaitForAsync();
        var empty = await lead.Locator("form").Last.InnerHTMLAsync();
        Assert.DoesNotContain("Quillfeather", empty, StringComparison.Ordinal);
        Assert.Equal("", await lead.GetByLabel("What happened, in general terms").InputValueAsync());
        Assert.Equal(0, await lead.Locator(".fw-sharing-warning").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(lead);

        await lead.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await lead.GetByLabel("What happened, in general terms").FillAsync("Mrs Quillfeather got up at night in bay 4 to use the toilet and fell; her call bell was out of reach.");
        await lead.GetByLabel("What was learned").FillAsync("Call bells were moved during bed making and not put back.");
        await lead.GetByLabel("What changed as a result").FillAsync("Bed making now ends with a call bell check, and the safety huddle asks about it.");
        await lead.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Falls" });
        await lead.GetByLabel("Something happened", new() { Exact = true }).CheckAsync();
        await lead.GetByLabel("Low harm", new() { Exact = true }).CheckAsync();
        await lead.GetByLabel("Month").FillAsync(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        // Not ticked yet: the form comes back with the error, and the warnings beside the field it is about.
        await lead.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await lead.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Confirm you have checked this note identifies nobody", await lead.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        var warning = await lead.Locator("#Note_WhatHappened-warning").InnerTextAsync();
        Assert.Contains("This looks like a person's name", warning, StringComparison.Ordinal);
        Assert.Contains("This looks like a ward, bay, bed, room or place", warning, StringComparison.Ordinal);
        Assert.Contains("Note_WhatHappened-warning", await lead.GetByLabel("What happened, in general terms").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(lead);

        await lead.GetByLabel("What happened, in general terms").FillAsync("A patient at risk of falls got up at night to use the toilet and fell; the call bell had been left out of reach.");
        await lead.GetByLabel("I have checked this note identifies nobody").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await lead.GetByText("Note submitted.").WaitForAsync();
        Assert.Contains("You drafted this note", await lead.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // 2. A second lead approves it.
        var second = await network.NewPageAsync(network.A);
        await second.GotoAsync("/network/notes");
        await NetworkSites.SignInAsync(second, approver);
        await second.GetByRole(AriaRole.Heading, new() { Name = "Awaiting approval" }).WaitForAsync();
        Assert.Contains(Title, await second.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(second);
        await second.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await second.GetByRole(AriaRole.Heading, new() { Name = "Published" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(second);

        // 3. The outbox sends it to the hub; member B pulls the library (both every second here).
        // 4. Member B's lead opens a report of theirs and finds it there.
        var leadBPage = await network.NewPageAsync(network.B);
        await leadBPage.GotoAsync($"/triage/reports/{reportB}");
        await NetworkSites.SignInAsync(leadBPage, leadB);
        await leadBPage.GetByRole(AriaRole.Heading, new() { Name = "Learning from other organisations" }).WaitForAsync();
        var found = leadBPage.Locator(".fw-peer-learning").GetByRole(AriaRole.Link, new() { Name = Title });
        await UntilAsync(leadBPage, found);
        Assert.Contains("Basildon Example Trust", await leadBPage.Locator(".fw-peer-learning").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(leadBPage);
        await found.ClickAsync();
        await leadBPage.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 }).WaitForAsync();
        Assert.Contains("0 organisations found this useful, 0 adopted it.", await leadBPage.Locator("#note-counts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quillfeather", await leadBPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(leadBPage);
        await leadBPage.GetByRole(AriaRole.Button, new() { Name = "Mark as useful" }).ClickAsync();
        await leadBPage.GetByText("Your organisation found this useful.", new() { Exact = true }).WaitForAsync();
        await leadBPage.GetByRole(AriaRole.Button, new() { Name = "We adopted this" }).ClickAsync();
        await leadBPage.GetByText("Your organisation adopted this.", new() { Exact = true }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(leadBPage);

        // The library's search, by words and category, finds it too.
        // The note page's back link, within its "Back" landmark: the header has a "Network library" link
        // too, shown or folded under "More" by the width and the fonts.
        await leadBPage.GetByRole(AriaRole.Navigation, new() { Name = "Back" }).GetByRole(AriaRole.Link, new() { Name = "Network library" }).ClickAsync();
        await leadBPage.GetByLabel("Words").FillAsync("call bells");
        await leadBPage.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Falls" });
        await leadBPage.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await leadBPage.GetByText("1 note found").WaitForAsync();
        await leadBPage.GetByRole(AriaRole.Link, new() { Name = Title }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(leadBPage);

        // 5. The author sees how the learning travelled, after the next sync.
        await lead.GotoAsync("/network/notes");
        await UntilAsync(lead, lead.GetByText("1 organisation found this useful, 1 adopted it."));
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(network.ScreenshotFolder, "network-notes.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(lead);

        // A member's peers, support and network status pages, seen by its admin.
        var admin = await network.NewPageAsync(network.A);
        await admin.GotoAsync("/network/peers");
        await NetworkSites.SignInAsync(admin, adminA);
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Peers in the learning network", Level = 1 }).WaitForAsync();
        await UntilAsync(admin, admin.Locator("svg.fw-funnel"));
        Assert.Contains("Basildon Example Trust (this organisation)", await admin.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("November 2025 to October 2026", await admin.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(admin);
        foreach (var (path, heading) in new[] { ("/network/support", "Peer support from the network"), ("/admin/network", "Learning network") })
        {
            await admin.GotoAsync(path);
            await admin.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true }).WaitForAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(admin);
        }

        // The hub's coordinator's pages.
        var coordinator = await network.NewPageAsync(network.Hub);
        await coordinator.GotoAsync("/network/hub/members");
        await NetworkSites.SignInAsync(coordinator, network.Coordinator);
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Network members", Level = 1 }).WaitForAsync();
        var members = await coordinator.Locator("main").InnerTextAsync();
        Assert.Contains("Basildon Example Trust", members, StringComparison.Ordinal);
        Assert.Contains("Southend Example Trust", members, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
        await coordinator.GotoAsync("/network/hub/signals");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Members with insularity signals", Level = 1 }).WaitForAsync();
        var signalled = coordinator.Locator(".nhsuk-card").Filter(new() { HasText = "Southend Example Trust" });
        await UntilAsync(coordinator, signalled);
        Assert.Contains("No learning exchanged for six months", await signalled.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await coordinator.Locator(".nhsuk-card").Filter(new() { HasText = "Basildon Example Trust" }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);

        // The coordinator offers B peer support; B's admin accepts it; the hub sees the answer.
        await signalled.GetByRole(AriaRole.Link, new() { Name = "Offer peer support" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Offer peer support", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
        await coordinator.GetByLabel("What support, and from which peer organisation").FillAsync("A two-day peer review of incident reporting by the patient safety team at Basildon Example Trust.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Send the offer" }).ClickAsync();
        await coordinator.GetByText("Peer support offered to Southend Example Trust.").WaitForAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Offers of peer support", Level = 1 }).WaitForAsync();
        Assert.Contains("Waiting for an answer", await coordinator.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);

        await adminBPage.GotoAsync("/network/support");
        await adminBPage.GetByRole(AriaRole.Heading, new() { Name = "Peer support from the network", Level = 1 }).WaitForAsync();
        await UntilAsync(adminBPage, adminBPage.GetByRole(AriaRole.Button, new() { Name = "Accept" }));
        Assert.Contains("A two-day peer review of incident reporting", await adminBPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(adminBPage);
        await adminBPage.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await adminBPage.GetByText("You accepted the offer. The coordinator will be in touch.").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(adminBPage);

        await UntilAsync(coordinator, coordinator.GetByRole(AriaRole.Link, new() { Name = "Record the peer review" }));
        Assert.Contains("Accepted on", await coordinator.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);

        // The peer review is recorded at the hub, with its dates and findings, and B reads it.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Record the peer review" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Record a peer review", Level = 1 }).WaitForAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await coordinator.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Enter the review's findings", await coordinator.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
        await coordinator.GetByLabel("Start date").FillAsync("2027-01-11");
        await coordinator.GetByLabel("End date").FillAsync("2027-01-12");
        await coordinator.GetByLabel("Findings").FillAsync("Reporting is valued on the wards; feedback to reporters is slow. Learning from the network is not yet read.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await coordinator.GetByText("Peer review recorded for Southend Example Trust.").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);

        await adminBPage.GotoAsync("/network/support");
        await UntilAsync(adminBPage, adminBPage.GetByRole(AriaRole.Heading, new() { Name = "Peer review, 11 January 2027 to 12 January 2027" }));
        Assert.Contains("feedback to reporters is slow", await adminBPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(adminBPage);
    }

    /// <summary>Reloads the page until what is looked for is on it: what arrives by the network's schedule.</summary>
    private static async Task UntilAsync(IPage page, ILocator what)
    {
        var until = DateTime.UtcNow + Patience;
        while (await what.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < until, $"Not on {page.Url} within {Patience.TotalSeconds} s: {what}");
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
    }
}

/// <summary>Three sites and a browser are much for two cores: this test runs alone, after the live site's tests.</summary>
[CollectionDefinition(LearningNetworkBrowserTests.Collection, DisableParallelization = true)]
public sealed class LearningNetworkSitesTests;
