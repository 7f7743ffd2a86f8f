using System.Text.Json;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Hub;
using FailingWell.Web.Features.Network.Member;
using static FailingWell.Tests.Network.PeersSupport;

namespace FailingWell.Tests.Network.Hub;

/// <summary>
/// The hub's handlers through the mediator, as CORE's inbox will call them once merged (the coordinator's
/// pages are tested after merge, when the NetworkCoordinator role exists).
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class HubHandlerTests
{
    [Fact]
    public async Task Signals_are_held_only_with_consent_replaced_on_each_message_and_deleted_when_it_is_withdrawn()
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var north = await AddMemberAsync(hub, "North Vale Hospitals");
        var south = await AddMemberAsync(hub, "South Moor Trust");

        await SendAsync(hub, new StoreSignals.Command(north, new SignalsMessage(true, [InsularitySignals.FallingReporting, InsularitySignals.NoLearningExchanged])));
        var listed = await SendAsync(hub, new ListMemberSignals.Query());
        var row = Assert.Single(listed); // South Moor has not consented: it is not there at all
        Assert.Equal("North Vale Hospitals", row.Name);
        Assert.Equal(["Reporting is falling", "No learning exchanged for six months"], row.Signals.Select(s => s.Signal.Title));

        await SendAsync(hub, new StoreSignals.Command(north, new SignalsMessage(true, [InsularitySignals.RisingAnonymousShare])));
        Assert.Equal([InsularitySignals.RisingAnonymousShare], (await SendAsync(hub, new ListMemberSignals.Query())).Single().Signals.Select(s => s.Signal.Name));

        await SendAsync(hub, new StoreSignals.Command(north, new SignalsMessage(false, [])));
        Assert.Empty(await SendAsync(hub, new ListMemberSignals.Query()));
        await using var scope = hub.Scope();
        Assert.False(await FailingWellApp.NewDbContext(scope).HubSignals.AnyAsync());
        Assert.NotEqual(north, south);
    }

    [Fact]
    public async Task Signals_sent_without_consent_are_refused()
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var north = await AddMemberAsync(hub, "North Vale Hospitals");
        var refusal = await RefusalAsync(() => SendAsync(hub, new StoreSignals.Command(north, new SignalsMessage(false, [InsularitySignals.FallingReporting]))));
        Assert.Contains("Without consent no signals are sent", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_accepted_then_reviewed_is_visible_to_that_member_only()
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.Admin); // stands in until the coordinator role is merged
        var north = await AddMemberAsync(hub, "North Vale Hospitals");
        var south = await AddMemberAsync(hub, "South Moor Trust");

        Assert.Contains("no signals shared", await RefusalAsync(() => SendAsync(hub, new OfferSupport.Command { MemberId = north, Offer = "A visit" }, coordinator.Id)), StringComparison.Ordinal);
        await SendAsync(hub, new StoreSignals.Command(north, new SignalsMessage(true, [InsularitySignals.FallingReporting])));
        var offerId = await SendAsync(hub, new OfferSupport.Command { MemberId = north, Offer = "A two-day peer review of incident reporting by East Park's patient safety team" }, coordinator.Id);

        Assert.Contains("accepted", await RefusalAsync(() => SendAsync(hub, new RecordPeerReview.Command { OfferId = offerId, StartsOn = "2027-01-10", EndsOn = "2027-01-11", Findings = "x" }, coordinator.Id)), StringComparison.Ordinal);
        Assert.Contains("no such offer", await RefusalAsync(() => SendAsync(hub, new StoreSupportReply.Command(south, new SupportReplyMessage(offerId, true)))), StringComparison.Ordinal);
        await SendAsync(hub, new StoreSupportReply.Command(north, new SupportReplyMessage(offerId, true)));
        await SendAsync(hub, new StoreSupportReply.Command(north, new SupportReplyMessage(offerId, true))); // delivered twice: no harm
        Assert.Contains("already been answered", await RefusalAsync(() => SendAsync(hub, new StoreSupportReply.Command(north, new SupportReplyMessage(offerId, false)))), StringComparison.Ordinal);
        await SendAsync(hub, new RecordPeerReview.Command { OfferId = offerId, StartsOn = "2027-01-10", EndsOn = "2027-01-11", Findings = "Reporters rarely hear back; feedback within 3 months began." }, coordinator.Id);

        var seen = Assert.Single(await SendAsync(hub, new SupportOffersForMember.Query(north)));
        Assert.Equal(("Accepted", new DateOnly(2026, 11, 15), new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 11)), (seen.Status, seen.RepliedOn!.Value, seen.ReviewStartsOn!.Value, seen.ReviewEndsOn!.Value));
        Assert.StartsWith("Reporters rarely hear back", seen.Findings, StringComparison.Ordinal);
        Assert.Empty(await SendAsync(hub, new SupportOffersForMember.Query(south)));
        Assert.Equal("North Vale Hospitals", (await SendAsync(hub, new ListHubOffers.Query())).Single().MemberName);
    }

    [Theory]
    [InlineData("", "2027-01-11", "Findings", "Enter the start date like 2027-03-01")]
    [InlineData("2027-01-12", "2027-01-11", "Findings", "The end date must be the same as or after the start date")]
    [InlineData("2027-02-30", "2027-03-01", "Findings", "Enter the start date like 2027-03-01")]
    [InlineData("2027-01-10", "2027-01-11", " ", "Enter the review's findings")]
    public async Task A_review_with_bad_dates_or_no_findings_is_explained(string starts, string ends, string findings, string message)
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var refusal = await RefusalAsync(() => SendAsync(hub, new RecordPeerReview.Command { OfferId = 1, StartsOn = starts, EndsOn = ends, Findings = findings }, "nobody"));
        Assert.Contains(message, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aggregates_replace_a_members_months_and_every_current_member_sees_all_with_its_own_marked()
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var north = await AddMemberAsync(hub, "North Vale Hospitals");
        var south = await AddMemberAsync(hub, "South Moor Trust", "Community trust");
        var gone = await AddMemberAsync(hub, "Gone Trust", revoked: true);

        await SendAsync(hub, new StoreAggregates.Command(north, new([new("2026-09", 90, 4000, 80, 10, 20), new("2026-10", 100, 4100, 90, 12, 21)])));
        await SendAsync(hub, new StoreAggregates.Command(north, new([new("2026-10", 101, 4100, 91, 12, 21)])));
        await SendAsync(hub, new StoreAggregates.Command(south, new([new("2026-10", 40, 2000, 30, 3, 10)]))); // 3 slipped through: held as null
        await SendAsync(hub, new StoreAggregates.Command(gone, new([new("2026-10", 40, 2000, 30, 6, 10)])));

        var seen = await SendAsync(hub, new PeerAggregatesForMember.Query(south));
        Assert.Equal(["North Vale Hospitals", "South Moor Trust"], seen.Select(o => o.Name));
        Assert.Equal([new MonthlyAggregate("2026-10", 101, 4100, 91, 12, 21)], seen[0].Months);
        Assert.Equal((true, "Community trust", (int?)null), (seen[1].IsYou, seen[1].OrganisationType, seen[1].Months[0].NearMisses));
        Assert.False(seen[0].IsYou);

        Assert.Contains("yyyy-MM", await RefusalAsync(() => SendAsync(hub, new StoreAggregates.Command(north, new([new("October", 1, 1, 1, 1, 1)])))), StringComparison.Ordinal);
        Assert.Contains("negative", await RefusalAsync(() => SendAsync(hub, new StoreAggregates.Command(north, new([new("2026-10", -5, 1, 1, 1, 1)])))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_member_publishes_carries_none_of_its_report_text_or_references_into_the_hubs_database()
    {
        using var member = new FailingWellApp { Clock = Clock() };
        const string secret = "Mrs Zebedee Quartermaine fell from bed 14 on Larkspur ward";
        await SaveReportsAsync(member, October.AddDays(2), 30, new ReportBuilder { WhatHappened = secret });
        await SaveBedDaysAsync(member, October, 3000);
        await SendAsync(member, new PublishAggregates.Command());
        string[] references;
        await using (var scope = member.Scope())
        {
            references = [.. await FailingWellApp.NewDbContext(scope).Reports.Select(r => r.Reference).ToListAsync()];
        }

        using var hub = new FailingWellApp { Clock = Clock() };
        var id = await AddMemberAsync(hub, "North Vale Hospitals");
        var (kind, json) = Sent(member).Single();
        Assert.Equal(PeerMessageKinds.Aggregates, kind);
        await SendAsync(hub, new StoreAggregates.Command(id, Payload<MonthlyAggregatesMessage>(json)));

        Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        Assert.All(references, r => Assert.DoesNotContain(r, json, StringComparison.Ordinal));
        if (hub.Provider == Web.Infrastructure.Data.DatabaseProvider.Sqlite)
        {
            var bytes = DatabaseBytes.Read(hub.DatabasePath);
            Assert.False(DatabaseBytes.Contains(bytes, "Zebedee"));
            Assert.All(references, r => Assert.False(DatabaseBytes.Contains(bytes, r)));
        }

        await using var hubScope = hub.Scope();
        Assert.Equal(30, (await FailingWellApp.NewDbContext(hubScope).HubAggregates.SingleAsync(a => a.Month == October)).Reports);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(json).RootElement.ValueKind);
    }
}
