using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Lfpse.Lead;

/// <summary>
/// The lead's LFPSE confirmation page: the report, the answers to start from (those confirmed before, or the
/// reporter's words), what an admin must map first, and, for answers the lead typed, the preview: the exact
/// JSON the confirmation would put in the outbox (built by <see cref="LfpseDrafts.BuildAsync"/>, as the
/// confirmation builds it).
/// </summary>
public static class LfpseForm
{
    /// <param name="Answers">The lead's answers to preview; none for the page as first shown.</param>
    /// <param name="Previewed">The fingerprint of the JSON the lead last saw, to tell whether it still holds.</param>
    /// <param name="RecordView">Opening the page shows the report's words and is recorded, as the report page is; a post is not.</param>
    public sealed record Query(int ReportId, ConfirmLfpseEvent.Command? Answers = null, string? Previewed = null, bool RecordView = true) : IRequest<Form?>, IAuditedRequest
    {
        public string ActorAccountId { get; set; } = "";

        public string AuditAction => RecordView ? "Viewed for LFPSE" : "";

        public AuditSubject AuditSubject => AuditSubject.Report(ReportId);
    }

    public sealed record Form(
        int ReportId, string Reference, string? Title, ReportKind Kind, Guid Version, bool Applies, bool PatientAffected,
        LfpseEvent Start, LfpseState? State, string? LfpseReference, IReadOnlyList<string> MappingsMissing, Preview? Preview)
    {
        public bool IsIncident => Kind is ReportKind.Incident or ReportKind.NearMiss;

        /// <summary>A risk, and an incident where no patient was affected, say whether the risk is imminent.</summary>
        public bool AsksRiskImminent => Kind == ReportKind.Concern || (IsIncident && !PatientAffected);

        public bool AsksHowItCouldHappenAgain => Kind == ReportKind.GoodPractice;

        /// <summary>Already confirmed once: a new confirmation is an update of the same event at LFPSE.</summary>
        public bool IsUpdate => State is not null;

        /// <summary>The preview can be confirmed: it is complete and is the one the lead saw.</summary>
        public bool CanConfirm => Applies && MappingsMissing.Count == 0 && Preview is { Json: not null, Changed: false };
    }

    /// <param name="Json">The AdverseEvent exactly as it would be sent; null when something is missing.</param>
    /// <param name="Missing">What is missing, in LFPSE's terms, when nothing can be sent.</param>
    /// <param name="Fingerprint">SHA-256 of <paramref name="Json"/>, carried by the form to the confirmation.</param>
    /// <param name="Changed">The lead confirmed a preview other than this one (answers edited since, or the report changed).</param>
    public sealed record Preview(string? Json, IReadOnlyList<string> Missing, string? Fingerprint, bool Changed);

    public sealed class Handler(FailingWellDbContext db, UkTime time, IOptions<LfpseSettings> options) : IRequestHandler<Query, Form?>
    {
        public async Task<Form?> Handle(Query request, CancellationToken cancellationToken)
        {
            // Tracked, so the draft can load the report's division, location, category and staff group; nothing is saved.
            var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == request.ReportId, cancellationToken);
            if (report is null)
            {
                return null;
            }

            var confirmed = await db.LfpseEvents.AsNoTracking().SingleOrDefaultAsync(e => e.ReportId == report.Id, cancellationToken);
            var applies = LfpseEventMapper.Applies(report);
            var settings = options.Value;

            // The lead's own answers filled in, so that what is left missing is what only an admin can give.
            var probe = await LfpseDrafts.BuildAsync(db, report, new Probe(report.Kind), time.Today, settings, cancellationToken);

            Preview? preview = null;
            if (request.Answers is { } answers)
            {
                var result = await new ConfirmLfpseEvent.Validator().ValidateAsync(answers, cancellationToken);
                if (!result.IsValid)
                {
                    throw new RequestValidationException(typeof(ConfirmLfpseEvent.Command), result.Errors);
                }

                // A report that does not go has nothing to preview: the confirmation says why it is refused.
                preview = applies ? await PreviewAsync(report, answers, request.Previewed, settings, cancellationToken) : new Preview(null, [], null, false);
            }

            return new Form(
                report.Id, report.Reference, report.Title, report.Kind, report.Version, applies, report.PersonAffected == PersonAffected.Patient,
                LfpseDrafts.Start(report, confirmed), confirmed?.State, confirmed?.LfpseReference, probe.Mapped.Missing, preview);
        }

        private async Task<Preview> PreviewAsync(Report report, ConfirmLfpseEvent.Command answers, string? previewed, LfpseSettings settings, CancellationToken cancellationToken)
        {
            var draft = await LfpseDrafts.BuildAsync(db, report, answers, time.Today, settings, cancellationToken);
            var json = draft.Mapped.Event is { } adverseEvent ? LfpseJson.Write(adverseEvent) : null;
            var fingerprint = json is null ? null : Fingerprint(json);
            var changed = json is not null && previewed is not null && !string.Equals(previewed, fingerprint, StringComparison.Ordinal);
            return new Preview(json, draft.Mapped.Missing, fingerprint, changed);
        }

        private static string Fingerprint(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private sealed class Probe(ReportKind kind) : ILfpseAnswers
    {
        public string? Description => "-";

        public string? ImmediateActions => null;

        public string? LevelOfConcern => LfpseTaxonomy.Shipped.Codes("worry-scale")[0].Code;

        public string? RiskImminent => "u";

        public string? HowFutureOccurrence => kind == ReportKind.GoodPractice ? "-" : null;

        public bool? DutyOfCandour => null;

        public bool? NeverEvent => null;

        public string? NeverEventType => null;

        public bool? SeriousIncident => null;
    }
}
