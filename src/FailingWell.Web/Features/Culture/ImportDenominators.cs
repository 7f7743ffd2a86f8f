using System.Globalization;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// Imports a CSV of denominators (division,month,bed_days,staff_wte). A file with any bad row imports
/// nothing, and each bad row is reported by line number with the reason.
/// </summary>
public static class ImportDenominators
{
    public const string Header = "division,month,bed_days,staff_wte";

    public sealed class Command : CsvImport.Command;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.ToDictionaryAsync(d => d.Name.ToUpperInvariant(), d => d.Id, cancellationToken);
            var denominators = CsvImport.Read(request, Header, (fields, problems) => Parse(fields, divisions, problems),
                d => (d.DivisionId, d.Month), d => $"That division's {d.Month:yyyy-MM}");
            await CsvImport.UpsertAsync(db.Denominators, denominators, d => e => e.DivisionId == d.DivisionId && e.Month == d.Month, (existing, d) =>
            {
                existing.BedDays = d.BedDays;
                existing.StaffWte = d.StaffWte;
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Imported {denominators.Count} denominators from CSV";
            return denominators.Count;
        }

        private static Denominator? Parse(IReadOnlyList<string> f, Dictionary<string, int> divisions, List<string> problems)
        {
            if (!divisions.TryGetValue(f[0].ToUpperInvariant(), out var divisionId))
            {
                problems.Add($"'{f[0]}' is not a division");
            }

            var month = MonthText.Parse(f[1]);
            if (month is null)
            {
                problems.Add($"'{f[1]}' is not a month like 2026-10");
            }

            int? bedDays = null;
            if (f[2].Length > 0)
            {
                if (int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b <= 1_000_000)
                {
                    bedDays = b;
                }
                else
                {
                    problems.Add($"bed days '{f[2]}' is not a whole number from 0 to 1,000,000");
                }
            }

            decimal? staff = null;
            if (f[3].Length > 0)
            {
                if (decimal.TryParse(f[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s <= 100_000m)
                {
                    staff = s;
                }
                else
                {
                    problems.Add($"staff '{f[3]}' is not a number from 0 to 100,000");
                }
            }

            if (bedDays is null && staff is null && problems.Count == 0)
            {
                problems.Add("give bed days, staff or both");
            }

            return problems.Count > 0 ? null : new Denominator { DivisionId = divisionId, Month = month!.Value, BedDays = bedDays, StaffWte = staff };
        }
    }
}
