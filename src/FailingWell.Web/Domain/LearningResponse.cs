using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>PSIRF's proportionate learning responses (NHS England, 2022).</summary>
public enum LearningResponseType
{
    SwarmHuddle = 1,
    AfterActionReview = 2,
    MdtReview = 3,
    ThematicReview = 4,
    Psii = 5,
}

public enum LearningResponseStatus
{
    Planned = 1,
    InProgress = 2,
    Completed = 3,
}

/// <summary>PSIRF's national event response requirements: each needs a patient safety incident investigation.</summary>
public enum NationalTrigger
{
    None = 0,
    NeverEvent = 1,
    DeathDueToProblemsInCare = 2,
    MentalHealthActDeath = 3,
    MaternityNeonatalReferral = 4,
    ChildDeath = 5,
    LearningDisabilityDeath = 6,
    SafeguardingIncident = 7,
    ScreeningIncident = 8,
    DeathInCustody = 9,
    MentalHealthHomicide = 10,
    DomesticHomicide = 11,
}

/// <summary>Which way a safety action should move its measure if it works.</summary>
public enum ExpectedDirection
{
    Fall = -1,
    Rise = 1,
}

public enum EngagedPerson
{
    Patient = 1,
    Family = 2,
    Staff = 3,
}

public static class LearningWords
{
    public static string Describe(this LearningResponseType type) => type switch
    {
        LearningResponseType.SwarmHuddle => "SWARM huddle",
        LearningResponseType.AfterActionReview => "After action review",
        LearningResponseType.MdtReview => "Multidisciplinary team review",
        LearningResponseType.ThematicReview => "Thematic review",
        LearningResponseType.Psii => "Patient safety incident investigation (PSII)",
        _ => type.ToString(),
    };

    public static string Describe(this LearningResponseStatus status) => status switch
    {
        LearningResponseStatus.Planned => "Planned",
        LearningResponseStatus.InProgress => "In progress",
        LearningResponseStatus.Completed => "Completed",
        _ => status.ToString(),
    };

    public static string Describe(this NationalTrigger trigger) => trigger switch
    {
        NationalTrigger.None => "No national trigger",
        NationalTrigger.NeverEvent => "Never Event",
        NationalTrigger.DeathDueToProblemsInCare => "Death thought more likely than not due to problems in care",
        NationalTrigger.MentalHealthActDeath => "Death of a patient detained under the Mental Health Act, or where the Mental Capacity Act applies, thought linked to problems in care",
        NationalTrigger.MaternityNeonatalReferral => "Maternity or neonatal incident meeting the national referral criteria (MNSI)",
        NationalTrigger.ChildDeath => "Child death",
        NationalTrigger.LearningDisabilityDeath => "Death of a person with a learning disability or autistic person",
        NationalTrigger.SafeguardingIncident => "Safeguarding incident meeting the national criteria",
        NationalTrigger.ScreeningIncident => "Incident in an NHS screening programme",
        NationalTrigger.DeathInCustody => "Death in custody",
        NationalTrigger.MentalHealthHomicide => "Mental health-related homicide",
        NationalTrigger.DomesticHomicide => "Domestic homicide",
        _ => trigger.ToString(),
    };

    public static string Describe(this EngagedPerson person) => person switch
    {
        EngagedPerson.Patient => "Patient",
        EngagedPerson.Family => "Family or carer",
        EngagedPerson.Staff => "Staff member",
        _ => person.ToString(),
    };

    /// <summary>
    /// Who can take part in a response, by role: a list rather than free text, so nobody types a
    /// name, and the anonymous reporter is never among them (no "reporter" role exists).
    /// </summary>
    public static readonly IReadOnlyList<string> ParticipantRoles =
    [
        "Ward or unit manager", "Matron", "Registered nurse", "Midwife", "Healthcare assistant", "Consultant", "Resident doctor",
        "Pharmacist", "Allied health professional", "Theatre practitioner", "Porter", "Domestic", "Estates", "Administrator",
        "Patient safety specialist", "Patient safety partner", "Family liaison", "Subject matter expert",
    ];
}

/// <summary>
/// The trust's patient safety incident response plan (PSIRP) as PSIRF asks: national triggers that
/// always need a PSII, and local priorities, each with its planned response. Stored as a snapshot per
/// version (<see cref="ResponsePlanVersion"/>), so what the plan said when a decision was made stays readable.
/// </summary>
public sealed record ResponsePlan(IReadOnlyList<NationalTriggerRule> NationalTriggers, IReadOnlyList<LocalPriority> LocalPriorities)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ResponsePlan FromJson(string json) => JsonSerializer.Deserialize<ResponsePlan>(json, Json) ?? Default;

    public static readonly IReadOnlyList<NationalTriggerRule> NationalRequirements =
    [
        new(NationalTrigger.NeverEvent, null),
        new(NationalTrigger.DeathDueToProblemsInCare, null),
        new(NationalTrigger.MentalHealthActDeath, "Also tell the Care Quality Commission"),
        new(NationalTrigger.MaternityNeonatalReferral, "Refer to Maternity and Newborn Safety Investigations (MNSI)"),
        new(NationalTrigger.ChildDeath, "Refer to the Child Death Overview Panel"),
        new(NationalTrigger.LearningDisabilityDeath, "Refer to LeDeR"),
        new(NationalTrigger.SafeguardingIncident, "Refer to the local safeguarding partnership"),
        new(NationalTrigger.ScreeningIncident, "Refer to the screening quality assurance service"),
        new(NationalTrigger.DeathInCustody, "Refer to the Prisons and Probation Ombudsman"),
        new(NationalTrigger.MentalHealthHomicide, "Refer to NHS England for an independent review"),
        new(NationalTrigger.DomesticHomicide, "Refer to the community safety partnership"),
    ];

    /// <summary>A sensible starting plan: falls, medication and pressure ulcers as local priorities.</summary>
    public static readonly ResponsePlan Default = new(NationalRequirements,
    [
        new("Falls", PhysicalHarm.Moderate, null, LearningResponseType.AfterActionReview),
        new("Medication", PhysicalHarm.Moderate, null, LearningResponseType.AfterActionReview),
        new("Pressure ulcers", PhysicalHarm.Moderate, null, LearningResponseType.ThematicReview),
        new("Infection control", PhysicalHarm.Severe, null, LearningResponseType.MdtReview),
        new(null, null, "deteriorat", LearningResponseType.SwarmHuddle),
    ]);

    /// <summary>
    /// What the plan proposes for a report: a national trigger always gives a PSII; otherwise the first
    /// local priority whose category and minimum harm match, or whose theme word is in the report's
    /// title or text. Null: the plan asks for no particular response.
    /// </summary>
    public Proposal? Propose(NationalTrigger trigger, string category, PhysicalHarm harm, string text)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(text);
        if (trigger != NationalTrigger.None)
        {
            var rule = NationalTriggers.FirstOrDefault(t => t.Trigger == trigger) ?? new NationalTriggerRule(trigger, null);
            return new Proposal(LearningResponseType.Psii, $"National trigger: {trigger.Describe()}" + (rule.ReferTo is null ? "" : $". {rule.ReferTo}"));
        }

        foreach (var priority in LocalPriorities)
        {
            var categoryMatches = priority.Category is null || string.Equals(priority.Category, category, StringComparison.OrdinalIgnoreCase);
            var harmMatches = priority.MinimumHarm is null || harm >= priority.MinimumHarm;
            var themeMatches = string.IsNullOrWhiteSpace(priority.Theme) || text.Contains(priority.Theme.Trim(), StringComparison.OrdinalIgnoreCase);
            if (categoryMatches && harmMatches && themeMatches)
            {
                return new Proposal(priority.Response, "Local priority: " + priority.Describe());
            }
        }

        return null;
    }
}

/// <param name="ReferTo">Who else is told, where the national requirement says so.</param>
public sealed record NationalTriggerRule(NationalTrigger Trigger, string? ReferTo)
{
    public LearningResponseType Response => LearningResponseType.Psii;
}

/// <summary>A local priority: any of category, minimum harm and theme word (all given must match) gives a planned response.</summary>
public sealed record LocalPriority(string? Category, PhysicalHarm? MinimumHarm, string? Theme, LearningResponseType Response)
{
    public string Describe() =>
        string.Join(", ", new[]
        {
            Category,
            MinimumHarm is { } h ? h.AtLeastLabel().ToLowerInvariant() : null,
            string.IsNullOrWhiteSpace(Theme) ? null : $"theme \"{Theme.Trim()}\"",
        }.Where(p => p is not null)) + $" → {Response.Describe()}";
}

public sealed record Proposal(LearningResponseType Type, string Why);

/// <summary>One saved version of the plan: never changed once written, so old decisions keep pointing at what they were made under.</summary>
public sealed class ResponsePlanVersion
{
    public int Id { get; set; }

    public int Number { get; set; }

    public DateOnly SavedOn { get; set; }

    public string? SavedBy { get; set; }

    public string? ChangeNote { get; set; }

    public string Content { get; set; } = "";

    public ResponsePlan Plan => ResponsePlan.FromJson(Content);
}

/// <summary>
/// What a learning response writes down: the SEIPS work-system analysis, the findings, an AAR's four
/// answers and a PSII's terms of reference. The response keeps it and the form that records it edits
/// it, each with fields of these names (a form's fields stay flat: the page's field names, the
/// validation keys and the typed-text check read them so). The text limit and the copying between the
/// two go through <see cref="ResponseRecord"/>, so a field added here has both without another list.
/// </summary>
public interface IResponseRecord
{
    string? SeipsPerson { get; set; }

    string? SeipsTasks { get; set; }

    string? SeipsTools { get; set; }

    string? SeipsOrganisation { get; set; }

    string? SeipsInternalEnvironment { get; set; }

    string? SeipsExternalEnvironment { get; set; }

    string? Findings { get; set; }

    string? AarExpected { get; set; }

    string? AarActual { get; set; }

    string? AarWhyDifferent { get; set; }

    string? AarLearned { get; set; }

    string? TermsOfReference { get; set; }
}

public static class ResponseRecord
{
    /// <summary>Every field of the record, each a free text within <see cref="TextLimit"/>.</summary>
    public static readonly IReadOnlyList<PropertyInfo> Texts = typeof(IResponseRecord).GetProperties();

    /// <summary>Copies the record from one holder to the other, each field through <paramref name="each"/> if given.</summary>
    public static void Copy(IResponseRecord from, IResponseRecord to, Func<string?, string?>? each = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        foreach (var text in Texts)
        {
            var value = (string?)text.GetValue(from);
            text.SetValue(to, each is null ? value : each(value));
        }
    }
}

/// <summary>
/// A PSIRF learning response: a structured record of how the work system (SEIPS) shaped one or more
/// reports, what was found and what will change. Participants are roles, never names, and never the reporter.
/// </summary>
public sealed class LearningResponse : IResponseRecord
{
    public int Id { get; set; }

    public LearningResponseType Type { get; set; }

    public LearningResponseStatus Status { get; set; } = LearningResponseStatus.Planned;

    /// <summary>A short lead-written title: the only words of a response a digest shows.</summary>
    public string Title { get; set; } = "";

    public DateOnly CreatedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? LeadAccountId { get; set; }

    public string? LeadName { get; set; }

    /// <summary>The plan version in force when the response was chosen, and what it proposed.</summary>
    public int? PlanVersionId { get; set; }

    public ResponsePlanVersion? PlanVersion { get; set; }

    public NationalTrigger NationalTrigger { get; set; }

    public LearningResponseType? ProposedType { get; set; }

    public string? ProposalWhy { get; set; }

    /// <summary>Why the lead chose another response than the plan's.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>Roles from <see cref="LearningWords.ParticipantRoles"/>, joined by "; ".</summary>
    public string? Participants { get; set; }

    public string? SeipsPerson { get; set; }

    public string? SeipsTasks { get; set; }

    public string? SeipsTools { get; set; }

    public string? SeipsOrganisation { get; set; }

    public string? SeipsInternalEnvironment { get; set; }

    public string? SeipsExternalEnvironment { get; set; }

    public string? Findings { get; set; }

    public string? AarExpected { get; set; }

    public string? AarActual { get; set; }

    public string? AarWhyDifferent { get; set; }

    public string? AarLearned { get; set; }

    public string? TermsOfReference { get; set; }

    /// <summary>Said to the reporter(s) on their follow-up page once <see cref="SharedOn"/> is set.</summary>
    public string? ReporterSummary { get; set; }

    public DateOnly? SharedOn { get; set; }

    public List<LearningResponseReport> Reports { get; set; } = [];

    public List<SafetyAction> Actions { get; set; } = [];

    public List<Engagement> Engagements { get; set; } = [];
}

public sealed class LearningResponseReport
{
    public int LearningResponseId { get; set; }

    public int ReportId { get; set; }

    public Report? Report { get; set; }
}

/// <summary>
/// A response's safety action, with how its effect is checked: the monthly count of reports in a
/// category (optionally a division, a location, a kind), expected to fall or rise after <see cref="StartsOn"/>.
/// </summary>
public sealed class SafetyAction : IPlannedAction
{
    public int Id { get; set; }

    public int LearningResponseId { get; set; }

    public LearningResponse? LearningResponse { get; set; }

    public string Description { get; set; } = "";

    public string OwnerAccountId { get; set; } = "";

    public string? OwnerName { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public int MeasureCategoryId { get; set; }

    public int? MeasureDivisionId { get; set; }

    public int? MeasureLocationId { get; set; }

    public ReportKind? MeasureKind { get; set; }

    public ExpectedDirection ExpectedDirection { get; set; } = ExpectedDirection.Fall;
}

/// <summary>Engagement with someone affected: by who they are (patient, family, staff) and role, never a name.</summary>
public sealed class Engagement
{
    public int Id { get; set; }

    public int LearningResponseId { get; set; }

    public EngagedPerson Person { get; set; }

    public string? Role { get; set; }

    public DateOnly? OfferedOn { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? MetOn { get; set; }

    public DateOnly? FindingsSharedOn { get; set; }

    public string? Notes { get; set; }
}

internal sealed class LearningConfiguration :
    IEntityTypeConfiguration<ResponsePlanVersion>, IEntityTypeConfiguration<LearningResponse>, IEntityTypeConfiguration<LearningResponseReport>,
    IEntityTypeConfiguration<SafetyAction>, IEntityTypeConfiguration<Engagement>
{

    public void Configure(EntityTypeBuilder<ResponsePlanVersion> builder)
    {
        builder.ToTable("ResponsePlanVersions");
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.SavedBy).HasMaxLength(200);
        builder.Property(v => v.ChangeNote).HasMaxLength(500);
        builder.Property(v => v.Content).IsRequired();
        builder.Ignore(v => v.Plan);
        builder.HasData(new ResponsePlanVersion
        {
            Id = 1, Number = 1, SavedOn = new DateOnly(2026, 12, 1), SavedBy = null,
            ChangeNote = "The starting plan: PSIRF's national requirements and five local priorities", Content = ResponsePlan.Default.ToJson(),
        });
    }

    public void Configure(EntityTypeBuilder<LearningResponse> builder)
    {
        builder.ToTable("LearningResponses");
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.LeadAccountId).HasMaxLength(450);
        builder.Property(r => r.LeadName).HasMaxLength(200);
        builder.Property(r => r.ProposalWhy).HasMaxLength(500);
        builder.Property(r => r.OverrideReason).HasMaxLength(2000);
        builder.Property(r => r.Participants).HasMaxLength(2000);
        foreach (var text in ResponseRecord.Texts)
        {
            builder.Property(text.Name).HasMaxLength(TextLimit.Characters);
        }

        builder.Property(r => r.ReporterSummary).HasMaxLength(TextLimit.Characters);
        builder.HasOne(r => r.PlanVersion).WithMany().HasForeignKey(r => r.PlanVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Reports).WithOne().HasForeignKey(l => l.LearningResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne(a => a.LearningResponse).HasForeignKey(a => a.LearningResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Engagements).WithOne().HasForeignKey(e => e.LearningResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.Status, r.CreatedOn });
        builder.HasIndex(r => r.CompletedOn);
    }

    public void Configure(EntityTypeBuilder<LearningResponseReport> builder)
    {
        builder.ToTable("LearningResponseReports");
        builder.HasKey(l => new { l.LearningResponseId, l.ReportId });
        builder.HasOne(l => l.Report).WithMany().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.ReportId);
    }

    public void Configure(EntityTypeBuilder<SafetyAction> builder)
    {
        builder.ToTable("SafetyActions");
        builder.Property(a => a.Description).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.OwnerAccountId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.HasOne<Category>().WithMany().HasForeignKey(a => a.MeasureCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(a => a.MeasureDivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Location>().WithMany().HasForeignKey(a => a.MeasureLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CompletedOn, a.DueOn });
    }

    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable("Engagements");
        builder.Property(e => e.Role).HasMaxLength(100);
        builder.Property(e => e.Notes).HasMaxLength(TextLimit.Characters);
    }
}
