namespace FailingWell.Web.Features.Lfpse;

/// <summary>The answers a lead gives for LFPSE, on the confirmation form and its preview alike.</summary>
public interface ILfpseAnswers
{
    string? Description { get; }

    string? ImmediateActions { get; }

    string? LevelOfConcern { get; }

    string? RiskImminent { get; }

    string? HowFutureOccurrence { get; }

    bool? DutyOfCandour { get; }

    bool? NeverEvent { get; }

    string? NeverEventType { get; }

    bool? SeriousIncident { get; }
}

public sealed record LfpseDraft(LfpseEvent Answers, LfpseMapped Mapped);

/// <summary>What the preview shows and the confirmation sends come from here, so they cannot differ.</summary>
public static class LfpseDrafts
{
    /// <summary>The setting an admin saves the organisation's ODS code under.</summary>
    public const string OdsCodeSetting = "Lfpse:OdsCode";

    public static async Task<LfpseDraft> BuildAsync(
        FailingWellDbContext db, Report report, ILfpseAnswers answers, DateOnly today, LfpseSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        await db.Entry(report).Reference(r => r.Division).LoadAsync(cancellationToken);
        await db.Entry(report).Reference(r => r.Location).LoadAsync(cancellationToken);
        await db.Entry(report).Reference(r => r.Category).LoadAsync(cancellationToken);
        await db.Entry(report).Reference(r => r.StaffGroup).LoadAsync(cancellationToken);
        var odsCode = await db.Settings.Where(s => s.Key == OdsCodeSetting).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken)
            ?? (settings.OdsCode.Length > 0 ? settings.OdsCode : null);
        var lfpseEvent = new LfpseEvent { ReportId = report.Id };
        Apply(answers, lfpseEvent);
        var source = new LfpseSource(report, lfpseEvent, odsCode, today, await SameGroupReportsThereAsync(db, report, cancellationToken));
        return new LfpseDraft(lfpseEvent, LfpseEventMapper.Map(source, LfpseTaxonomy.Shipped));
    }

    /// <summary>The answers already confirmed, as the form's starting point; the reporter's words when there are none yet.</summary>
    public static LfpseEvent Start(Report report, LfpseEvent? confirmed)
    {
        ArgumentNullException.ThrowIfNull(report);
        return confirmed ?? new LfpseEvent
        {
            ReportId = report.Id,
            Description = report.WhatHappened,
            ImmediateActions = report.ImmediateAction,
            HowFutureOccurrence = report.Kind == ReportKind.GoodPractice ? report.Learning : null,
        };
    }

    public static void Apply(ILfpseAnswers answers, LfpseEvent to)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(to);
        to.Description = answers.Description?.Trim() ?? "";
        to.ImmediateActions = Blank(answers.ImmediateActions);
        to.LevelOfConcern = Blank(answers.LevelOfConcern);
        to.RiskImminent = Blank(answers.RiskImminent);
        to.HowFutureOccurrence = Blank(answers.HowFutureOccurrence);
        to.DutyOfCandour = answers.DutyOfCandour;
        to.NeverEvent = answers.NeverEvent;
        to.NeverEventType = answers.NeverEvent == true ? Blank(answers.NeverEventType) : null;
        to.SeriousIncident = answers.SeriousIncident;
    }

    /// <summary>
    /// The small-unit rule's count (<see cref="LfpseEventMapper.StaffGroupShown"/>): reports from the same
    /// staff group at the same location (the division, when no location was given) in the year to the report's day.
    /// </summary>
    public static async Task<int> SameGroupReportsThereAsync(FailingWellDbContext db, Report report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        if (report.StaffGroupId is not { } group || (report.LocationId is null && report.DivisionId is null))
        {
            return 0;
        }

        var from = report.ReceivedOn.AddYears(-1);
        var reports = db.Reports.Where(r => r.StaffGroupId == group && r.ReceivedOn > from && r.ReceivedOn <= report.ReceivedOn);
        reports = report.LocationId is { } location
            ? reports.Where(r => r.LocationId == location)
            : reports.Where(r => r.LocationId == null && r.DivisionId == report.DivisionId);
        return await reports.CountAsync(cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
