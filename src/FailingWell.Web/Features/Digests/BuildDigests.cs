namespace FailingWell.Web.Features.Digests;

/// <summary>Builds a period's packs on demand: leads and admins on /digests, operators with the <c>digests build</c> verb.</summary>
public static class BuildDigests
{
    public sealed class Command : Change<int>
    {
        public string? Stream { get; set; }

        public string? Period { get; set; }

        public override string AuditAction => $"Built digests for {Period} ({Stream})";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UkTime time)
        {
            RuleFor(c => c.Stream).Must(s => s is "all" || Enum.TryParse<GovernanceStream>(s, out _)).WithMessage("Choose a stream");
            RuleFor(c => c.Period)
                .Must(p => Period.TryParse(p, out _)).WithMessage("Enter a week like 2026-W46 or a month like 2026-11")
                .Must(p => !Period.TryParse(p, out var period) || period.End <= time.Today)
                .WithMessage("That period has not finished yet: a digest is built once its period is over");
        }
    }

    public sealed class Handler(DigestBuilder builder, DigestRuns runs) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!Period.TryParse(request.Period, out var period))
            {
                throw new InvalidOperationException("The validator lets only real periods through.");
            }

            var streams = request.Stream == "all" ? Enum.GetValues<GovernanceStream>() : [Enum.Parse<GovernanceStream>(request.Stream!)];
            // Every stream's reads in one pass each (DigestBuilder), not once a stream.
            var built = await builder.BuildAsync(streams, period, cancellationToken);

            await runs.NotifyAsync(built, cancellationToken);
            return built.Count;
        }
    }
}
