using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Export;

/// <summary>
/// The guardian's own export: every speak-up case and its messages, as CSV files in one zip with their
/// data dictionary. Cases are for guardians only, so they are never in the admin's export, and this
/// export's audit entry is filed with the cases' entries, which the admin's log leaves out (decision 0093).
/// </summary>
public static class ExportSpeakUpCases
{
    public sealed class Query(Func<string, Stream> open) : IRequest<ExportEverything.Result>, IAuditedRequest
    {
        public Func<string, Stream> Open { get; } = open;

        [BindNever]
        public string ActorAccountId { get; set; } = "";

        [BindNever]
        public string AuditAction { get; set; } = "";

        public AuditSubject AuditSubject => AuditSubject.EverySpeakUpCase;
    }

    public sealed class Handler(FailingWellDbContext db, UkTime uk) : IRequestHandler<Query, ExportEverything.Result>
    {
        public async Task<ExportEverything.Result> Handle(Query request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var fileName = $"failingwell-speak-up-export-{uk.Today:yyyy-MM-dd}.zip";
            IReadOnlyList<ExportZip.FileCount> counts;
            await using (await ExportZip.SnapshotAsync(db, cancellationToken))
            {
                var names = await ExportNames.LoadAsync(db, cancellationToken);
                counts = await ExportZip.WriteAsync(db, request.Open(fileName), Files(names), cancellationToken);
            }

            request.AuditAction = "Exported every speak-up case: " + ExportNames.Describe(counts);
            return new ExportEverything.Result(fileName, counts);
        }

        private List<IExportFile> Files(ExportNames names) =>
        [
            new ExportFile<SpeakUpCase>("speak-up-cases.csv", Cases, c => c
                .Text("reference", s => s.Reference)
                .Code("route", s => s.Route)
                .Text("what_is_the_concern", s => s.WhatIsTheConcern)
                .Text("division", s => names.Division(s.DivisionId))
                .Text("location", s => names.Location(s.LocationId))
                .Code("openness", s => s.Openness)
                // An anonymous speaker's name is never kept; if one were, it would not leave here.
                .Text("reporter_name", s => s.Openness == SpeakUpOpenness.Anonymous ? null : s.ReporterName)
                .Text("reporter_email", s => s.Openness == SpeakUpOpenness.Anonymous ? null : s.ReporterEmail)
                .Code("why_anonymous", s => s.WhyAnonymous)
                .Date("received_on", s => s.ReceivedOn)
                .Code("received_band", s => s.ReceivedBand)
                .Code("status", s => s.Status)
                .Date("acknowledge_by", s => s.AcknowledgeBy)
                .Date("acknowledged_on", s => s.AcknowledgedOn)
                .Date("feedback_by", s => s.FeedbackBy)
                .Date("feedback_given_on", s => s.FeedbackGivenOn)
                .Date("closed_on", s => s.ClosedOn)
                .YesNo("patient_safety_element", s => s.PatientSafetyElement)
                .YesNo("worker_safety_element", s => s.WorkerSafetyElement)
                .YesNo("bullying_element", s => s.BullyingElement)
                .YesNo("behaviour_element", s => s.BehaviourElement)
                .Text("staff_group", s => names.StaffGroup(s.StaffGroupId))
                .YesNo("detriment_indicated", s => s.DetrimentIndicated)
                .Text("actions_taken", s => s.ActionsTaken)
                .Text("feedback", s => s.Feedback)
                .Code("would_speak_up_again", s => s.WouldSpeakUpAgain)
                .Code("detriment_at_check_in", s => s.DetrimentAtCheckIn)
                .Date("handed_over_on", s => s.HandedOverOn)
                .Text("hand_over_consent_note", s => s.HandOverConsentNote)),
            new ExportFile<MessageRow>("speak-up-messages.csv", Messages, c => c
                .Text("case_reference", m => m.CaseReference)
                .Code("author", m => m.Author)
                .Text("staff_name", m => m.StaffName)
                .Text("body", m => m.Body)
                .Date("sent_on", m => m.SentOn)
                .Code("sent_band", m => m.SentBand)),
        ];

        // In the order of their random references, never of arrival (as reports).
        private IAsyncEnumerable<SpeakUpCase> Cases() => db.SpeakUpCases.AsNoTracking().OrderBy(c => c.Reference).AsAsyncEnumerable();

        private IAsyncEnumerable<MessageRow> Messages() =>
            (from m in db.SpeakUpMessages.AsNoTracking()
             join c in db.SpeakUpCases on m.CaseId equals c.Id
             orderby c.Reference, m.Id
             select new MessageRow(c.Reference, m.Author, m.StaffName, m.Body, m.SentOn, m.SentBand)).AsAsyncEnumerable();
    }

    private sealed record MessageRow(string CaseReference, MessageAuthor Author, string? StaffName, string Body, DateOnly SentOn, TimeBand SentBand);
}
