using FailingWell.Web.Domain.Network;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using static FailingWell.Tests.Network.NetworkSupport;

namespace FailingWell.Tests.Network;

/// <summary>The network's staff forms take any input without a server error.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class NetworkHostileInputTests
{
    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_note_and_library_forms_get_no_server_error()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            db.NetworkNotes.Add(new NetworkNote
            {
                NoteId = Guid.NewGuid(), Sequence = 1, AuthorName = "Other Trust", AuthorType = "Acute trust", Title = "Bells", WhatHappened = "A fall.",
                WhatWasLearned = "Bells.", WhatChanged = "Checks.", Category = "Falls", Kind = ReportKind.Incident, HarmBand = PhysicalHarm.Low,
                OrganisationType = "Acute trust", Month = "2026-03", PublishedOn = new DateOnly(2026, 3, 1),
            });
            await db.SaveChangesAsync();
        }

        var libraryId = await InDatabaseAsync(app, db => db.NetworkNotes.Select(n => n.Id).SingleAsync());
        var cookies = new System.Net.CookieContainer();
        using var signedIn = await Staff.SignInAsync(app, lead, cookies);

        var outcome = await new FormFuzzer(() => app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 21)
            .RunAsync([$"/network/notes/new?report={report.Id}", $"/network/library/{libraryId}"], posts: 300, limit: TimeSpan.FromMinutes(2));

        Assert.True(outcome.Posts >= 100, $"Only {outcome.Posts} posts");
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_peer_support_and_consent_forms_get_no_server_error()
    {
        using var hub = new FailingWellApp().With("Network:Role", "Hub");
        var memberId = await PeersSupport.AddMemberAsync(hub, "Fuzzed Trust");
        await PeersSupport.SendAsync(hub, new Web.Features.Network.Hub.StoreSignals.Command(memberId, new Web.Features.Network.SignalsMessage(true, [InsularitySignals.FallingReporting])));
        var offer = await PeersSupport.SendAsync(hub, new Web.Features.Network.Hub.OfferSupport.Command { MemberId = memberId, Offer = "A peer review." },
            (await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator)).Id);
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var hubCookies = new System.Net.CookieContainer();
        using var hubSignedIn = await Staff.SignInAsync(hub, coordinator, hubCookies);
        var atHub = await new FormFuzzer(() => hub.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(hubCookies)), seed: 22)
            .RunAsync([$"/network/hub/offer?memberId={memberId}", $"/network/hub/review?offerId={offer}", "/network/hub/members"], posts: 200, limit: TimeSpan.FromMinutes(2));

        using var member = MemberWithoutHub();
        var admin = await Staff.CreateAsync(member, StaffRoles.Admin);
        await PeersSupport.SendAsync(member, new Web.Features.Network.Member.StoreSupportOffers.Command([new(7, new DateOnly(2026, 11, 2), "A peer review.", "Offered", null, null, null, null)]));
        var memberCookies = new System.Net.CookieContainer();
        using var memberSignedIn = await Staff.SignInAsync(member, admin, memberCookies);
        var atMember = await new FormFuzzer(() => member.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(memberCookies)), seed: 23)
            .RunAsync(["/admin/network-consent", "/network/support", "/admin/network"], posts: 200, limit: TimeSpan.FromMinutes(2));

        foreach (var outcome in new[] { atHub, atMember })
        {
            Assert.True(outcome.Posts >= 60, $"Only {outcome.Posts} posts");
            Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
        }
    }
}
