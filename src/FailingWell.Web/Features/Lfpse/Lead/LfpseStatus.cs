namespace FailingWell.Web.Features.Lfpse.Lead;

/// <summary>
/// The report page's LFPSE summary: whether the report goes, where its event stands, LFPSE's reference
/// number and messages. Nothing for a report that does not go and never went.
/// </summary>
public static class LfpseStatus
{
    public sealed record Query(int ReportId) : IRequest<Summary?>;

    /// <param name="State">None while no lead has confirmed the answers.</param>
    /// <param name="ChangedSinceSent">What would be sent now differs from what LFPSE was last sent (harm regraded, a mapping changed).</param>
    public sealed record Summary(int ReportId, LfpseState? State, string? LfpseReference, IReadOnlyList<string> Messages, DateOnly? ConfirmedOn, bool Applies, bool ChangedSinceSent = false)
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

    public sealed class Handler(FailingWellDbContext db, Microsoft.Extensions.Options.IOptions<LfpseSettings> options) : IRequestHandler<Query, Summary?>
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
            var changed = applies && lfpseEvent is { State: LfpseState.Sent or LfpseState.Warning } && await ChangedSinceSentAsync(lfpseEvent, cancellationToken);
            return new Summary(report.Id, lfpseEvent?.State, lfpseEvent?.LfpseReference, messages, lfpseEvent?.ConfirmedOn, applies, changed);
        }

        /// <summary>
        /// The event built now from the report, the confirmed answers and today's mappings, against the body LFPSE
        /// last received. Built as on the day it was confirmed, so that only a change to what LFPSE holds counts,
        /// not the passing of days (the mapper's "occurred today" answer).
        /// </summary>
        private async Task<bool> ChangedSinceSentAsync(LfpseEvent confirmed, CancellationToken cancellationToken)
        {
            var lastSent = await db.LfpseOutbox.AsNoTracking()
                .Where(i => i.ReportId == confirmed.ReportId && (i.Status == LfpseState.Sent || i.Status == LfpseState.Warning))
                .OrderByDescending(i => i.Sequence).Select(i => i.Payload).FirstOrDefaultAsync(cancellationToken);
            var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == confirmed.ReportId, cancellationToken);
            if (lastSent is null || report is null)
            {
                return false;
            }

            var draft = await LfpseDrafts.BuildAsync(db, report, new ConfirmedAnswers(confirmed), confirmed.ConfirmedOn, options.Value, cancellationToken);
            return draft.Mapped.Event is null || LfpseJson.Write(draft.Mapped.Event) != lastSent;
        }
    }

    /// <summary>The answers a lead confirmed, read back as the form's answers.</summary>
    private sealed record ConfirmedAnswers(LfpseEvent Confirmed) : ILfpseAnswers
    {
        public string? Description => Confirmed.Description;

        public string? ImmediateActions => Confirmed.ImmediateActions;

        public string? LevelOfConcern => Confirmed.LevelOfConcern;

        public string? RiskImminent => Confirmed.RiskImminent;

        public string? HowFutureOccurrence => Confirmed.HowFutureOccurrence;

        public bool? DutyOfCandour => Confirmed.DutyOfCandour;

        public bool? NeverEvent => Confirmed.NeverEvent;

        public string? NeverEventType => Confirmed.NeverEventType;

        public bool? SeriousIncident => Confirmed.SeriousIncident;
    }
}
