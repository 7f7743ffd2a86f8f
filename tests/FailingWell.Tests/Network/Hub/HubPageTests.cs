using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Hub;
using static FailingWell.Tests.Network.PeersSupport;

namespace FailingWell.Tests.Network.Hub;

public sealed class HubPageTests
{
    [Fact]
    public async Task The_coordinator_sees_members_with_signals_offers_support_and_records_the_review_with_mistakes_explained()
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var north = await AddMemberAsync(hub, "North Vale Hospitals");
        await AddMemberAsync(hub, "South Moor Trust");
        await SendAsync(hub, new StoreSignals.Command(north, new SignalsMessage(true, [InsularitySignals.FallingReporting])));
        var coordinator = await CoordinatorAsync(hub);

        var signals = await coordinator.GetStringAsync(new Uri("/network/hub/signals", UriKind.Relative));
        Assert.Contains("North Vale Hospitals", signals, StringComparison.Ordinal);
        Assert.Contains("Reporting is falling", signals, StringComparison.Ordinal);
        Assert.DoesNotContain("South Moor Trust", signals, StringComparison.Ordinal);

        var path = $"/network/hub/offer?memberId={north}";
        var blank = await Forms.PostAsync(coordinator, path, new Dictionary<string, string> { ["Input.MemberId"] = $"{north}", ["Input.Offer"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Offer-error\"", blankHtml, StringComparison.Ordinal);
        Assert.Contains("Say what support you offer and from which peer organisation", blankHtml, StringComparison.Ordinal);
        var tooLong = await Forms.PostAsync(coordinator, path, new Dictionary<string, string> { ["Input.MemberId"] = $"{north}", ["Input.Offer"] = new string('x', 1001) });
        Assert.Contains("Keep the offer to 1000 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(new Uri("/network/hub/offer?memberId=999", UriKind.Relative))).StatusCode);
        var offered = await Forms.PostAsync(coordinator, path, new Dictionary<string, string> { ["Input.MemberId"] = $"{north}", ["Input.Offer"] = "A mentor from East Park's patient safety team" });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);

        var offerId = (await SendAsync(hub, new SupportOffersForMember.Query(north))).Single().OfferId;
        var support = await coordinator.GetStringAsync(new Uri("/network/hub/support", UriKind.Relative));
        Assert.Contains("Waiting for an answer", support, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the peer review", support, StringComparison.Ordinal);

        await SendAsync(hub, new StoreSupportReply.Command(north, new SupportReplyMessage(offerId, true)));
        Assert.Contains("Record the peer review", await coordinator.GetStringAsync(new Uri("/network/hub/support", UriKind.Relative)), StringComparison.Ordinal);
        var review = $"/network/hub/review?offerId={offerId}";
        var wrong = await Forms.PostAsync(coordinator, review, new Dictionary<string, string>
        {
            ["Input.OfferId"] = $"{offerId}", ["Input.StartsOn"] = "2027-01-12", ["Input.EndsOn"] = "2027-01-11", ["Input.Findings"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("The end date must be the same as or after the start date", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the review&#x27;s findings", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-01-12\"", wrongHtml, StringComparison.Ordinal);
        var garbage = await Forms.PostAsync(coordinator, review, new Dictionary<string, string> { ["Input.OfferId"] = "not a number", ["Input.StartsOn"] = "soon" });
        Assert.NotEqual(HttpStatusCode.InternalServerError, garbage.StatusCode);

        var saved = await Forms.PostAsync(coordinator, review, new Dictionary<string, string>
        {
            ["Input.OfferId"] = $"{offerId}", ["Input.StartsOn"] = "2027-01-10", ["Input.EndsOn"] = "2027-01-11", ["Input.Findings"] = "Reporters rarely hear back.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Reporters rarely hear back.", await coordinator.GetStringAsync(new Uri("/network/hub/support", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal("Reporters rarely hear back.", (await SendAsync(hub, new SupportOffersForMember.Query(north))).Single().Findings);
    }

    [Fact]
    public async Task The_coordinator_does_not_open_the_members_pages()
    {
        using var hub = new FailingWellApp { Clock = Clock() };
        var coordinator = await CoordinatorAsync(hub);
        foreach (var path in new[] { "/network/peers", "/network/support", "/admin/network-consent" })
        {
            var refused = await coordinator.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("http://localhost/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
