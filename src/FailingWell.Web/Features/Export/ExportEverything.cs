using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Export;

/// <summary>
/// Everything the organisation holds about its reports, as CSV files in one zip with their data
/// dictionary: reports with their triage, actions, messages, learning responses and safety actions.
/// Never a speak-up case (those are the guardian's own export), a receipt code or its verifier, or the
/// contact of an anonymous reporter. Streamed: no file's rows are ever all in memory. Audited with
/// how many rows each file held, never what they said.
/// </summary>
public static class ExportEverything
{
    public const string Name = "reports";

    /// <param name="Open">Gives the stream to write to, told the file name first (the page sets its headers then).</param>
    public sealed class Query(Func<string, Stream> open) : IRequest<Result>, IAuditedRequest
    {
        public Func<string, Stream> Open { get; } = open;

        /// <summary>Run by the command line rather than a signed-in admin.</summary>
        public bool FromCommandLine { get; init; }

        [BindNever]
        public string ActorAccountId { get; set; } = "";

        /// <summary>Written by the handler once the rows are counted.</summary>
        [BindNever]
        public string AuditAction { get; set; } = "";

        public AuditSubject AuditSubject => AuditSubject.None;
    }

    public sealed record Result(string FileName, IReadOnlyList<ExportZip.FileCount> Files);

    public sealed class Handler(FailingWellDbContext db, UkTime uk) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var fileName = $"failingwell-export-{uk.Today:yyyy-MM-dd}.zip";
            IReadOnlyList<ExportZip.FileCount> counts;
            await using (await ExportZip.SnapshotAsync(db, cancellationToken))
            {
                var names = await ExportNames.LoadAsync(db, cancellationToken);
                counts = await ExportZip.WriteAsync(db, request.Open(fileName), Files(names), cancellationToken);
            }

            request.AuditAction = (request.FromCommandLine ? "Exported everything from the command line: " : "Exported everything: ") + ExportNames.Describe(counts);
            return new Result(fileName, counts);
        }

        private List<IExportFile> Files(ExportNames names) =>
        [
            new ExportFile<ReportRow>("reports.csv", () => Reports(), c => c
                .Text("reference", r => r.Reference)
                .Code("kind", r => r.Kind)
                .Text("what_happened", r => r.WhatHappened)
                .Text("immediate_action", r => r.ImmediateAction)
                .Date("occurred_on", r => r.OccurredOn)
                .Code("occurred_band", r => r.OccurredBand)
                .Text("division", r => names.Division(r.DivisionId))
                .Text("location", r => names.Location(r.LocationId))
                .Code("person_affected", r => r.PersonAffected)
                .Code("physical_harm", r => r.PhysicalHarm)
                .Code("psychological_harm", r => r.PsychologicalHarm)
                .Text("category", r => names.Category(r.CategoryId))
                .Code("stream", r => r.Stream)
                .Text("staff_group", r => names.StaffGroup(r.StaffGroupId))
                .YesNo("anonymous", r => r.IsAnonymous)
                .Code("why_anonymous", r => r.WhyAnonymous)
                // Belt and braces: an anonymous report never carries contact details, and none would leave here.
                .Text("reporter_name", r => r.IsAnonymous ? null : r.ReporterName)
                .Text("reporter_email", r => r.IsAnonymous ? null : r.ReporterEmail)
                .Date("contact_details_removed_on", r => r.ContactDetailsRemovedOn)
                .Date("received_on", r => r.ReceivedOn)
                .Code("received_band", r => r.ReceivedBand)
                .Code("status", r => r.Status)
                .Text("title", r => r.Title)
                .Number("risk_consequence", r => r.RiskConsequence)
                .Number("risk_likelihood", r => r.RiskLikelihood)
                .Number("risk_score", r => r.RiskScore)
                .Code("risk_rating", r => r.RiskRating)
                .Text("owner", r => names.Account(r.OwnerAccountId))
                .Text("duplicate_of", r => r.DuplicateOf)
                .Date("acknowledge_by", r => r.AcknowledgeBy)
                .Date("acknowledged_on", r => r.AcknowledgedOn)
                .Date("feedback_by", r => r.FeedbackBy)
                .Date("feedback_given_on", r => r.FeedbackGivenOn)
                .Date("closed_on", r => r.ClosedOn)
                .Text("outcome_for_reporter", r => r.OutcomeForReporter)
                .Text("learning", r => r.Learning)
                .Date("learning_recorded_on", r => r.LearningRecordedOn)
                .YesNo("imported", r => r.IsImported)
                .Text("source_system", r => r.SourceSystem)
                .Text("source_reference", r => r.SourceReference)),
            new ExportFile<ActionRow>("report-actions.csv", Actions, c => c
                .Text("report_reference", a => a.ReportReference)
                .Text("description", a => a.Description)
                .Text("owner", a => a.OwnerName ?? names.Account(a.OwnerAccountId))
                .Date("due_on", a => a.DueOn)
                .Date("completed_on", a => a.CompletedOn)),
            new ExportFile<MessageRow>("report-messages.csv", Messages, c => c
                .Text("report_reference", m => m.ReportReference)
                .Code("author", m => m.Author)
                .Text("staff_name", m => m.StaffName)
                .Text("body", m => m.Body)
                .YesNo("additional_information", m => m.IsAdditionalInformation)
                .Date("sent_on", m => m.SentOn)
                .Code("sent_band", m => m.SentBand)),
            new ExportFile<LearningResponse>("learning-responses.csv", Responses, c => c
                .Number("response_number", r => r.Id)
                .Code("type", r => r.Type)
                .Code("status", r => r.Status)
                .Text("title", r => r.Title)
                .Date("created_on", r => r.CreatedOn)
                .Date("completed_on", r => r.CompletedOn)
                .Text("lead", r => r.LeadName ?? names.Account(r.LeadAccountId))
                .Number("plan_version", r => r.PlanVersionId is { } id ? names.PlanVersion(id) : null)
                .Code("national_trigger", r => r.NationalTrigger)
                .Code("proposed_type", r => r.ProposedType)
                .Text("proposal_why", r => r.ProposalWhy)
                .Text("override_reason", r => r.OverrideReason)
                .Text("participants", r => r.Participants)
                .Text("seips_person", r => r.SeipsPerson)
                .Text("seips_tasks", r => r.SeipsTasks)
                .Text("seips_tools", r => r.SeipsTools)
                .Text("seips_organisation", r => r.SeipsOrganisation)
                .Text("seips_internal_environment", r => r.SeipsInternalEnvironment)
                .Text("seips_external_environment", r => r.SeipsExternalEnvironment)
                .Text("findings", r => r.Findings)
                .Text("aar_expected", r => r.AarExpected)
                .Text("aar_actual", r => r.AarActual)
                .Text("aar_why_different", r => r.AarWhyDifferent)
                .Text("aar_learned", r => r.AarLearned)
                .Text("terms_of_reference", r => r.TermsOfReference)
                .Text("reporter_summary", r => r.ReporterSummary)
                .Date("shared_on", r => r.SharedOn)),
            new ExportFile<ResponseReportRow>("learning-response-reports.csv", ResponseReports, c => c
                .Number("response_number", l => l.ResponseNumber)
                .Text("report_reference", l => l.ReportReference)),
            new ExportFile<SafetyAction>("safety-actions.csv", SafetyActions, c => c
                .Number("response_number", a => a.LearningResponseId)
                .Text("description", a => a.Description)
                .Text("owner", a => a.OwnerName ?? names.Account(a.OwnerAccountId))
                .Date("starts_on", a => a.StartsOn)
                .Date("due_on", a => a.DueOn)
                .Date("completed_on", a => a.CompletedOn)
                .Text("measure_category", a => names.Category(a.MeasureCategoryId))
                .Text("measure_division", a => names.Division(a.MeasureDivisionId))
                .Text("measure_location", a => names.Location(a.MeasureLocationId))
                .Code("measure_kind", a => a.MeasureKind)
                .Code("expected_direction", a => a.ExpectedDirection)),
        ];

        // Reports in the order of their random references: an order by id would show the order in which
        // anonymous reports arrived, finer than their time bands (DESIGN.md).
        private IAsyncEnumerable<ReportRow> Reports() => db.Reports.AsNoTracking()
            .OrderBy(r => r.Reference)
            .Select(r => new ReportRow(
                r.Reference, r.Kind, r.WhatHappened, r.ImmediateAction, r.OccurredOn, r.OccurredBand, r.DivisionId, r.LocationId,
                r.PersonAffected, r.PhysicalHarm, r.PsychologicalHarm, r.CategoryId, r.Stream, r.StaffGroupId, r.IsAnonymous, r.WhyAnonymous,
                r.ReporterName, r.ReporterEmail, r.ContactDetailsRemovedOn, r.ReceivedOn, r.ReceivedBand, r.Status, r.Title,
                r.RiskConsequence, r.RiskLikelihood, r.RiskScore, r.RiskRating, r.OwnerAccountId,
                r.DuplicateOfReportId == null ? null : db.Reports.Where(d => d.Id == r.DuplicateOfReportId).Select(d => d.Reference).FirstOrDefault(),
                r.AcknowledgeBy, r.AcknowledgedOn, r.FeedbackBy, r.FeedbackGivenOn, r.ClosedOn, r.OutcomeForReporter, r.Learning, r.LearningRecordedOn,
                r.IsImported, r.SourceSystem, r.SourceReference))
            .AsAsyncEnumerable();

        private IAsyncEnumerable<ActionRow> Actions() =>
            (from a in db.ReportActions.AsNoTracking()
             join r in db.Reports on a.ReportId equals r.Id
             orderby r.Reference, a.Id
             select new ActionRow(r.Reference, a.Description, a.OwnerName, a.OwnerAccountId, a.DueOn, a.CompletedOn)).AsAsyncEnumerable();

        // Within a report, in the order written, as its page shows them to leads.
        private IAsyncEnumerable<MessageRow> Messages() =>
            (from m in db.ReportMessages.AsNoTracking()
             join r in db.Reports on m.ReportId equals r.Id
             orderby r.Reference, m.Id
             select new MessageRow(r.Reference, m.Author, m.StaffName, m.Body, m.IsAdditionalInformation, m.SentOn, m.SentBand)).AsAsyncEnumerable();

        private IAsyncEnumerable<LearningResponse> Responses() => db.LearningResponses.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable();

        private IAsyncEnumerable<ResponseReportRow> ResponseReports() =>
            (from l in db.LearningResponseReports.AsNoTracking()
             join r in db.Reports on l.ReportId equals r.Id
             orderby l.LearningResponseId, r.Reference
             select new ResponseReportRow(l.LearningResponseId, r.Reference)).AsAsyncEnumerable();

        private IAsyncEnumerable<SafetyAction> SafetyActions() =>
            db.SafetyActions.AsNoTracking().OrderBy(a => a.LearningResponseId).ThenBy(a => a.Id).AsAsyncEnumerable();
    }

    private sealed record ReportRow(
        string Reference, ReportKind Kind, string WhatHappened, string? ImmediateAction, DateOnly OccurredOn, TimeBand OccurredBand, int? DivisionId, int? LocationId,
        PersonAffected PersonAffected, PhysicalHarm PhysicalHarm, PsychologicalHarm PsychologicalHarm, int CategoryId, GovernanceStream Stream, int? StaffGroupId,
        bool IsAnonymous, WhyAnonymous? WhyAnonymous, string? ReporterName, string? ReporterEmail, DateOnly? ContactDetailsRemovedOn, DateOnly ReceivedOn,
        TimeBand ReceivedBand, ReportStatus Status, string? Title, int? RiskConsequence, int? RiskLikelihood, int? RiskScore, RiskRating? RiskRating,
        string? OwnerAccountId, string? DuplicateOf, DateOnly AcknowledgeBy, DateOnly? AcknowledgedOn, DateOnly FeedbackBy, DateOnly? FeedbackGivenOn,
        DateOnly? ClosedOn, string? OutcomeForReporter, string? Learning, DateOnly? LearningRecordedOn,
        bool IsImported, string? SourceSystem, string? SourceReference);

    private sealed record ActionRow(string ReportReference, string Description, string? OwnerName, string? OwnerAccountId, DateOnly DueOn, DateOnly? CompletedOn);

    private sealed record MessageRow(string ReportReference, MessageAuthor Author, string? StaffName, string Body, bool IsAdditionalInformation, DateOnly SentOn, TimeBand SentBand);

    private sealed record ResponseReportRow(int ResponseNumber, string ReportReference);
}

/// <summary>The names an export writes in place of ids: the reference lists and staff accounts are small, so they are read once.</summary>
public sealed class ExportNames
{
    private Dictionary<int, string> _divisions = [];
    private Dictionary<int, string> _locations = [];
    private Dictionary<int, string> _categories = [];
    private Dictionary<int, string> _staffGroups = [];
    private Dictionary<string, string> _accounts = [];
    private Dictionary<int, int> _planVersions = [];

    public static async Task<ExportNames> LoadAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new ExportNames
        {
            _divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken),
            _locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken),
            _categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
            _staffGroups = await db.StaffGroups.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
            _accounts = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken),
            _planVersions = await db.ResponsePlanVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken),
        };
    }

    public string? Division(int? id) => id is { } i ? _divisions.GetValueOrDefault(i) : null;

    public string? Location(int? id) => id is { } i ? _locations.GetValueOrDefault(i) : null;

    public string? Category(int? id) => id is { } i ? _categories.GetValueOrDefault(i) : null;

    public string? StaffGroup(int? id) => id is { } i ? _staffGroups.GetValueOrDefault(i) : null;

    public string? Account(string? id) => id is null ? null : _accounts.GetValueOrDefault(id);

    public int? PlanVersion(int id) => _planVersions.TryGetValue(id, out var number) ? number : null;

    /// <summary>What the audit log says of an export: each file and its row count, nothing of what they hold.</summary>
    public static string Describe(IReadOnlyList<ExportZip.FileCount> counts) =>
        string.Join(", ", (counts ?? []).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.File} {c.Rows:N0} rows")));
}
