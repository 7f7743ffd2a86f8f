using FailingWell.Web.Features.Network;

namespace FailingWell.Web.Features.Demo;

/// <summary>
/// The demo trust's learning network: its own published months beside four made-up peers of other sizes and
/// reporting cultures, and a small community trust with a month too small to publish ("not enough data"), as a
/// pull from a hub would store them; and one offer of peer support waiting for an answer. Deterministic.
/// </summary>
public sealed partial class DemoTrust
{
    private static readonly (string Name, string Type, double Size, double Rate)[] DemoPeers =
    [
        ("Northfield Hospitals NHS Trust", "Acute trust", 0.6, 1.25),
        ("Riverside University Hospitals", "Acute trust", 1.4, 1.05),
        ("Eastmoor and Wolds NHS Trust", "Acute trust", 0.9, 0.7),
        ("Southgate General Hospital", "Acute trust", 1.8, 0.95),
    ];

    private async Task AddNetworkAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2021);
        var own = await mediator.Send(new MonthlyAggregates.Query(), cancellationToken);
        var organisations = new List<PeerOrganisation> { new("Demo Trust (you)", "Acute trust", true, own.Months) };
        foreach (var (name, type, size, rate) in DemoPeers)
        {
            organisations.Add(new(name, type, false, [.. own.Months.Select(m =>
            {
                var bedDays = Math.Round((m.BedDays ?? 9000) * size * (0.95 + (random.NextDouble() * 0.1)));
                var reports = (int)Math.Round(bedDays / 1000 * ((m.Reports ?? 300) / (m.BedDays ?? 9000) * 1000) * rate * (0.9 + (random.NextDouble() * 0.2)));
                return MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(PeerMessageKinds.ParseMonth(m.Month)!.Value, reports, (int)bedDays,
                    (int)(reports * 0.8), (int)(reports * 0.12), (int)(reports * 0.25)));
            })]));
        }

        organisations.Add(new("Little Haven Community Trust", "Community trust", false, [.. own.Months.Select((m, i) =>
            MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(PeerMessageKinds.ParseMonth(m.Month)!.Value, i == 5 ? 3 : 12 + random.Next(6), 400, 10, 0, 2)))]));
        await mediator.Send(new StorePeerAggregates.Command(organisations), cancellationToken);
        await mediator.Send(new StoreSupportOffers.Command([new(1, today.AddDays(-9),
            "A two-day peer review of incident reporting and feedback to reporters by the patient safety team of Riverside University Hospitals, who turned their own reporting around in 2024.",
            "Offered", null, null, null, null)]), cancellationToken);
    }
}
