namespace FailingWell.Web.Features.Lfpse.Lead;

/// <summary>
/// The report page's LFPSE summary: whether the report goes, where its event stands, LFPSE's reference
/// number and messages. Nothing for a report that does not go and never went.
/// </summary>
public static class LfpseStatus
{
    public sealed record Query(int ReportId) : IRequest<Summary?>;

    /// <param name="State">None while no lead has confirmed the answers.</param>
    public sealed record Summary(int ReportId, LfpseState? State, string? LfpseReference, IReadOnlyList<string> Messages, DateOnly? ConfirmedOn, bool Applies)
    {
        public string StateText => State switch
        {
            null => "Not yet confirmed",
            LfpseState.Pending => "Waiting to be sent",
            LfpseState.Sending => "Being sent",
            LfpseState.Sent => "Sent",
            LfpseState.Warning => "Sent, with a warning from LFPSE",
            LfpseState.Failed => "Failed: an admin is to retry it",
            LfpseState.NeedsCheck => "To check: LFPSE may hold it; an admin checks before it is sent again",
            var other => other.ToString()!,
        };

        public string TagColour => State switch
        {
            null => "nhsuk-tag--grey",
            LfpseState.Sent => "nhsuk-tag--green",
            LfpseState.Warning or LfpseState.NeedsCheck => "nhsuk-tag--orange",
            LfpseState.Failed => "nhsuk-tag--red",
            _ => "nhsuk-tag--blue",
        };
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Summary?>
    {
        public async Task<Summary?> Handle(Query request, CancellationToken cancellationToken)
        {
            var report = await db.Reports.AsNoTracking().Where(r => r.Id == request.ReportId)
                .Select(r => new Report { Id = r.Id, Stream = r.Stream, PersonAffected = r.PersonAffected })
                .SingleOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            var lfpseEvent = await db.LfpseEvents.AsNoTracking().SingleOrDefaultAsync(e => e.ReportId == report.Id, cancellationToken);
            var applies = LfpseEventMapper.Applies(report);
            if (!applies && lfpseEvent is null)
            {
                return null;
            }

            var messages = lfpseEvent?.Messages?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            return new Summary(report.Id, lfpseEvent?.State, lfpseEvent?.LfpseReference, messages, lfpseEvent?.ConfirmedOn, applies);
        }
    }
}
