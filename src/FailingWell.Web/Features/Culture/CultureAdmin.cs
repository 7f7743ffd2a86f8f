using System.Globalization;
using FailingWell.Web.Features.Admin;
using FluentValidation.Results;

namespace FailingWell.Web.Features.Culture;

/// <summary>Bed days and staff numbers per division per month, typed in or imported from CSV.</summary>
public static class SaveDenominator
{
    public sealed class Command : AdminChange<Unit>
    {
        public int? DivisionId { get; set; }

        public string? Month { get; set; }

        public int? BedDays { get; set; }

        public decimal? StaffWte { get; set; }

        public RateBasis? RateBasis { get; set; }
    }

    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.DivisionId).MustAsync(async (id, ct) => id is not null && await db.Divisions.AnyAsync(d => d.Id == id, ct)).WithMessage("Choose a division");
            RuleFor(c => c.Month).Must(m => ParseMonth(m) is not null).WithMessage("Enter the month like 2026-10");
            RuleFor(c => c.BedDays).InclusiveBetween(0, 1_000_000).WithMessage("Enter bed days from 0 to 1,000,000");
            RuleFor(c => c.StaffWte).InclusiveBetween(0m, 100_000m).WithMessage("Enter staff from 0 to 100,000 whole-time equivalents");
            RuleFor(c => c).Must(c => c.BedDays is not null || c.StaffWte is not null).WithName("BedDays").OverridePropertyName("BedDays")
                .WithMessage("Enter bed days, staff numbers or both");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var month = ParseMonth(request.Month)!.Value;
            var row = await db.Denominators.SingleOrDefaultAsync(d => d.DivisionId == request.DivisionId && d.Month == month, cancellationToken);
            if (row is null)
            {
                row = new Denominator { DivisionId = request.DivisionId!.Value, Month = month };
                db.Denominators.Add(row);
            }

            row.BedDays = request.BedDays;
            row.StaffWte = request.StaffWte;
            if (request.RateBasis is { } basis)
            {
                var division = await db.Divisions.SingleAsync(d => d.Id == request.DivisionId, cancellationToken);
                division.RateBasis = basis;
            }

            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Set denominators for division {request.DivisionId}, {request.Month}";
            return Unit.Value;
        }
    }
}

/// <summary>
/// Imports a CSV of denominators (division,month,bed_days,staff_wte). A file with any bad row imports
/// nothing, and each bad row is reported by line number with the reason.
/// </summary>
public static class ImportDenominators
{
    public sealed class Command : AdminChange<int>
    {
        public string Text { get; set; } = "";
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.ToDictionaryAsync(d => d.Name.ToUpperInvariant(), d => d.Id, cancellationToken);
            var (parsed, errors) = CsvText.Read(request.Text, "division,month,bed_days,staff_wte", (row, problems) =>
            {
                var f = row.Fields;
                if (!divisions.TryGetValue(f[0].ToUpperInvariant(), out var divisionId))
                {
                    problems.Add($"'{f[0]}' is not a division");
                }

                var month = SaveDenominator.ParseMonth(f[1]);
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
            }, d => (d.DivisionId, d.Month), d => $"That division's {d.Month:yyyy-MM}");

            if (errors.Count > 0)
            {
                throw new Infrastructure.Mediation.RequestValidationException(typeof(Command), errors.Select(e => new ValidationFailure("File", e)));
            }

            foreach (var denominator in parsed)
            {
                var existing = await db.Denominators.SingleOrDefaultAsync(d => d.DivisionId == denominator.DivisionId && d.Month == denominator.Month, cancellationToken);
                if (existing is null)
                {
                    db.Denominators.Add(denominator);
                }
                else
                {
                    existing.BedDays = denominator.BedDays;
                    existing.StaffWte = denominator.StaffWte;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Imported {parsed.Count} denominators from CSV";
            return parsed.Count;
        }
    }
}

/// <summary>Imports peers' published rates (organisation,period,rate_per_1000_bed_days,peer_group), all or nothing.</summary>
public static class ImportPeerRates
{
    public sealed class Command : AdminChange<int>
    {
        public string Text { get; set; } = "";
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var (parsed, errors) = CsvText.Read(request.Text, "organisation,period,rate_per_1000_bed_days,peer_group", (row, problems) =>
            {
                var f = row.Fields;
                if (f[0].Length is 0 or > 200)
                {
                    problems.Add("the organisation is missing or too long");
                }

                var month = SaveDenominator.ParseMonth(f[1]);
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
            }, p => (p.Organisation, p.Month, p.PeerGroup), p => $"{p.Organisation} {p.Month:yyyy-MM}");

            if (errors.Count > 0)
            {
                throw new Infrastructure.Mediation.RequestValidationException(typeof(Command), errors.Select(e => new ValidationFailure("File", e)));
            }

            foreach (var peer in parsed)
            {
                var existing = await db.PeerRates.SingleOrDefaultAsync(p => p.Organisation == peer.Organisation && p.Month == peer.Month && p.PeerGroup == peer.PeerGroup, cancellationToken);
                if (existing is null)
                {
                    db.PeerRates.Add(peer);
                }
                else
                {
                    existing.RatePer1000BedDays = peer.RatePer1000BedDays;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Imported {parsed.Count} peer rates from CSV";
            return parsed.Count;
        }
    }
}

public static class AddAnnotation
{
    public sealed class Command : AdminChange<int>
    {
        public string? On { get; set; }

        public string? Text { get; set; }

        public bool RecalculateLimits { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.On).Must(o => DateOnly.TryParseExact(o, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)).WithMessage("Enter the date like 2013-07-01");
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what happened, like 'Placed in special measures'")
                .MaximumLength(200).WithMessage("Keep it to 200 characters");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var annotation = new Annotation
            {
                On = DateOnly.ParseExact(request.On!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Text = request.Text!.Trim(),
                RecalculateLimits = request.RecalculateLimits,
            };
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Added timeline event '{annotation.Text}' on {request.On}";
            return annotation.Id;
        }
    }
}

public static class RemoveAnnotation
{
    public sealed class Command : AdminChange<Unit>
    {
        public int AnnotationId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var annotation = await db.Annotations.SingleOrDefaultAsync(a => a.Id == request.AnnotationId, cancellationToken)
                ?? throw request.Refuse("", "That event no longer exists.");
            db.Annotations.Remove(annotation);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Removed timeline event '{annotation.Text}'";
            return Unit.Value;
        }
    }
}
