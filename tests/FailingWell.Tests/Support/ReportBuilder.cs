using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Support;

/// <summary>
/// The one way tests make a report. Its defaults are a complete, valid report; a test says only what
/// differs (<c>with</c> makes a variant of one already described), then puts it in the way it needs:
/// <list type="bullet">
/// <item><see cref="PostFormAsync"/>: the report form over HTTP, as a member of staff sends it;</item>
/// <item><see cref="SubmitAsync"/>: the form's command through the mediator, for what happens after;</item>
/// <item><see cref="SaveAsync"/>: straight into the database, with a day it arrived and the state
/// triage left it in, for tests that count reports.</item>
/// </list>
/// </summary>
public sealed partial record ReportBuilder
{
    // Numbers for saved reports' references, far above any the app issues in a test.
    private static int _sequence;

    public ReportKind Kind { get; init; } = ReportKind.Incident;

    public string WhatHappened { get; init; } = "A patient slipped on a wet floor by bay 3.";

    public string? ImmediateAction { get; init; } = "Floor dried and a sign put out.";

    /// <summary>Null: the day it is received ("today" on the form).</summary>
    public DateOnly? OccurredOn { get; init; }

    public TimeBand TimeOfDay { get; init; } = TimeBand.Night;

    /// <summary>The form's value (<see cref="ReportForm.LocationValue"/>, <see cref="ReportForm.DivisionValue"/>), "" for not sure; null: the first location.</summary>
    public string? Where { get; init; }

    public PersonAffected PersonAffected { get; init; } = PersonAffected.Patient;

    public PhysicalHarm? PhysicalHarm { get; init; } = Web.Domain.PhysicalHarm.Low;

    public PsychologicalHarm? PsychologicalHarm { get; init; } = Web.Domain.PsychologicalHarm.None;

    /// <summary>A category's name; null: the first category.</summary>
    public string? Category { get; init; }

    /// <summary>With <see cref="ReporterEmail"/>, the reporter gives their name; both null: anonymous.</summary>
    public string? ReporterName { get; init; }

    public string? ReporterEmail { get; init; }

    /// <summary>Null: a new one each time; the same one is the same form sent again.</summary>
    public Guid? SubmissionId { get; init; }

    /// <summary>Only for <see cref="SaveAsync"/> (the server stamps it otherwise). Null: today on the app's clock.</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Only for <see cref="SaveAsync"/>: what triage would have set since, applied before it is saved.</summary>
    public Action<Report>? Then { get; init; }

    private bool GivesName => ReporterName is not null || ReporterEmail is not null;

    public sealed record Posted(HttpResponseMessage Response, string Html, string? Reference, string? ReceiptCode);

    public sealed record Submitted(int Id, string Reference, string? ReceiptCode)
    {
        /// <summary>False when this submission had been sent before: the code was given the first time.</summary>
        public bool IsNew => ReceiptCode is not null;
    }

    /// <summary>The report form's fields filled in; a test may still change or remove any of them.</summary>
    public async Task<Dictionary<string, string>> FormAnswersAsync(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RefuseDatabaseOnlyFields();
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var answers = new Dictionary<string, string>
        {
            ["Input.Kind"] = Kind.ToString(),
            ["Input.WhatHappened"] = WhatHappened,
            ["Input.When"] = OccurredOn is null ? "Today" : "AnotherDay",
            ["Input.TimeOfDay"] = TimeOfDay.ToString(),
            ["Input.Where"] = Where ?? await FirstLocationAsync(db),
            ["Input.PersonAffected"] = PersonAffected.ToString(),
            ["Input.CategoryId"] = (await CategoryAsync(db)).Id.ToString(CultureInfo.InvariantCulture),
            ["Input.StaffGroupId"] = "",
        };
        Add("Input.ImmediateAction", ImmediateAction);
        Add("Input.Day", OccurredOn?.Day.ToString(CultureInfo.InvariantCulture));
        Add("Input.Month", OccurredOn?.Month.ToString(CultureInfo.InvariantCulture));
        Add("Input.Year", OccurredOn?.Year.ToString(CultureInfo.InvariantCulture));
        Add("Input.PhysicalHarm", PhysicalHarm?.ToString());
        Add("Input.PsychologicalHarm", PsychologicalHarm?.ToString());
        Add("Input.GiveName", GivesName ? "true" : null);
        Add("Input.ReporterName", ReporterName);
        Add("Input.ReporterEmail", ReporterEmail);
        Add("Input.SubmissionId", SubmissionId?.ToString());
        return answers;

        void Add(string field, string? value)
        {
            if (value is not null)
            {
                answers[field] = value;
            }
        }
    }

    /// <summary>Sends the report form with these answers.</summary>
    public async Task<Posted> PostFormAsync(FailingWellApp app, HttpClient client) => await PostAsync(client, await FormAnswersAsync(app));

    /// <summary>Sends the report form with whatever answers a test made, valid or not.</summary>
    public static async Task<Posted> PostAsync(HttpClient client, IDictionary<string, string> answers) =>
        await ReadAsync(await Forms.PostAsync(client, "/report", answers));

    /// <summary>The reference and receipt code on the page the form answered with, when it shows them.</summary>
    public static async Task<Posted> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var reference = ReferencePattern().Match(html);
        var code = CodePattern().Match(html);
        return new Posted(response, html,
            reference.Success ? reference.Value : null,
            code.Success ? WebUtility.HtmlDecode(code.Groups[1].Value) : null);
    }

    /// <summary>Sends the command the form sends, through the mediator and its pipeline.</summary>
    public async Task<Submitted> SubmitAsync(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RefuseDatabaseOnlyFields();
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var command = new SubmitReport.Command
        {
            Kind = Kind,
            WhatHappened = WhatHappened,
            ImmediateAction = ImmediateAction,
            When = OccurredOn is null ? SubmitReport.WhenChoice.Today : SubmitReport.WhenChoice.AnotherDay,
            Day = OccurredOn?.Day.ToString(CultureInfo.InvariantCulture),
            Month = OccurredOn?.Month.ToString(CultureInfo.InvariantCulture),
            Year = OccurredOn?.Year.ToString(CultureInfo.InvariantCulture),
            TimeOfDay = TimeOfDay,
            Where = Where ?? await FirstLocationAsync(db),
            PersonAffected = PersonAffected,
            PhysicalHarm = PhysicalHarm,
            PsychologicalHarm = PsychologicalHarm,
            CategoryId = (await CategoryAsync(db)).Id,
            GiveName = GivesName,
            ReporterName = ReporterName,
            ReporterEmail = ReporterEmail,
            SubmissionId = SubmissionId ?? Guid.NewGuid(),
        };
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
        var id = await db.Reports.Where(r => r.Reference == result.Reference).Select(r => r.Id).SingleAsync();
        return new Submitted(id, result.Reference, result.ReceiptCode);
    }

    /// <summary>Writes the report straight into the database, past the form, intake and triage.</summary>
    public async Task<Report> SaveAsync(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var category = await CategoryAsync(db);
        var where = Where ?? await FirstLocationAsync(db);
        var place = await SubmitReport.ResolvePlaceAsync(db, where, CancellationToken.None)
            ?? throw new InvalidOperationException($"'{where}' is not a place on the form's list.");
        var report = (this with { ReceivedOn = ReceivedOn ?? scope.ServiceProvider.GetRequiredService<UkTime>().Today }).ToEntity(category.Id, category.DefaultStream);
        report.DivisionId = place.DivisionId;
        report.LocationId = place.LocationId;
        Then?.Invoke(report);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report;
    }

    /// <summary>Writes as many alike reports as a count needs.</summary>
    public async Task SaveAsync(FailingWellApp app, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await SaveAsync(app);
        }
    }

    /// <summary>
    /// The entity, not saved, with a reference of its own and a receipt nobody can open.
    /// Needs <see cref="ReceivedOn"/>: without the app there is no clock.
    /// </summary>
    public Report ToEntity(int categoryId, GovernanceStream stream)
    {
        var receivedOn = ReceivedOn ?? throw new InvalidOperationException("Say ReceivedOn, or use SaveAsync: without the app there is no clock.");
        var deadlines = new TriageSettings().Deadlines;
        var number = Interlocked.Increment(ref _sequence) + 500_000;
        return new Report
        {
            Reference = ReportReference.Format(receivedOn.Year, number), ReferenceYear = receivedOn.Year, ReferenceNumber = number,
            Kind = Kind, WhatHappened = WhatHappened, ImmediateAction = ImmediateAction, OccurredOn = OccurredOn ?? receivedOn, OccurredBand = TimeOfDay,
            PersonAffected = PersonAffected, PhysicalHarm = PhysicalHarm ?? Web.Domain.PhysicalHarm.None, PsychologicalHarm = PsychologicalHarm ?? Web.Domain.PsychologicalHarm.None,
            CategoryId = categoryId, Stream = stream, ReceivedOn = receivedOn, ReceivedBand = TimeOfDay,
            IsAnonymous = !GivesName, ReporterName = ReporterName, ReporterEmail = ReporterEmail,
            AcknowledgeBy = deadlines.AcknowledgeBy(receivedOn), FeedbackBy = deadlines.FeedbackBy(receivedOn), SubmissionId = SubmissionId ?? Guid.NewGuid(),
            ReceiptLocator = RandomNumberGenerator.GetHexString(8), ReceiptSalt = new byte[16], ReceiptHash = new byte[32],
        };
    }

    /// <summary>The first two divisions in list order, to put reports in.</summary>
    public static async Task<(int A, int B)> TwoDivisionsAsync(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var ids = await FailingWellApp.NewDbContext(scope).Divisions.OrderBy(d => d.SortOrder).Select(d => d.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }

    // The form and the command have nowhere to put these: the server decides them.
    private void RefuseDatabaseOnlyFields()
    {
        if (ReceivedOn is not null || Then is not null)
        {
            throw new InvalidOperationException("ReceivedOn and Then are for SaveAsync: a sent report is stamped and triaged by the app.");
        }
    }

    private async Task<(int Id, GovernanceStream DefaultStream)> CategoryAsync(FailingWellDbContext db)
    {
        var categories = db.Categories.AsNoTracking();
        var category = Category is null
            ? await categories.OrderBy(c => c.Id).FirstAsync()
            : await categories.SingleAsync(c => c.Name == Category);
        return (category.Id, category.DefaultStream);
    }

    private static async Task<string> FirstLocationAsync(FailingWellDbContext db) =>
        ReportForm.LocationValue(await db.Locations.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());

    [GeneratedRegex(@"FW-\d{4}-[0-9A-HJKMNP-TV-Z]{6}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("id=\"receipt-code\">([^<]+)<")]
    private static partial Regex CodePattern();
}
