using FailingWell.Web.Features.Lfpse;
using R4 = Hl7.Fhir.Model;

namespace FailingWell.Tests.Lfpse;

/// <summary>
/// Reports and answers in memory for the mapper's tests and the golden files: a trust whose divisions,
/// locations, categories and staff groups are all mapped, with the demo's ODS code.
/// </summary>
public static class LfpseEvents
{
    public const string OdsCode = "RRV";

    public static readonly DateOnly Today = new(2026, 12, 7);

    public static Report Report(ReportKind kind = ReportKind.Incident, bool anonymous = true)
    {
        var division = new Division { Id = 3, Name = "Medicine", LfpseServiceArea = "1", LfpseSpecialty = "2" };
        return new Report
        {
            Id = 4217,
            Reference = "FW-2026-K7MQ3D",
            Kind = kind,
            WhatHappened = "Mr Jones slipped on a wet floor by bay 3; Nurse Patel helped him up.",
            ImmediateAction = "Floor dried and a sign put out.",
            OccurredOn = new DateOnly(2026, 12, 1),
            OccurredBand = TimeBand.Night,
            DivisionId = division.Id,
            Division = division,
            LocationId = 11,
            Location = new Location { Id = 11, Name = "Ward 7", DivisionId = division.Id, Division = division, LfpseLocationWithinService = "4" },
            PersonAffected = kind is ReportKind.Incident or ReportKind.NearMiss ? PersonAffected.Patient : PersonAffected.Nobody,
            PhysicalHarm = PhysicalHarm.Low,
            PsychologicalHarm = PsychologicalHarm.None,
            CategoryId = 5,
            Category = new Category { Id = 5, Name = "Slips, trips and falls", DefaultStream = GovernanceStream.PatientSafety, LfpseInvolvedAgents = "10", LfpseSafetyChallenges = "2" },
            Stream = GovernanceStream.PatientSafety,
            StaffGroupId = 2,
            StaffGroup = new StaffGroup { Id = 2, Name = "Nursing and midwifery", LfpseStaffType = "5" },
            IsAnonymous = anonymous,
            ReporterName = anonymous ? null : "Sam Reporter",
            ReporterEmail = anonymous ? null : "sam.reporter@nhs.example",
            ReceivedOn = new DateOnly(2026, 12, 2),
            ReceivedBand = TimeBand.Morning,
            Learning = "Wet-floor signs are now kept on every ward.",
            SubmissionId = Guid.Parse("6a1f0d0e-3c55-4c9e-9d0f-1f2e3d4c5b6a"),
            ReceiptLocator = "ABCD1234",
        };
    }

    public static LfpseEvent Answers(ReportKind kind = ReportKind.Incident) => new()
    {
        ReportId = 4217,
        Description = "A patient slipped on a wet floor by bay 3; a nurse helped him up.",
        ImmediateActions = "Floor dried and a sign put out.",
        LevelOfConcern = kind is ReportKind.Incident or ReportKind.NearMiss ? "4" : null,
        RiskImminent = kind == ReportKind.Concern ? "n" : null,
        HowFutureOccurrence = kind == ReportKind.GoodPractice ? "Keep wet-floor signs on every ward." : null,
        ConfirmedOn = Today,
    };

    public static LfpseMapped Map(Report report, LfpseEvent answers, string? odsCode = OdsCode, int sameGroupReportsThere = 12, DateOnly? today = null) =>
        LfpseEventMapper.Map(new LfpseSource(report, answers, odsCode, today ?? Today, sameGroupReportsThere), LfpseTaxonomy.Shipped);

    public static R4.AdverseEvent Event(Report report, LfpseEvent answers, int sameGroupReportsThere = 12, DateOnly? today = null)
    {
        var mapped = Map(report, answers, sameGroupReportsThere: sameGroupReportsThere, today: today);
        Assert.True(mapped.IsComplete, string.Join(Environment.NewLine, mapped.Missing));
        return mapped.Event!;
    }

    /// <summary>The sub-extension values of one LFPSE extension on a resource, by sub-extension name.</summary>
    public static ILookup<string, string> Fields(R4.DomainResource on, string extension)
    {
        var url = LfpseTaxonomy.Shipped.ExtensionUrl(extension);
        var found = on.Extension.Where(e => e.Url == url).ToList();
        return found.SelectMany(e => e.Extension).ToLookup(s => s.Url ?? "", s => s.Value switch
        {
            R4.Code c => c.Value ?? "",
            R4.FhirString s2 => s2.Value ?? "",
            R4.FhirBoolean b => b.Value == true ? "true" : "false",
            R4.Integer i => i.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            R4.Date d => d.Value ?? "",
            var other => other?.ToString() ?? "",
        });
    }

    public static bool Has(R4.DomainResource on, string extension) =>
        on.Extension.Any(e => e.Url == LfpseTaxonomy.Shipped.ExtensionUrl(extension));

    public static T Contained<T>(R4.AdverseEvent adverseEvent)
        where T : R4.DomainResource => adverseEvent.Contained.OfType<T>().Single();
}
