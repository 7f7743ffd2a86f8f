using FailingWell.Web.Features.Lfpse;
using R4 = Hl7.Fhir.Model;
using static FailingWell.Tests.Lfpse.LfpseEvents;

namespace FailingWell.Tests.Lfpse;

/// <summary>The mapper, field by field: one report becomes one LFPSE v6 AdverseEvent, and nothing more.</summary>
public sealed class LfpseEventMapperTests
{
    private static readonly LfpseTaxonomy Taxonomy = LfpseTaxonomy.Shipped;

    [Fact]
    public void An_incident_is_an_actual_event_of_type_1_under_the_v6_profile_with_its_parts_contained()
    {
        var adverseEvent = Event(Report(), Answers());

        Assert.Equal([Taxonomy.ProfileUrl], adverseEvent.Meta!.Profile);
        Assert.EndsWith("/StructureDefinition/patient-safety-adverse-event-6", Taxonomy.ProfileUrl, StringComparison.Ordinal);
        Assert.Equal(R4.AdverseEvent.AdverseEventActuality.Actual, adverseEvent.Actuality);
        Assert.Equal("1", adverseEvent.Event!.Coding.Single().Code);
        Assert.Equal("#patient", adverseEvent.Subject!.Reference);
        Assert.Equal("#location1", adverseEvent.Location!.Reference);
        Assert.Equal("#practitioner1", adverseEvent.Recorder!.Reference);
        Assert.Equal(["location1", "practitioner1", "patient"], adverseEvent.Contained.Select(c => c.Id));
    }

    [Theory]
    [InlineData(ReportKind.Incident, "1")]
    [InlineData(ReportKind.NearMiss, "1")]
    [InlineData(ReportKind.Concern, "3")]
    [InlineData(ReportKind.GoodPractice, "4")]
    public void Each_kind_of_report_has_its_LFPSE_event_type(ReportKind kind, string code)
    {
        Assert.Equal(code, Event(Report(kind), Answers(kind)).Event!.Coding.Single().Code);
    }

    [Theory]
    [InlineData(PhysicalHarm.None, "5")]
    [InlineData(PhysicalHarm.Low, "4")]
    [InlineData(PhysicalHarm.Moderate, "3")]
    [InlineData(PhysicalHarm.Severe, "2")]
    [InlineData(PhysicalHarm.Fatal, "1")]
    public void Physical_harm_is_numbered_the_other_way_round_as_LFPSE_numbers_it(PhysicalHarm harm, string code)
    {
        var report = Report();
        report.PhysicalHarm = harm;
        var patient = Fields(Contained<R4.Patient>(Event(report, Answers())), "patient-information");
        Assert.Equal([code], patient["PhysicalHarm"]);
        Assert.Equal(["1"], patient["PatientSequence"]);
    }

    [Theory]
    [InlineData(PsychologicalHarm.None, "4")]
    [InlineData(PsychologicalHarm.Low, "3")]
    [InlineData(PsychologicalHarm.Moderate, "2")]
    [InlineData(PsychologicalHarm.Severe, "1")]
    public void Psychological_harm_is_numbered_the_other_way_round_too(PsychologicalHarm harm, string code)
    {
        var report = Report();
        report.PsychologicalHarm = harm;
        Assert.Equal([code], Fields(Contained<R4.Patient>(Event(report, Answers())), "patient-information")["PsychologicalHarm"]);
    }

    [Fact]
    public void A_patient_who_died_has_no_psychological_harm_sent()
    {
        var report = Report();
        report.PhysicalHarm = PhysicalHarm.Fatal;
        report.PsychologicalHarm = PsychologicalHarm.Severe;
        Assert.Empty(Fields(Contained<R4.Patient>(Event(report, Answers())), "patient-information")["PsychologicalHarm"]);
    }

    [Fact]
    public void An_incident_with_no_patient_has_an_empty_patient_and_says_whether_the_risk_is_imminent()
    {
        var report = Report();
        report.PersonAffected = PersonAffected.Staff;
        var adverseEvent = Event(report, Answers());
        Assert.Empty(Contained<R4.Patient>(adverseEvent).Extension);
        Assert.Equal(["u"], Fields(adverseEvent, "adverse-event-risk-details")["RiskImminent"]);
    }

    [Theory]
    [InlineData(TimeBand.Night, "2")]
    [InlineData(TimeBand.Morning, "1")]
    [InlineData(TimeBand.Afternoon, "1")]
    [InlineData(TimeBand.Evening, "6")]
    public void The_time_band_is_sent_as_a_shift_bracket(TimeBand band, string code)
    {
        var report = Report();
        report.OccurredBand = band;
        Assert.Equal([code], Fields(Event(report, Answers()), "adverse-event-estimated-date")["EstimatedTime"]);
    }

    [Fact]
    public void The_day_is_sent_without_a_time_and_today_is_said_only_when_it_is_today()
    {
        var report = Report();
        var earlier = Event(report, Answers());
        Assert.Equal("2026-12-01", earlier.Date);
        var when = Fields(earlier, "adverse-event-estimated-date");
        Assert.Equal(["n"], when["IncidentOccurredToday"]);
        Assert.Empty(when["TodaysDate"]);
        Assert.Empty(when["PreciseTime"]);

        var sameDay = Fields(Event(report, Answers(), today: report.OccurredOn), "adverse-event-estimated-date");
        Assert.Equal(["y"], sameDay["IncidentOccurredToday"]);
        Assert.Equal(["2026-12-01"], sameDay["TodaysDate"]);
    }

    [Fact]
    public void The_place_is_the_trusts_own_mapping_of_the_division_and_location_with_its_ODS_code()
    {
        var location = Fields(Contained<R4.Location>(Event(Report(), Answers())), "location-details");
        Assert.Equal(["y"], location["LocationKnown"]);
        Assert.Equal([OdsCode], location["Organisation"]);
        Assert.Equal(["1"], location["ServiceArea"]);
        Assert.Equal(["2"], location["ResponsibleSpecialty"]);
        Assert.Equal(["4"], location["LocationWithinService"]);
    }

    [Fact]
    public void A_place_the_reporter_was_not_sure_of_is_sent_as_unknown()
    {
        var report = Report();
        report.Location = null;
        report.LocationId = null;
        report.Division = null;
        report.DivisionId = null;
        var location = Fields(Contained<R4.Location>(Event(report, Answers())), "location-details");
        Assert.Equal(["u"], location["LocationKnown"]);
        Assert.Empty(location["ServiceArea"]);
        Assert.Empty(location["LocationWithinService"]);
    }

    [Fact]
    public void The_category_gives_the_agents_and_safety_challenges()
    {
        var report = Report();
        report.Category!.LfpseInvolvedAgents = "4 3";
        var adverseEvent = Event(report, Answers());
        Assert.Equal(["4", "3"], Fields(adverseEvent, "adverse-event-agent")["InvolvedAgents"]);
        Assert.Equal(["2"], Fields(adverseEvent, "adverse-event-safety-challenges")["SafetyChallenges"]);
    }

    [Fact]
    public void The_leads_answers_and_edited_text_are_sent_not_the_reporters_own_words()
    {
        var report = Report();
        var answers = Answers();
        answers.DutyOfCandour = true;
        answers.NeverEvent = false;
        var adverseEvent = Event(report, answers);
        Assert.Equal([answers.Description], Fields(adverseEvent, "adverse-event-core")["Description"]);
        Assert.Equal(["Floor dried and a sign put out."], Fields(adverseEvent, "adverse-event-outcome")["ImmediateActions"]);
        Assert.Equal(["4"], Fields(adverseEvent, "adverse-event-classification")["LevelOfConcern"]);
        var governance = Fields(adverseEvent, "adverse-event-governance");
        Assert.Equal(["true"], governance["DutyOfCandour"]);
        Assert.Equal(["false"], governance["NeverEvent"]);
        Assert.Empty(governance["SeriousIncident"]);
        Assert.DoesNotContain("Jones", LfpseJson.Write(adverseEvent), StringComparison.Ordinal);
        Assert.Contains("Jones", report.WhatHappened, StringComparison.Ordinal);
    }

    [Fact]
    public void A_risk_says_whether_it_is_imminent_and_good_care_how_it_could_happen_again()
    {
        var risk = Event(Report(ReportKind.Concern), Answers(ReportKind.Concern));
        Assert.Equal(["n"], Fields(risk, "adverse-event-risk-details")["RiskImminent"]);
        Assert.False(Has(risk, "adverse-event-agent"));

        var goodCare = Event(Report(ReportKind.GoodPractice), Answers(ReportKind.GoodPractice));
        Assert.Equal(["Keep wet-floor signs on every ward."], Fields(goodCare, "adverse-event-went-well")["HowFutureOccurrence"]);
        Assert.Empty(Contained<R4.Patient>(goodCare).Extension);
        Assert.False(Has(goodCare, "adverse-event-classification"));
    }

    [Fact]
    public void An_anonymous_report_says_so_and_carries_nothing_that_names_or_contacts_the_reporter()
    {
        var adverseEvent = Event(Report(anonymous: true), Answers());
        var metadata = Fields(adverseEvent, "adverse-event-reference-metadata");
        Assert.Equal(["true"], metadata["IsAnonymous"]);
        Assert.Equal(["false"], metadata["DataSharingOptOut"]);
        var practitioner = Contained<R4.Practitioner>(adverseEvent);
        Assert.Empty(practitioner.Name);
        Assert.Empty(practitioner.Telecom);
        Assert.Empty(practitioner.Identifier);
        var details = Fields(practitioner, "practitioner-details");
        Assert.Empty(details["ReporterContact"]);
        Assert.Equal(["3"], details["ReporterType"]);
        Assert.Equal(["5"], details["ReporterRole"]);
        Assert.Equal([OdsCode], details["ReporterOrganisation"]);
    }

    [Fact]
    public void A_named_report_is_not_anonymous_but_still_sends_no_name_or_email()
    {
        var report = Report(anonymous: false);
        var adverseEvent = Event(report, Answers());
        Assert.Equal(["false"], Fields(adverseEvent, "adverse-event-reference-metadata")["IsAnonymous"]);
        var json = LfpseJson.Write(adverseEvent);
        Assert.DoesNotContain(report.ReporterName!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(report.ReporterEmail!, json, StringComparison.Ordinal);
        Assert.Empty(Fields(Contained<R4.Practitioner>(adverseEvent), "practitioner-details")["ReporterContact"]);
    }

    [Theory]
    [InlineData(true, 4, false)]
    [InlineData(true, 5, true)]
    [InlineData(true, 0, false)]
    [InlineData(false, 1, true)]
    public void An_anonymous_reporters_staff_group_is_left_out_where_fewer_than_5_reports_came_from_it_there(bool anonymous, int sameGroupReportsThere, bool shown)
    {
        var adverseEvent = Event(Report(anonymous: anonymous), Answers(), sameGroupReportsThere);
        var role = Fields(Contained<R4.Practitioner>(adverseEvent), "practitioner-details")["ReporterRole"];
        Assert.Equal(shown ? ["5"] : [], role);
    }

    [Fact]
    public void Nothing_from_FailingWell_itself_leaves_no_id_reference_receipt_or_link()
    {
        var report = Report();
        var json = LfpseJson.Write(Event(report, Answers()));
        foreach (var local in new[] { report.Reference, "4217", report.SubmissionId.ToString(), report.ReceiptLocator!, "http://", "failingwell", "T0", "T1", "T2" })
        {
            Assert.DoesNotContain(local, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_missing_mapping_or_answer_is_said_rather_than_guessed()
    {
        var report = Report();
        report.Division!.LfpseServiceArea = null;
        report.Location!.LfpseLocationWithinService = null;
        report.Category!.LfpseSafetyChallenges = null;
        var answers = Answers();
        answers.LevelOfConcern = null;
        var mapped = Map(report, answers, odsCode: null);

        Assert.Null(mapped.Event);
        Assert.Contains("The organisation's ODS code (Admin, LFPSE).", mapped.Missing);
        Assert.Contains("The LFPSE service area of the division Medicine.", mapped.Missing);
        Assert.Contains("The LFPSE location type of Ward 7.", mapped.Missing);
        Assert.Contains("The LFPSE safety challenges of the category Slips, trips and falls.", mapped.Missing);
        Assert.Contains("The level of concern.", mapped.Missing);
    }

    [Fact]
    public void A_code_that_is_not_in_LFPSEs_list_is_refused()
    {
        var report = Report();
        report.Division!.LfpseServiceArea = "99";
        var mapped = Map(report, Answers());
        Assert.Null(mapped.Event);
        Assert.Contains("ServiceArea: \"99\" is not in LFPSE's list service-type.", mapped.Missing);
    }

    [Theory]
    [InlineData(GovernanceStream.PatientSafety, PersonAffected.Staff, true)]
    [InlineData(GovernanceStream.RiskAndCompliance, PersonAffected.Patient, true)]
    [InlineData(GovernanceStream.PatientExperience, PersonAffected.VisitorOrPublic, false)]
    [InlineData(GovernanceStream.RiskAndCompliance, PersonAffected.Nobody, false)]
    public void Patient_safety_reports_and_reports_where_a_patient_was_affected_go_to_LFPSE(GovernanceStream stream, PersonAffected affected, bool goes)
    {
        var report = Report();
        report.Stream = stream;
        report.PersonAffected = affected;
        Assert.Equal(goes, LfpseEventMapper.Applies(report));
    }
}
