using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>
/// One run of a scheduled job, written by <see cref="JobRunRecorder"/>: which node ran it, when, for how long
/// and how it ended. A failure keeps its exception's type only, never its message (which can hold data).
/// Bounded per job (<see cref="JobRunRecorder.KeptPerOutcome"/>).
/// </summary>
public sealed class JobRun
{
    public const int MaxNameLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    public string JobGroup { get; set; } = "";

    public string JobName { get; set; } = "";

    /// <summary>The scheduler instance id of the node that ran it.</summary>
    public string Node { get; set; } = "";

    public DateTime StartedAtUtc { get; set; }

    public DateTime FinishedAtUtc { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>The full name of the exception's type when the run failed.</summary>
    public string? ErrorType { get; set; }

    /// <summary>Asked for with "run now" (Quartz's <c>TriggerJob</c>) rather than fired by the schedule.</summary>
    public bool Manual { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(r => r.JobGroup).HasMaxLength(JobRun.MaxNameLength).IsRequired();
        builder.Property(r => r.JobName).HasMaxLength(JobRun.MaxNameLength).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(JobRun.MaxNameLength).IsRequired();
        builder.Property(r => r.ErrorType).HasMaxLength(JobRun.MaxNameLength);
        builder.HasIndex(r => new { r.JobGroup, r.JobName, r.Succeeded, r.StartedAtUtc });
    }
}
