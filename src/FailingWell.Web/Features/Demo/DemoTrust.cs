using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Reporting;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Demo;

/// <summary>
/// A demo NHS trust that tells the Basildon story over three years: low reporting at first, "placed in
/// special measures", then a rise in reporting led by no- and low-harm incidents and near misses,
/// severe harm steady then falling, more reports from porters, cleaners and caterers, a falling
/// anonymous share and faster acknowledgement. Deterministic: the same day gives the same trust.
/// Only on an empty database in Development, and never in Production.
/// </summary>
public sealed partial class DemoTrust(FailingWellDbContext db, IMediator mediator, UserManager<StaffAccount> users, UkTime time,
    DigestBuilder digests, CultureRollups rollups, ILogger<DemoTrust> logger)
{
    public const int Months = 36;
    public const int SpecialMeasuresMonth = 12;

    /// <summary>The demo trust keeps the default deadlines.</summary>
    private static readonly ReportDeadlines Deadlines = new Triage.TriageSettings().Deadlines;
    public const string Password = "demo password 2013";

    public sealed record Account(string Email, string Role, string Name);

    public static readonly IReadOnlyList<Account> Accounts =
    [
        new("admin@demo.failingwell.nhs.uk", StaffRoles.Admin, "Alex Admin"),
        new("lead@demo.failingwell.nhs.uk", StaffRoles.GovernanceLead, "Grace Lead"),
        new("executive@demo.failingwell.nhs.uk", StaffRoles.Executive, "Evan Executive"),
        new("guardian@demo.failingwell.nhs.uk", StaffRoles.Guardian, "Gill Guardian"),
    ];

    private static readonly string[] Stories =
    [
        "A patient was found on the floor beside the bed.", "The wrong dose was drawn up and noticed before it was given.",
        "The sharps bin in the sluice was over-full.", "A patient's notes were left on the desk at the nurses' station.",
        "The hoist battery was flat when it was needed.", "Two patients with the same surname were nearly mixed up.",
        "The fire door was wedged open on the corridor.", "Only two registered nurses were on for 28 patients overnight.",
        "A visitor was shouted at in the corridor.", "The porter was asked to move a patient without a handover.",
        "The staff on the day unit calmed a frightened patient beautifully.", "A spill in the canteen was not signed for an hour.",
    ];

    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.Reports.AnyAsync(cancellationToken))
        {
            return false;
        }

        var random = new Random(20130701);
        var today = time.Today;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-Months);
        foreach (var (name, locations) in new[] { ("Cancer Services", new[] { "Chemotherapy day unit", "Oncology ward" }), ("Community Services", new[] { "District nursing", "Community hospital" }) })
        {
            if (!await db.Divisions.AnyAsync(d => d.Name == name, cancellationToken))
            {
                var division = new Division { Name = name, SortOrder = 100 + await db.Divisions.CountAsync(cancellationToken), RateBasis = name.StartsWith("Community", StringComparison.Ordinal) ? RateBasis.Staff : RateBasis.BedDays };
                division.Locations.AddRange(locations.Select((l, i) => new Location { Name = l, SortOrder = i + 1 }));
                db.Divisions.Add(division);
            }
        }

        foreach (var facilities in await db.Divisions.Where(d => d.Name == "Estates and Facilities" || d.Name == "Corporate").ToListAsync(cancellationToken))
        {
            facilities.RateBasis = RateBasis.Staff;
        }

        await db.SaveChangesAsync(cancellationToken);

        var accountIds = new Dictionary<string, string>();
        foreach (var account in Accounts)
        {
            var existing = await users.FindByEmailAsync(account.Email);
            accountIds[account.Role] = existing?.Id ?? (await mediator.Send(new AddAccount.Command { Email = account.Email, DisplayName = account.Name, Role = account.Role, Password = Password }, cancellationToken)).AccountId;
        }

        var divisions = await db.Divisions.Include(d => d.Locations).OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
        var categories = await db.Categories.ToListAsync(cancellationToken);
        var groups = await db.StaffGroups.ToListAsync(cancellationToken);
        var nonClinical = groups.Where(g => g.IsNonClinical).ToList();
        var clinical = groups.Where(g => !g.IsNonClinical).ToList();
        var lead = accountIds[StaffRoles.GovernanceLead];
        var leadName = Accounts.Single(a => a.Role == StaffRoles.GovernanceLead).Name;

        db.Annotations.AddRange(
            new Annotation { On = firstMonth.AddMonths(SpecialMeasuresMonth), Text = "Placed in special measures", RecalculateLimits = true },
            new Annotation { On = firstMonth.AddMonths(SpecialMeasuresMonth + 1).AddDays(9), Text = "New chief executive" },
            new Annotation { On = firstMonth.AddMonths(SpecialMeasuresMonth + 2), Text = "Speak up safely campaign" });

        var usedReferences = new HashSet<(int Year, int Number)>();
        var number = 0;
        for (var m = 0; m < Months; m++)
        {
            var month = firstMonth.AddMonths(m);
            var after = Math.Max(0, m - SpecialMeasuresMonth) / (double)(Months - SpecialMeasuresMonth); // 0 before special measures, rising to 1
            foreach (var division in divisions)
            {
                db.Denominators.Add(new Denominator
                {
                    DivisionId = division.Id, Month = month,
                    BedDays = division.RateBasis == RateBasis.BedDays ? 2400 + random.Next(0, 600) : null,
                    StaffWte = 150 + random.Next(0, 40),
                });
            }

            var reportsThisMonth = (int)((m < SpecialMeasuresMonth ? 45 : 45 + (190 * after)) * (0.9 + (0.2 * random.NextDouble())));
            for (var i = 0; i < reportsThisMonth; i++)
            {
                var received = month.AddDays(random.Next(0, DateTime.DaysInMonth(month.Year, month.Month)));
                if (received > today)
                {
                    continue;
                }

                var roll = random.NextDouble();
                var nearMissShare = 0.05 + (0.2 * after);
                var kind = roll < nearMissShare ? ReportKind.NearMiss : roll < nearMissShare + 0.12 ? ReportKind.Concern : roll < nearMissShare + 0.16 ? ReportKind.GoodPractice : ReportKind.Incident;
                var harmRoll = random.NextDouble();
                var severeChance = (m < SpecialMeasuresMonth + 6 ? 3.0 : 3.0 - (2.0 * after)) / reportsThisMonth;
                var lowChance = 0.45 + (0.4 * after);
                var harm = kind != ReportKind.Incident ? PhysicalHarm.None
                    : harmRoll < severeChance * 0.8 ? PhysicalHarm.Severe
                    : harmRoll < severeChance ? PhysicalHarm.Fatal
                    : harmRoll < severeChance + lowChance * 0.6 ? PhysicalHarm.None
                    : harmRoll < severeChance + lowChance ? PhysicalHarm.Low
                    : PhysicalHarm.Moderate;
                var category = categories[random.Next(categories.Count)];
                var division = divisions[random.Next(divisions.Count)];
                var anonymous = random.NextDouble() < 0.7 - (0.4 * after);
                var staffGroup = random.NextDouble() < 0.25 ? null
                    : random.NextDouble() < 0.03 + (0.2 * after) ? nonClinical[random.Next(nonClinical.Count)] : clinical[random.Next(clinical.Count)];
                var age = today.DayNumber - received.DayNumber;
                var ackDays = (int)Math.Round((m < SpecialMeasuresMonth ? 18 : 18 - (15 * after)) * (0.5 + random.NextDouble()));
                var acknowledged = age > ackDays || random.NextDouble() < 0.5;
                var closed = age > 60 + random.Next(0, 60);
                var year = received.Year;
                int seq;
                do
                {
                    // Random like live references (docs/decisions/0050), from the demo's own seed so it stays the same.
                    seq = random.Next(ReportReference.Space);
                }
                while (!usedReferences.Add((year, seq)));
                number++;
                var report = new Report
                {
                    Reference = ReportReference.Format(year, seq), ReferenceYear = year, ReferenceNumber = seq, Kind = kind,
                    WhatHappened = Stories[random.Next(Stories.Length)], OccurredOn = received, OccurredBand = (TimeBand)random.Next(1, 5),
                    DivisionId = division.Id, LocationId = division.Locations.Count == 0 ? null : division.Locations[random.Next(division.Locations.Count)].Id,
                    PersonAffected = kind == ReportKind.Incident ? PersonAffected.Patient : PersonAffected.Nobody, PhysicalHarm = harm,
                    PsychologicalHarm = harm >= PhysicalHarm.Moderate ? PsychologicalHarm.Low : PsychologicalHarm.None,
                    CategoryId = category.Id, Stream = category.DefaultStream, StaffGroupId = staffGroup?.Id, IsAnonymous = anonymous,
                    ReporterName = anonymous ? null : $"Demo Reporter {number}", ReporterEmail = anonymous ? null : $"reporter{number}@demo.failingwell.nhs.uk",
                    ReceivedOn = received, ReceivedBand = (TimeBand)random.Next(1, 5),
                    AcknowledgeBy = Deadlines.AcknowledgeBy(received), FeedbackBy = Deadlines.FeedbackBy(received),
                    Status = closed ? ReportStatus.Closed : acknowledged ? (random.NextDouble() < 0.5 ? ReportStatus.UnderReview : ReportStatus.Acknowledged) : ReportStatus.New,
                    AcknowledgedOn = acknowledged || closed ? received.AddDays(Math.Min(ackDays, Math.Max(0, age))) : null,
                    OwnerAccountId = acknowledged || closed ? lead : null,
                    SubmissionId = Guid.NewGuid(), ReceiptLocator = "D" + number.ToString("X7", System.Globalization.CultureInfo.InvariantCulture),
                    ReceiptSalt = new byte[16], ReceiptHash = new byte[32],
                };
                if (harm >= PhysicalHarm.Moderate)
                {
                    report.RiskConsequence = harm >= PhysicalHarm.Severe ? 4 : 3;
                    report.RiskLikelihood = random.Next(2, 5);
                    report.RiskScore = report.RiskConsequence * report.RiskLikelihood;
                    report.RiskRating = ReportRules.RiskRatingOf(report.RiskScore.Value);
                    report.Title = category.Name + (harm >= PhysicalHarm.Severe ? ": serious harm" : ": harm");
                    report.Actions.Add(new ReportAction { Description = "Review what happened with the team", OwnerAccountId = lead, OwnerName = leadName, DueOn = received.AddDays(28), CompletedOn = closed ? received.AddDays(20) : null });
                }

                if (acknowledged && random.NextDouble() < 0.3 + (0.6 * after))
                {
                    report.Messages.Add(new ReportMessage { Author = MessageAuthor.Reviewer, StaffName = leadName, Body = "Thank you for telling us. We are looking into it and will let you know what we change.", SentOn = report.AcknowledgedOn ?? received, SentBand = TimeBand.Afternoon, SubmissionId = Guid.NewGuid() });
                    report.FeedbackGivenOn = report.AcknowledgedOn ?? received;
                }

                if (closed)
                {
                    report.ClosedOn = received.AddDays(Math.Min(age, 30 + random.Next(0, 40)));
                    report.FeedbackGivenOn ??= report.ClosedOn;
                    report.OutcomeForReporter = "We looked into this with the team and made a change. Thank you for speaking up.";
                    if (random.NextDouble() < 0.3)
                    {
                        report.Learning = $"You said: {report.WhatHappened.TrimEnd('.').ToLowerInvariant()}. We did: shared the lesson at the {category.DefaultStream.Describe().ToLowerInvariant()} meeting and changed the checklist.";
                        report.LearningRecordedOn = report.ClosedOn;
                    }
                }

                db.Reports.Add(report);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await db.SaveChangesAsync(cancellationToken);

        // One report with a working receipt code, so a newcomer can try the follow-up page.
        var tryMe = await mediator.Send(new SubmitReport.Command
        {
            Kind = ReportKind.NearMiss, WhatHappened = "A demo report: the wrong patient's wristband was nearly printed.", When = SubmitReport.WhenChoice.Yesterday,
            TimeOfDay = TimeBand.Night, Where = "", PersonAffected = PersonAffected.Nobody, CategoryId = categories.First().Id, SubmissionId = Guid.NewGuid(),
        }, cancellationToken);
        DemoReceipt = (tryMe.Reference, tryMe.ReceiptCode!);
        await AddLeadViewsAsync(lead, divisions, cancellationToken);
        await AddLearningAsync(lead, leadName, today, cancellationToken);

        await AddSpeakUpCasesAsync(today, cancellationToken);
        await rollups.RecountAsync(firstMonth, cancellationToken);

        // The peers are drawn around this organisation's own months, which are read from the roll-ups.
        await AddNetworkAsync(today, lead, accountIds[StaffRoles.Admin], cancellationToken);
        for (var p = Period.LastCompleteBefore(PeriodKind.Month, today); p.Start >= today.AddMonths(-12); p = p.Previous)
        {
            foreach (var stream in Enum.GetValues<GovernanceStream>())
            {
                await digests.BuildAsync(stream, p, cancellationToken);
            }
        }

        for (var p = Period.LastCompleteBefore(PeriodKind.Week, today); p.Start >= today.AddDays(-56); p = p.Previous)
        {
            foreach (var stream in Enum.GetValues<GovernanceStream>())
            {
                await digests.BuildAsync(stream, p, cancellationToken);
            }
        }

        Created(logger, number, Months);
        return true;
    }

    public (string Reference, string Code)? DemoReceipt { get; private set; }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Demo trust created: {Reports} reports over {Months} months")]
    private static partial void Created(ILogger logger, int reports, int months);
}
