using System.Globalization;
using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// The network's funnel plot for /network/peers: the same 12 months for every organisation (the 12 ending with
/// the latest month this organisation published, or the latest held), reports and bed days summed over them.
/// An organisation missing a month, or with a suppressed count or no bed days in one, is "not enough data".
/// </summary>
public static class PeersView
{
    public const int Months = 12;

    public sealed record Query : IRequest<Result>;

    public sealed record Result(bool HasData, string? FirstMonth, string? LastMonth, Funnel Funnel, IReadOnlyList<string> NotEnoughData, string Summary);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var rows = await db.PeerAggregates.AsNoTracking().ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return new Result(false, null, null, FunnelPlot.Build([]), [], "No figures have come from the network yet.");
            }

            var last = rows.Where(r => r.IsYou).Select(r => (DateOnly?)r.Month).Max() ?? rows.Max(r => r.Month);
            var first = last.AddMonths(-(Months - 1));
            var inputs = new List<FunnelInput>();
            var notEnough = new List<string>();
            foreach (var organisation in rows.GroupBy(r => r.Organisation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var months = organisation.Where(r => r.Month >= first && r.Month <= last).ToList();
                if (months.Count < Months || months.Any(m => m.Reports is null || m.BedDays is not > 0))
                {
                    notEnough.Add(organisation.Key);
                    continue;
                }

                inputs.Add(new FunnelInput(organisation.Key, months.Sum(m => m.Reports!.Value), months.Sum(m => m.BedDays!.Value), organisation.Any(m => m.IsYou)));
            }

            var funnel = FunnelPlot.Build(inputs);
            return new Result(true, MonthText(first), MonthText(last), funnel, notEnough, Summarise(funnel, rows.Any(r => r.IsYou)));
        }

        private static string MonthText(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>Where this organisation sits, in words.</summary>
    public static string Summarise(Funnel funnel, bool weArePublished)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var english = CultureInfo.GetCultureInfo("en-GB");
        var us = funnel.Points.FirstOrDefault(p => p.IsYou);
        if (us is null)
        {
            return weArePublished
                ? "This organisation does not have enough data in these months to be placed on the plot."
                : "This organisation's figures are not on the plot yet: they are published on the 2nd of each month.";
        }

        var rate = us.Rate.ToString("0.0", english);
        var pooled = funnel.PooledRate.ToString("0.0", english);
        var where = (us.Against95, us.Against998) switch
        {
            (_, FunnelPosition.Below) => "below the 99.8% limit: reporting is much lower than the network's for the care given, very unlikely to be chance. Lower reporting usually means staff report less, not that care is safer.",
            (_, FunnelPosition.Above) => "above the 99.8% limit: reporting is much higher than the network's for the care given, a sign of an open reporting culture.",
            (FunnelPosition.Below, _) => "below the 95% limit but inside the 99.8% limit: lower than the network's, which deserves a look.",
            (FunnelPosition.Above, _) => "above the 95% limit but inside the 99.8% limit: higher than the network's.",
            _ => "inside both limits: the difference from the network's rate is what chance alone would give.",
        };
        return $"This organisation reported {rate} per 1,000 bed days against the network's {pooled}, {where}";
    }
}
