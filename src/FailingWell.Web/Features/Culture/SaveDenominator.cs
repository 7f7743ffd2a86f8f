namespace FailingWell.Web.Features.Culture;

/// <summary>Bed days and staff numbers for one division and month, typed in on the form.</summary>
public static class SaveDenominator
{
    public sealed class Command : Change<Unit>
    {
        public int? DivisionId { get; set; }

        public string? Month { get; set; }

        public int? BedDays { get; set; }

        public decimal? StaffWte { get; set; }

        public RateBasis? RateBasis { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.DivisionId).MustAsync(async (id, ct) => id is not null && await db.Divisions.AnyAsync(d => d.Id == id, ct)).WithMessage("Choose a division");
            RuleFor(c => c.Month).Must(m => MonthText.Parse(m) is not null).WithMessage("Enter the month like 2026-10");
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
            var month = MonthText.Parse(request.Month)!.Value;
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
            request.AuditAction = $"Set denominators for division {request.DivisionId}, {request.Month}";
            return Unit.Value;
        }
    }
}
