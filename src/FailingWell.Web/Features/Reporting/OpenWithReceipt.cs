namespace FailingWell.Web.Features.Reporting;

/// <summary>Finds the report a receipt code opens. Always one slow hash, found or not.</summary>
public static class OpenWithReceipt
{
    public sealed class Command : IRequest<int?>
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(o => o.Code).Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Enter your receipt code");
    }

    public sealed class Handler(FailingWellDbContext db, PendingReceipts pending, ReportIntake intake) : IRequestHandler<Command, int?>
    {
        // What a mistyped code is checked as, so that it costs the same as a real one.
        private static readonly string Malformed = new('0', ReceiptCodes.CodeLength);

        public async Task<int?> Handle(Command request, CancellationToken cancellationToken)
        {
            var code = ReceiptCodes.Normalise(request.Code);
            var locator = code is null ? null : ReceiptCodes.LocatorOf(code);
            var candidate = locator is null ? null : await CandidateAsync(locator, cancellationToken);
            if (candidate is { ReceiptHash.Length: 0 } && code is not null)
            {
                // A code issued moments ago: its hash is still being worked out, so it is checked
                // against the memory that holds it, and the work done here is what gets stored.
                var check = pending.Check(code, candidate.ReceiptSalt);
                if (check.Found)
                {
                    if (!check.Matches)
                    {
                        return null;
                    }

                    await intake.SecureReceiptAsync(candidate.Id, check.Hash);
                    pending.Secured(candidate.Locator);
                    return candidate.Id;
                }

                // Secured between the two looks, or issued by another server and not hashed yet. The
                // hash just worked out is the one to compare, so this path costs no second hash.
                var now = await CandidateAsync(locator!, cancellationToken);
                return now is { ReceiptHash.Length: > 0 } && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(check.Hash, now.ReceiptHash)
                    ? now.Id
                    : null;
            }

            var matches = ReceiptCodes.Matches(code ?? Malformed, candidate?.ReceiptSalt, candidate?.ReceiptHash);
            return matches && code is not null ? candidate!.Id : null;
        }

        private sealed record Candidate(int Id, string Locator, byte[] ReceiptSalt, byte[] ReceiptHash);

        private Task<Candidate?> CandidateAsync(string locator, CancellationToken cancellationToken) =>
            db.Reports.AsNoTracking()
                .Where(r => r.ReceiptLocator == locator)
                .Select(r => new Candidate(r.Id, r.ReceiptLocator, r.ReceiptSalt, r.ReceiptHash))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
