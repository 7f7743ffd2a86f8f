namespace FailingWell.Web.Features.Network;

// What PEERS sends and pulls across the network (issue 21). Every figure is suppressed before it leaves a
// member: a count of 1 to 4 is null, and so is a second cell where the first could be worked out.

/// <summary>One month of a member's own figures, <paramref name="Month"/> as yyyy-MM; null is suppressed.</summary>
public sealed record MonthlyAggregate(string Month, int? Reports, double? BedDays, int? NoOrLowHarm, int? NearMisses, int? Anonymous);

/// <summary>Member → hub, kind <see cref="PeerMessageKinds.Aggregates"/>: the last 13 complete months.</summary>
public sealed record MonthlyAggregatesMessage(IReadOnlyList<MonthlyAggregate> Months);

/// <summary>
/// Member → hub, kind <see cref="PeerMessageKinds.Signals"/>: the current insularity signals when consent is on,
/// or Consent=false with no signals when it is withdrawn (the hub then deletes what it holds).
/// </summary>
public sealed record SignalsMessage(bool Consent, IReadOnlyList<string> Signals);

/// <summary>Member → hub, kind <see cref="PeerMessageKinds.SupportReply"/>: the member's answer to an offer.</summary>
public sealed record SupportReplyMessage(int OfferId, bool Accepted);

/// <summary>Hub → member (GET /network/api/peers): one member's months, <see cref="IsYou"/> for the asking member.</summary>
public sealed record PeerOrganisation(string Name, string OrganisationType, bool IsYou, IReadOnlyList<MonthlyAggregate> Months);

/// <summary>Hub → member (GET /network/api/support): an offer to that member and any peer review recorded.</summary>
public sealed record SupportOfferSummary(int OfferId, DateOnly OfferedOn, string Offer, string Status, DateOnly? RepliedOn,
    DateOnly? ReviewStartsOn, DateOnly? ReviewEndsOn, string? Findings);

public static class PeerMessageKinds
{
    public const string Aggregates = "aggregates";
    public const string Signals = "signals";
    public const string SupportReply = "support-reply";

    /// <summary>"2026-11" for November 2026.</summary>
    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first day of a yyyy-MM month, or null when it is not one.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day : null;
}
