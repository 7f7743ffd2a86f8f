using R4 = Hl7.Fhir.Model;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>
/// What the mapper needs: the report (with its division, location, category and staff group), the
/// answers a lead confirmed, the trust's ODS code, today in UK time, and how many reports came from the
/// reporter's staff group at that place in the year to the report's day (the small-unit rule).
/// </summary>
public sealed record LfpseSource(Report Report, LfpseEvent Answers, string? OdsCode, DateOnly Today, int SameGroupReportsThere);

/// <summary>The event to send, or, when a mapping or an answer is missing, what is missing (nothing is guessed).</summary>
public sealed record LfpseMapped(R4.AdverseEvent? Event, IReadOnlyList<string> Missing)
{
    public bool IsComplete => Event is not null;
}

/// <summary>
/// The one place a FailingWell report becomes an LFPSE taxonomy v6 AdverseEvent (FHIR R4): contained
/// Patient, Practitioner and Location, and LFPSE's extensions with their relative sub-extension names.
/// It sends the day and never a time; for an anonymous report IsAnonymous and nothing that names or
/// contacts the reporter; never a FailingWell id, reference or link (docs/decisions/0120).
/// </summary>
public static class LfpseEventMapper
{
    public const string PatientId = "patient";
    public const string PractitionerId = "practitioner1";
    public const string LocationId = "location1";

    /// <summary>
    /// Which reports go to LFPSE: patient safety events, that is the patient safety stream, or any
    /// report where a patient was, or could have been, harmed.
    /// </summary>
    public static bool Applies(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Stream == GovernanceStream.PatientSafety || report.PersonAffected == PersonAffected.Patient;
    }

    /// <summary>
    /// The small-unit rule: an anonymous reporter's staff group goes only when at least
    /// <see cref="SmallNumbers.SmallestShown"/> reports came from that group at that place (the location,
    /// or the division when there is none) in the year to the report's day; fewer, and "a porter on
    /// ward 7" could be one person. A named reporter's group always goes (LFPSE gets no name).
    /// </summary>
    public static bool StaffGroupShown(Report report, int sameGroupReportsThere)
    {
        ArgumentNullException.ThrowIfNull(report);
        return !report.IsAnonymous || sameGroupReportsThere >= SmallNumbers.SmallestShown;
    }

    public static LfpseMapped Map(LfpseSource source, LfpseTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var report = source.Report;
        var answers = source.Answers;
        var missing = new List<string>();
        var eventType = taxonomy.FromFailingWell(report.Kind);
        var isIncident = report.Kind is ReportKind.Incident or ReportKind.NearMiss;
        var hasPatient = isIncident && report.PersonAffected == PersonAffected.Patient;
        var ext = new Builder(taxonomy);

        if (!taxonomy.Contains("ods-codes", source.OdsCode))
        {
            missing.Add("The organisation's ODS code (Admin, LFPSE).");
        }

        if (string.IsNullOrWhiteSpace(answers.Description))
        {
            missing.Add("What happened, as it will be sent.");
        }

        // The Location: where, in the trust's own mapping of its divisions and locations.
        var division = report.Division ?? report.Location?.Division;
        var location = ext.Extension("location-details");
        ext.Code(location, "LocationKnown", report.LocationId is null && report.DivisionId is null ? "u" : "y");
        ext.Code(location, "Organisation", source.OdsCode);
        if (division is not null)
        {
            ext.Code(location, "ServiceArea", Required(division.LfpseServiceArea, $"The LFPSE service area of the division {division.Name}."));
            ext.Code(location, "ResponsibleSpecialty", Required(division.LfpseSpecialty, $"The LFPSE specialty of the division {division.Name}."));
        }

        if (report.Location is { } place)
        {
            ext.Code(location, "LocationWithinService", Required(place.LfpseLocationWithinService, $"The LFPSE location type of {place.Name}."));
        }

        // The Practitioner describes the reporter without naming them: LFPSE has no name field, and
        // ReporterContact is never sent (FailingWell does not ask reporters to share contact details with LFPSE).
        var practitioner = ext.Extension("practitioner-details");
        ext.Code(practitioner, "ReporterType", "3");
        if (report.StaffGroup is { } group && StaffGroupShown(report, source.SameGroupReportsThere))
        {
            ext.Code(practitioner, "ReporterRole", Required(group.LfpseStaffType, $"The LFPSE staff type of the staff group {group.Name}."));
        }

        ext.Code(practitioner, "ReporterOrganisation", source.OdsCode);

        var patient = new R4.Patient { Id = PatientId };
        if (hasPatient)
        {
            var information = ext.Extension("patient-information");
            information.Extension.Add(new R4.Extension("PatientSequence", new R4.Integer(1)));
            ext.Code(information, "PhysicalHarm", taxonomy.FromFailingWell(report.PhysicalHarm));
            // The national form asks no psychological harm of a patient who died.
            if (report.PhysicalHarm != PhysicalHarm.Fatal)
            {
                ext.Code(information, "PsychologicalHarm", taxonomy.FromFailingWell(report.PsychologicalHarm));
            }

            patient.Extension.Add(information);
        }

        var adverseEvent = new R4.AdverseEvent
        {
            Meta = new R4.Meta { Profile = [taxonomy.ProfileUrl] },
            Actuality = R4.AdverseEvent.AdverseEventActuality.Actual,
            Event = new R4.CodeableConcept { Coding = [new R4.Coding { Code = eventType }] },
            Subject = new R4.ResourceReference("#" + PatientId),
            DateElement = new R4.FhirDateTime(report.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Location = new R4.ResourceReference("#" + LocationId),
            Recorder = new R4.ResourceReference("#" + PractitionerId),
        };
        adverseEvent.Contained.Add(new R4.Location { Id = LocationId, Extension = [location] });
        adverseEvent.Contained.Add(new R4.Practitioner { Id = PractitionerId, Extension = [practitioner] });
        adverseEvent.Contained.Add(patient);

        var core = ext.Extension("adverse-event-core");
        core.Extension.Add(new R4.Extension("Description", new R4.FhirString(answers.Description)));
        adverseEvent.Extension.Add(core);

        // The day, and the time band as a shift bracket: never a time.
        var when = ext.Extension("adverse-event-estimated-date");
        var today = report.OccurredOn == source.Today;
        ext.Code(when, "IncidentOccurredToday", today ? "y" : "n");
        if (today)
        {
            when.Extension.Add(new R4.Extension("TodaysDate", new R4.Date(report.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }

        ext.Code(when, "EstimatedTime", taxonomy.FromFailingWell(report.OccurredBand));
        adverseEvent.Extension.Add(when);

        if (isIncident)
        {
            var category = report.Category;
            var agents = ext.Extension("adverse-event-agent");
            foreach (var code in Codes(category?.LfpseInvolvedAgents))
            {
                ext.Code(agents, "InvolvedAgents", code);
            }

            if (agents.Extension.Count == 0)
            {
                missing.Add($"The LFPSE agents of the category {category?.Name}.");
            }

            var challenges = ext.Extension("adverse-event-safety-challenges");
            foreach (var code in Codes(category?.LfpseSafetyChallenges))
            {
                ext.Code(challenges, "SafetyChallenges", code);
            }

            if (challenges.Extension.Count == 0)
            {
                missing.Add($"The LFPSE safety challenges of the category {category?.Name}.");
            }

            adverseEvent.Extension.Add(agents);
            adverseEvent.Extension.Add(challenges);
            var classification = ext.Extension("adverse-event-classification");
            ext.Code(classification, "LevelOfConcern", Required(answers.LevelOfConcern, "The level of concern."));
            adverseEvent.Extension.Add(classification);
            if (!string.IsNullOrWhiteSpace(answers.ImmediateActions))
            {
                var outcome = ext.Extension("adverse-event-outcome");
                outcome.Extension.Add(new R4.Extension("ImmediateActions", new R4.FhirString(answers.ImmediateActions)));
                adverseEvent.Extension.Add(outcome);
            }

            // An incident with no patient involved says whether the risk is imminent, as the national form asks.
            if (!hasPatient)
            {
                adverseEvent.Extension.Add(RiskDetails(ext, answers.RiskImminent ?? "u"));
            }

            var governance = ext.Extension("adverse-event-governance");
            Flag(governance, "DutyOfCandour", answers.DutyOfCandour);
            Flag(governance, "NeverEvent", answers.NeverEvent);
            if (answers.NeverEvent == true)
            {
                ext.Code(governance, "NeverEventType", Required(answers.NeverEventType, "The type of never event."));
            }

            Flag(governance, "SeriousIncident", answers.SeriousIncident);
            if (governance.Extension.Count > 0)
            {
                adverseEvent.Extension.Add(governance);
            }
        }
        else if (report.Kind == ReportKind.Concern)
        {
            adverseEvent.Extension.Add(RiskDetails(ext, Required(answers.RiskImminent, "Whether the risk is imminent.")));
        }
        else
        {
            var wentWell = ext.Extension("adverse-event-went-well");
            wentWell.Extension.Add(new R4.Extension("HowFutureOccurrence", new R4.FhirString(
                Required(answers.HowFutureOccurrence, "How this good care could happen again."))));
            adverseEvent.Extension.Add(wentWell);
        }

        // LFPSE needs DataSharingOptOut whenever this extension is sent; FailingWell shares nothing beyond the event.
        var metadata = ext.Extension("adverse-event-reference-metadata");
        metadata.Extension.Add(new R4.Extension("FromOnlineForms", new R4.FhirBoolean(false)));
        metadata.Extension.Add(new R4.Extension("IsAnonymous", new R4.FhirBoolean(report.IsAnonymous)));
        metadata.Extension.Add(new R4.Extension("DataSharingOptOut", new R4.FhirBoolean(false)));
        adverseEvent.Extension.Add(metadata);

        missing.AddRange(ext.Invalid);
        return missing.Count == 0 ? new LfpseMapped(adverseEvent, []) : new LfpseMapped(null, missing.Distinct().ToList());

        string Required(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(what);
            }

            return value ?? "";
        }
    }

    private static R4.Extension RiskDetails(Builder ext, string imminent)
    {
        var risk = ext.Extension("adverse-event-risk-details");
        ext.Code(risk, "RiskImminent", imminent);
        return risk;
    }

    private static void Flag(R4.Extension extension, string name, bool? value)
    {
        if (value is { } flag)
        {
            extension.Extension.Add(new R4.Extension(name, new R4.FhirBoolean(flag)));
        }
    }

    private static string[] Codes(string? spaceSeparated) =>
        (spaceSeparated ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Makes LFPSE extensions and coded sub-extensions, checking each code against its value set.</summary>
    private sealed class Builder(LfpseTaxonomy taxonomy)
    {
        public List<string> Invalid { get; } = [];

        public R4.Extension Extension(string name) => new() { Url = taxonomy.ExtensionUrl(taxonomy.Extension(name).Name) };

        public void Code(R4.Extension extension, string field, string? code)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return;
            }

            var definition = taxonomy.ExtensionAt(extension.Url)?.Field(field)
                ?? throw new InvalidOperationException($"{extension.Url} has no sub-extension {field} in the LFPSE snapshot.");
            if (definition.ValueSet is { } valueSet && !taxonomy.Contains(valueSet, code))
            {
                Invalid.Add($"{field}: \"{code}\" is not in LFPSE's list {valueSet}.");
                return;
            }

            extension.Extension.Add(new R4.Extension(field, new R4.Code(code)));
        }
    }
}
