namespace FailingWell.Web.Features.Reporting;

/// <summary>Finds the report or speak-up case a receipt code opens. Always one fast hash, found or not.</summary>
public static class OpenWithReceipt
{
    /// <summary>A report, or (<see cref="IsSpeakUp"/>) a speak-up case: one code scheme for both.</summary>
    public sealed record Opened(int Id, bool IsSpeakUp = false);

    public sealed class Command : IRequest<Opened?>, IAnonymousJourney
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(o => o.Code).Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Enter your receipt code");
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Opened?>
    {
        // What a mistyped code is checked as, so that it costs the same as a real one.
        private static readonly string Malformed = new('0', ReceiptCodes.CodeLength);

        public async Task<Opened?> Handle(Command request, CancellationToken cancellationToken)
        {
            var code = ReceiptCodes.Normalise(request.Code);
            var locator = code is null ? null : ReceiptCodes.LocatorOf(code);
            var candidate = locator is null ? null : await CandidateAsync(locator, cancellationToken);
            if (candidate is { Verifier: ReceiptVerifier.Pbkdf2 } && code is not null)
            {
                // A code issued before verifiers were fast: checked the old, slow way once, then
                // its verifier is replaced so every later visit is fast (docs/decisions/0049).
                if (!await ReceiptCodes.MatchesLegacyInTurnAsync(code, candidate.ReceiptSalt, candidate.ReceiptHash, cancellationToken))
                {
                    return null;
                }

                var salt = ReceiptCodes.NewSalt();
                await db.Reports.Where(r => r.Id == candidate.Id && r.ReceiptVerifier == ReceiptVerifier.Pbkdf2)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.ReceiptSalt, salt)
                        .SetProperty(r => r.ReceiptHash, ReceiptCodes.Hash(ReceiptCodes.SecretOf(code), salt))
                        .SetProperty(r => r.ReceiptVerifier, ReceiptVerifier.HmacSha256), cancellationToken);
                return new Opened(candidate.Id);
            }

            var matches = ReceiptCodes.Matches(code ?? Malformed, candidate?.ReceiptSalt, candidate?.ReceiptHash);
            return matches && code is not null ? new Opened(candidate!.Id, candidate.IsSpeakUp) : null;
        }

        private sealed record Candidate(int Id, byte[] ReceiptSalt, byte[] ReceiptHash, ReceiptVerifier Verifier, bool IsSpeakUp = false);

        private async Task<Candidate?> CandidateAsync(string locator, CancellationToken cancellationToken) =>
            await db.Reports.AsNoTracking()
                .Where(r => r.ReceiptLocator == locator)
                .Select(r => new Candidate(r.Id, r.ReceiptSalt, r.ReceiptHash, r.ReceiptVerifier, false))
                .SingleOrDefaultAsync(cancellationToken)
            ?? await db.SpeakUpCases.AsNoTracking()
                .Where(c => c.ReceiptLocator == locator)
                .Select(c => new Candidate(c.Id, c.ReceiptSalt, c.ReceiptHash, ReceiptVerifier.HmacSha256, true))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
