using System.Globalization;

namespace FailingWell.Web.Features.Culture;

/// <summary>Imports peers' published rates (organisation,period,rate_per_1000_bed_days,peer_group), all or nothing.</summary>
public static class ImportPeerRates
{
    public const string Header = "organisation,period,rate_per_1000_bed_days,peer_group";

    public sealed class Command : CsvImport.Command;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var peers = CsvImport.Read(request, Header, Parse,
                p => (p.Organisation, p.Month, p.PeerGroup), p => $"{p.Organisation} {p.Month:yyyy-MM}");
            await CsvImport.UpsertAsync(db.PeerRates, peers, p => e => e.Organisation == p.Organisation && e.Month == p.Month && e.PeerGroup == p.PeerGroup,
                (existing, p) => existing.RatePer1000BedDays = p.RatePer1000BedDays, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Imported {peers.Count} peer rates from CSV";
            return peers.Count;
        }

        private static PeerRate? Parse(IReadOnlyList<string> f, List<string> problems)
        {
            if (f[0].Length is 0 or > 200)
            {
                problems.Add("the organisation is missing or too long");
            }

            var month = MonthText.Parse(f[1]);
            if (month is null)
            {
                problems.Add($"'{f[1]}' is not a period like 2026-10");
            }

            if (!decimal.TryParse(f[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate > 10_000m)
            {
                problems.Add($"rate '{f[2]}' is not a number from 0 to 10,000");
            }

            if (f[3].Length is 0 or > 100)
            {
                problems.Add("the peer group is missing or too long");
            }

            return problems.Count > 0 ? null : new PeerRate { Organisation = f[0], Month = month!.Value, RatePer1000BedDays = rate, PeerGroup = f[3] };
        }
    }
}
