using FailingWell.Web.Domain.Network;
using static FailingWell.Tests.Network.NetworkSupport;

namespace FailingWell.Tests.Network;

/// <summary>
/// A hub and two members, each its own process on loopback with its own database: a note is drafted and
/// approved on one member, delivered, pulled by the other, found, marked useful and adopted, and the
/// author sees how it travelled. Nothing of either member's reports reaches the hub.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class LearningNetworkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_note_published_on_one_member_reaches_the_other_which_finds_marks_and_adopts_it_and_the_author_sees_the_counts()
    {
        using var hub = new FailingWellApp();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var keyA = await AddMemberAsync(hub, coordinator.Id, "Basildon Example Trust");
        var keyB = await AddMemberAsync(hub, coordinator.Id, "Southend Example Trust");
        using var a = new FailingWellApp();
        var drafter = await Staff.CreateAsync(a, StaffRoles.GovernanceLead);
        var approver = await Staff.CreateAsync(a, StaffRoles.GovernanceLead);
        var category = await FirstCategoryAsync(a);
        var reportA = await ClosedReportAsync(a, drafter.Id, "Mrs Quillfeather fell beside the linen cupboard in bay 4 at 3am; ref kept local.");
        using var b = new FailingWellApp();
        var leadB = await Staff.CreateAsync(b, StaffRoles.GovernanceLead);
        var reportB = await ClosedReportAsync(b, leadB.Id, "Zebedee Marchbanks found his call bell out of reach after bed making and fell.");

        using var hubSite = await SiteProcess.StartAsync(hub, HubSettings);
        using var siteA = await SiteProcess.StartAsync(a, MemberSettings(hubSite.Address, keyA));
        using var siteB = await SiteProcess.StartAsync(b, MemberSettings(hubSite.Address, keyB));
        using var drafterBrowser = await SignInAsync(siteA, drafter);
        using var approverBrowser = await SignInAsync(siteA, approver);

        var form = await drafterBrowser.GetStringAsync(new Uri($"/network/notes/new?report={reportA.Id}", UriKind.Relative));
        Assert.DoesNotContain("Quillfeather", form, StringComparison.Ordinal);
        Assert.DoesNotContain(reportA.Reference, form, StringComparison.Ordinal);
        await PublishAsync(drafterBrowser, approverBrowser, a, reportA.Id, "Call bells out of reach after bed making", category);

        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(hub, db => db.HubNotes.AnyAsync())), "The note never reached the hub");
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(b, db => db.NetworkNotes.AnyAsync())), "Member B never pulled the note");

        using var leadBBrowser = await SignInAsync(siteB, leadB);
        var search = await leadBBrowser.GetStringAsync(new Uri("/network/library?q=CALL+bells&category=" + Uri.EscapeDataString(category), UriKind.Relative));
        Assert.Contains("1 note found", search, StringComparison.Ordinal);
        var id = LibraryIdIn(search, "Call bells out of reach after bed making");
        var nothing = await leadBBrowser.GetStringAsync(new Uri("/network/library?q=bells+chocolate", UriKind.Relative));
        Assert.Contains("0 notes found", nothing, StringComparison.Ordinal);
        var triage = await leadBBrowser.GetStringAsync(new Uri($"/triage/reports/{reportB.Id}", UriKind.Relative));
        Assert.Contains("Learning from other organisations", triage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/network/library/{id}\"", triage, StringComparison.Ordinal);

        foreach (var adopted in new[] { "false", "true" })
        {
            var marked = await Forms.PostAsync(leadBBrowser, $"/network/library/{id}", new Dictionary<string, string> { ["Mark.Adopted"] = adopted });
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(a, db => db.NetworkNotes.AnyAsync(n => n.IsOwn && n.UsefulCount == 1 && n.AdoptedCount == 1))),
            "Member A never saw its note found useful and adopted");
        var own = await drafterBrowser.GetStringAsync(new Uri("/network/notes", UriKind.Relative));
        Assert.Contains("1 organisation found this useful, 1 adopted it", own, StringComparison.Ordinal);
        Assert.Equal(2, await InDatabaseAsync(hub, db => db.HubReceivedMessages.CountAsync(m => m.MemberId == keyB.MemberId)));

        hubSite.Kill();
        var hubBytes = DatabaseBytes.Read(hub.DatabasePath);
        foreach (var secret in new[] { "Quillfeather", "linen cupboard", reportA.Reference, "Zebedee", "Marchbanks", reportB.Reference, drafter.Name, approver.Name, drafter.Email })
        {
            Assert.False(DatabaseBytes.Contains(hubBytes, secret), $"The hub's database holds '{secret}'");
        }
    }

    [Fact]
    public async Task A_member_works_while_the_hub_is_down_and_its_note_arrives_when_the_hub_is_back()
    {
        using var hub = new FailingWellApp();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var key = await AddMemberAsync(hub, coordinator.Id, "Harlow Example Trust");
        using var a = new FailingWellApp();
        var drafter = await Staff.CreateAsync(a, StaffRoles.GovernanceLead);
        var approver = await Staff.CreateAsync(a, StaffRoles.Admin);
        var category = await FirstCategoryAsync(a);
        var report = await ClosedReportAsync(a, drafter.Id, "A wet floor sign was missing by the lifts.");
        var hubSite = await SiteProcess.StartAsync(hub, HubSettings);
        var port = hubSite.Address.Port;
        using var site = await SiteProcess.StartAsync(a, MemberSettings(hubSite.Address, key));
        using var drafterBrowser = await SignInAsync(site, drafter);
        using var approverBrowser = await SignInAsync(site, approver);

        hubSite.Dispose();
        await PublishAsync(drafterBrowser, approverBrowser, a, report.Id, "Wet floor signs kept by the lifts", category);
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(a, db => db.NetworkOutboxMessages.AnyAsync(m => m.Attempts >= 1 && m.SentOn == null && m.LastError != null))),
            "The member never tried (and failed) to reach the hub");
        Assert.Equal(HttpStatusCode.OK, (await drafterBrowser.GetAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drafterBrowser.GetAsync(new Uri("/network/notes", UriKind.Relative))).StatusCode);
        var status = await approverBrowser.GetStringAsync(new Uri("/admin/network", UriKind.Relative));
        Assert.Contains("0 sent, 1 queued, 0 failed", status, StringComparison.Ordinal);
        Assert.Contains("could not be reached", status, StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(hub, db => db.HubNotes.AnyAsync()));

        using var back = await SiteProcess.StartAsync(hub, HubSettings, port);
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromMinutes(1), () => InDatabaseAsync(hub, db => db.HubNotes.AnyAsync(n => n.Title == "Wet floor signs kept by the lifts"))),
            "The note never arrived after the hub came back");
        Assert.True(await Eventually.TrueWithinAsync(Patience, () => InDatabaseAsync(a, db => db.NetworkNotes.AnyAsync(n => n.IsOwn))), "The member never pulled its own note back");
        Assert.Equal(1, await InDatabaseAsync(hub, db => db.HubReceivedMessages.CountAsync()));
    }
}
