using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>NHS Improvement's just culture guide (2018): its tests, asked in this order.</summary>
public enum JustCultureQuestion
{
    DeliberateHarm = 1,
    Health = 2,
    Foresight = 3,
    Substitution = 4,
    MitigatingCircumstances = 5,
}

/// <summary>Where the guide ends: what the organisation should do next.</summary>
public enum JustCultureOutcome
{
    /// <summary>Intended harm: management action, regulators and police may be involved.</summary>
    DeliberateHarm = 1,

    /// <summary>Ill health or substance misuse: occupational health and support, not sanction.</summary>
    Health = 2,

    /// <summary>No workable protocol knowingly broken, or peers would have done the same: fix the system, support the person.</summary>
    SystemFailure = 3,

    /// <summary>Significant mitigating circumstances: action against the individual may not be appropriate.</summary>
    Mitigated = 4,

    /// <summary>None of the above: management action (training, supervision, performance processes).</summary>
    ManagementAction = 5,
}

/// <summary>
/// One use of the guide: one person and one action at a time, recorded by a lead. Seen only by that lead
/// and admins; the board sees only how often it was used and its outcomes by staff group, small numbers suppressed.
/// </summary>
public sealed class JustCultureRecord
{
    public int Id { get; set; }

    public string RecordedByAccountId { get; set; } = "";

    public DateOnly RecordedOn { get; set; }

    public int StaffGroupId { get; set; }

    public StaffGroup? StaffGroup { get; set; }

    public string Role { get; set; } = "";

    /// <summary>Optional: the guide can be used without naming anyone.</summary>
    public string? PersonName { get; set; }

    /// <summary>The one act or omission being considered.</summary>
    public string ActionConsidered { get; set; } = "";

    public bool? DeliberateHarm { get; set; }

    public bool? Health { get; set; }

    public bool? Foresight { get; set; }

    public bool? Substitution { get; set; }

    public bool? MitigatingCircumstances { get; set; }

    public JustCultureOutcome? Outcome { get; set; }
}

/// <summary>The guide's flow, written once: the next question, and the outcome an answer leads to.</summary>
public static class JustCultureGuide
{
    public static string Ask(this JustCultureQuestion question) => question switch
    {
        JustCultureQuestion.DeliberateHarm => "Deliberate harm test: was there any intention to cause harm?",
        JustCultureQuestion.Health => "Health test: are there indications of substance misuse, or of physical or mental ill health, that affected what the person did?",
        JustCultureQuestion.Foresight => "Foresight test: were there agreed protocols or accepted practice, workable and in routine use, that the person knowingly departed from?",
        JustCultureQuestion.Substitution => "Substitution test: would others from the same peer group, with similar experience and training, probably have acted the same way in similar circumstances (or was the person missed from training or supervision their peers had)?",
        JustCultureQuestion.MitigatingCircumstances => "Mitigating circumstances: were there significant mitigating circumstances?",
        _ => question.ToString(),
    };

    public static string Describe(this JustCultureOutcome outcome) => outcome switch
    {
        JustCultureOutcome.DeliberateHarm => "Deliberate harm: follow organisational guidance for management action (this may involve regulators, suspension, police and disciplinary processes). A wider investigation is still needed into how patients were not protected.",
        JustCultureOutcome.Health => "Health: follow organisational guidance for health issues affecting work (occupational health, support and adjustments), not sanction. A wider investigation is still needed.",
        JustCultureOutcome.SystemFailure => "System failure: support the person, and act on the system or process that failed. Action singling out the individual is not appropriate.",
        JustCultureOutcome.Mitigated => "Mitigating circumstances: action directed at the individual may not be appropriate. Follow organisational guidance, with senior HR advice.",
        JustCultureOutcome.ManagementAction => "Management action: follow organisational guidance (training, supervision, performance processes, changes to role). A wider investigation is still needed.",
        _ => outcome.ToString(),
    };

    public static string ShortName(this JustCultureOutcome outcome) => outcome switch
    {
        JustCultureOutcome.DeliberateHarm => "Deliberate harm",
        JustCultureOutcome.Health => "Health",
        JustCultureOutcome.SystemFailure => "System failure",
        JustCultureOutcome.Mitigated => "Mitigating circumstances",
        JustCultureOutcome.ManagementAction => "Management action",
        _ => outcome.ToString(),
    };

    /// <summary>The question to answer next, or null when the guide has reached its outcome.</summary>
    public static JustCultureQuestion? Next(this JustCultureRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome is not null ? null
            : record.DeliberateHarm is null ? JustCultureQuestion.DeliberateHarm
            : record.Health is null ? JustCultureQuestion.Health
            : record.Foresight is null ? JustCultureQuestion.Foresight
            : record.Substitution is null ? JustCultureQuestion.Substitution
            : JustCultureQuestion.MitigatingCircumstances;
    }

    /// <summary>Records the answer to the next question; returns the outcome when the answer ends the guide.</summary>
    public static JustCultureOutcome? Answer(this JustCultureRecord record, JustCultureQuestion question, bool yes)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Next() != question)
        {
            throw new InvalidOperationException("The guide's questions are answered in order, one at a time.");
        }

        switch (question)
        {
            case JustCultureQuestion.DeliberateHarm:
                record.DeliberateHarm = yes;
                record.Outcome = yes ? JustCultureOutcome.DeliberateHarm : null;
                break;
            case JustCultureQuestion.Health:
                record.Health = yes;
                record.Outcome = yes ? JustCultureOutcome.Health : null;
                break;
            case JustCultureQuestion.Foresight:
                record.Foresight = yes;
                record.Outcome = yes ? null : JustCultureOutcome.SystemFailure;
                break;
            case JustCultureQuestion.Substitution:
                record.Substitution = yes;
                record.Outcome = yes ? JustCultureOutcome.SystemFailure : null;
                break;
            default:
                record.MitigatingCircumstances = yes;
                record.Outcome = yes ? JustCultureOutcome.Mitigated : JustCultureOutcome.ManagementAction;
                break;
        }

        return record.Outcome;
    }
}

internal sealed class JustCultureConfiguration : IEntityTypeConfiguration<JustCultureRecord>
{
    public void Configure(EntityTypeBuilder<JustCultureRecord> builder)
    {
        builder.ToTable("JustCultureRecords");
        builder.Property(r => r.RecordedByAccountId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Role).HasMaxLength(100).IsRequired();
        builder.Property(r => r.PersonName).HasMaxLength(200);
        builder.Property(r => r.ActionConsidered).HasMaxLength(2000).IsRequired();
        builder.HasOne(r => r.StaffGroup).WithMany().HasForeignKey(r => r.StaffGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RecordedByAccountId, r.RecordedOn });
    }
}
