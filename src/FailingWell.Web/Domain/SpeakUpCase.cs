using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>Why the reporter sent it to the Freedom to Speak Up guardian rather than to governance.</summary>
public enum SpeakUpRoute
{
    /// <summary>How staff are treated: bullying, harassment, behaviour.</summary>
    HowStaffAreTreated = 1,

    /// <summary>Their own safety or wellbeing at work.</summary>
    SafetyAtWork = 2,

    /// <summary>They chose the guardian, whatever it is about.</summary>
    ChoseTheGuardian = 3,
}

/// <summary>The National Guardian's Office's three ways of raising a case.</summary>
public enum SpeakUpOpenness
{
    /// <summary>Nobody knows who raised it, not even the guardian.</summary>
    Anonymous = 1,

    /// <summary>The guardian knows the name and keeps it to themselves.</summary>
    Confidential = 2,

    /// <summary>The reporter is content for their name to be known.</summary>
    Open = 3,
}

public enum SpeakUpStatus
{
    New = 1,
    Acknowledged = 2,
    Closed = 3,
}

/// <summary>"Would you speak up again?", and "have you suffered detriment?" share the NGO's not-sure answer.</summary>
public enum SpeakUpAnswer
{
    Yes = 1,
    No = 2,
    NotSure = 3,
}

/// <summary>LFPSE's reasons for staying anonymous: the share over time is a fear measure.</summary>
public enum WhyAnonymous
{
    UsedAgainstMe = 1,
    ColleaguesKnow = 2,
    Other = 3,
}

/// <summary>
/// A concern raised with the Freedom to Speak Up guardian: its own table, never a report, so no query
/// over reports (queue, search, digests, culture, exports) can show it (docs/decisions/0063). As for
/// an anonymous report, only the day and time band of when it arrived are kept.
/// </summary>
public sealed class SpeakUpCase : IFollowedUp<SpeakUpMessage>
{
    public int Id { get; set; }

    /// <summary>SU-2026-K7MQ3D: random, so it says nothing of order. What the audit log names.</summary>
    public string Reference { get; set; } = "";

    public SpeakUpRoute Route { get; set; }

    public string WhatIsTheConcern { get; set; } = "";

    public int? DivisionId { get; set; }

    public Division? Division { get; set; }

    public int? LocationId { get; set; }

    public Location? Location { get; set; }

    public SpeakUpOpenness Openness { get; set; } = SpeakUpOpenness.Anonymous;

    /// <summary>Only when confidential or open, seen only by guardians.</summary>
    public string? ReporterName { get; set; }

    public string? ReporterEmail { get; set; }

    public WhyAnonymous? WhyAnonymous { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public TimeBand ReceivedBand { get; set; }

    public SpeakUpStatus Status { get; set; } = SpeakUpStatus.New;

    public DateOnly AcknowledgeBy { get; set; }

    public DateOnly FeedbackBy { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    public DateOnly? FeedbackGivenOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    // The National Guardian's Office's recording fields; a case may have several elements.
    public bool PatientSafetyElement { get; set; }

    public bool WorkerSafetyElement { get; set; }

    public bool BullyingElement { get; set; }

    public bool BehaviourElement { get; set; }

    /// <summary>The professional group, from the staff groups; the reporter's own answer until the guardian records one.</summary>
    public int? StaffGroupId { get; set; }

    public StaffGroup? StaffGroup { get; set; }

    /// <summary>The reporter indicated they had suffered detriment for speaking up (at raising or at the check-in).</summary>
    public bool DetrimentIndicated { get; set; }

    public string? ActionsTaken { get; set; }

    /// <summary>What the reporter is told in the end, shown on their follow-up page.</summary>
    public string? Feedback { get; set; }

    /// <summary>Asked at closure on the follow-up page.</summary>
    public SpeakUpAnswer? WouldSpeakUpAgain { get; set; }

    /// <summary>Asked three months after closure on the follow-up page.</summary>
    public SpeakUpAnswer? DetrimentAtCheckIn { get; set; }

    /// <summary>The day a patient-safety part went to governance as a new report: that, and nothing linking the two.</summary>
    public DateOnly? HandedOverOn { get; set; }

    /// <summary>How the reporter's consent to the hand-over was given, in the guardian's words.</summary>
    public string? HandOverConsentNote { get; set; }

    public Guid SubmissionId { get; set; }

    public string ReceiptLocator { get; set; } = "";

    public byte[] ReceiptSalt { get; set; } = [];

    public byte[] ReceiptHash { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<SpeakUpMessage> Messages { get; set; } = [];

    public bool HasElements => PatientSafetyElement || WorkerSafetyElement || BullyingElement || BehaviourElement;
}

/// <summary>A message between the reporter and the guardian, read by the reporter with the receipt code.</summary>
public sealed class SpeakUpMessage : FollowUpMessage
{
    public int CaseId { get; set; }
}

/// <summary>A case's deadlines, as the guardian's list and the case page both show them.</summary>
public static class SpeakUpRules
{
    /// <summary>Not acknowledged, and the day it was due has passed.</summary>
    public static bool IsAcknowledgementOverdue(SpeakUpStatus status, DateOnly acknowledgeBy, DateOnly today) =>
        status == SpeakUpStatus.New && acknowledgeBy < today;

    /// <summary>Still open, the person who spoke up not yet told anything, and the day it was due has passed.</summary>
    public static bool IsFeedbackOverdue(SpeakUpStatus status, DateOnly feedbackBy, DateOnly? feedbackGivenOn, DateOnly today) =>
        status != SpeakUpStatus.Closed && feedbackGivenOn is null && feedbackBy < today;
}

public static class SpeakUpReference
{
    public const string Prefix = "SU-";

    /// <summary>The same random six characters as a report's reference, with its own prefix.</summary>
    public static string Draw(int year) => Prefix + ReportReference.Format(year, ReportReference.DrawNumber())[ReportReference.Prefix.Length..];

    /// <summary>
    /// Audit entries about speak-up cases (they carry the case's reference): for guardians only, so
    /// an admin's audit log and its export leave them out and say how many (decision 0093).
    /// </summary>
    public static IQueryable<AuditEntry> AboutCases(IQueryable<AuditEntry> entries) =>
        entries.Where(a => a.ReportReference != null && a.ReportReference.StartsWith(Prefix));

    public static IQueryable<AuditEntry> NotAboutCases(IQueryable<AuditEntry> entries) =>
        entries.Where(a => a.ReportReference == null || !a.ReportReference.StartsWith(Prefix));
}

/// <summary>
/// The emails speaking up sends: to the person who spoke up, and to guardians. Their addresses and
/// times are for guardians only, so the admin's outbox lists them only as a count (decision 0093).
/// </summary>
public static class SpeakUpEmails
{
    public const string ReplyToSpeaker = "There is a reply to your concern";

    public const string CaseNeedsAttention = "A speak-up case needs attention";

    public static readonly IReadOnlyList<string> Subjects = [ReplyToSpeaker, CaseNeedsAttention];
}

public static class SpeakUpText
{
    public static string Describe(this SpeakUpOpenness openness) => openness switch
    {
        SpeakUpOpenness.Anonymous => "Anonymous",
        SpeakUpOpenness.Confidential => "Confidential",
        SpeakUpOpenness.Open => "Open",
        _ => openness.ToString(),
    };

    public static string Describe(this SpeakUpAnswer answer) => answer switch
    {
        SpeakUpAnswer.Yes => "Yes",
        SpeakUpAnswer.No => "No",
        SpeakUpAnswer.NotSure => "Not sure",
        _ => answer.ToString(),
    };

    public static string Describe(this SpeakUpRoute route) => route switch
    {
        SpeakUpRoute.HowStaffAreTreated => "How staff are treated",
        SpeakUpRoute.SafetyAtWork => "Their own safety at work",
        SpeakUpRoute.ChoseTheGuardian => "Chose the guardian",
        _ => route.ToString(),
    };

    public static string Describe(this WhyAnonymous why) => why switch
    {
        WhyAnonymous.UsedAgainstMe => "Worried it could be used against them",
        WhyAnonymous.ColleaguesKnow => "Did not want colleagues to know",
        WhyAnonymous.Other => "Another reason",
        _ => why.ToString(),
    };

    public const string PatientSafety = "Patient safety or quality";
    public const string WorkerSafety = "Worker safety or wellbeing";
    public const string Bullying = "Bullying or harassment";
    public const string Behaviour = "Other inappropriate attitudes or behaviours";
}

internal sealed class SpeakUpCaseConfiguration : IEntityTypeConfiguration<SpeakUpCase>, IEntityTypeConfiguration<SpeakUpMessage>
{
    public void Configure(EntityTypeBuilder<SpeakUpCase> builder)
    {
        builder.ToTable("SpeakUpCases");
        builder.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.WhatIsTheConcern).HasMaxLength(TextLimit.Characters).IsRequired();
        builder.Property(c => c.ReporterName).HasMaxLength(200);
        builder.Property(c => c.ReporterEmail).HasMaxLength(320);
        builder.Property(c => c.ActionsTaken).HasMaxLength(TextLimit.Characters);
        builder.Property(c => c.Feedback).HasMaxLength(TextLimit.Characters);
        builder.Property(c => c.HandOverConsentNote).HasMaxLength(2000);
        builder.Property(c => c.ReceiptLocator).HasMaxLength(8).IsRequired();
        builder.HasIndex(c => c.ReceiptLocator).IsUnique();
        builder.Property(c => c.ReceiptSalt).HasMaxLength(16).IsRequired();
        builder.Property(c => c.ReceiptHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.SubmissionId).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.ReceivedOn });
        builder.HasIndex(c => c.ReceivedOn);
        builder.HasIndex(c => c.ClosedOn);
        builder.HasOne(c => c.Division).WithMany().HasForeignKey(c => c.DivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Location).WithMany().HasForeignKey(c => c.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.StaffGroup).WithMany().HasForeignKey(c => c.StaffGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SpeakUpMessage> builder)
    {
        builder.ToTable("SpeakUpMessages");
        builder.Property(m => m.Body).HasMaxLength(TextLimit.Characters).IsRequired();
        // The column keeps the name it had before the two message kinds shared one shape (decision 0101).
        builder.Property(m => m.StaffName).HasColumnName("GuardianName").HasMaxLength(200);
        builder.HasIndex(m => new { m.CaseId, m.SubmissionId }).IsUnique();
    }
}
