namespace FailingWell.Web.Domain;

/// <summary>The commands of triage that can move a report from one status to another.</summary>
public enum ReportTransition
{
    /// <summary>A lead has read it.</summary>
    Acknowledge = 1,

    /// <summary>Routed to a stream or division, or given an owner (alone or in bulk).</summary>
    Route = 2,

    /// <summary>Harm and risk graded.</summary>
    Grade = 3,

    /// <summary>An action agreed: the report is being looked into, read or not.</summary>
    AddAction = 4,

    /// <summary>Finished with an outcome for the reporter.</summary>
    Close = 5,

    /// <summary>Closed because it repeats another report.</summary>
    MarkDuplicate = 6,

    /// <summary>Opened again after closing.</summary>
    Reopen = 7,
}

/// <summary>
/// Which status may follow which, by which command, written once as data (docs/decisions/0099).
/// A (command, status) pair that is not in the table is refused; a row to the same status means
/// the command is allowed and leaves the status as it is (routing a new report does not read it).
/// </summary>
public static class ReportLifecycle
{
    /// <summary>Where every report starts, typed in the form or handed over by a guardian.</summary>
    public const ReportStatus Initial = ReportStatus.New;

    private const ReportStatus New = ReportStatus.New;
    private const ReportStatus Acknowledged = ReportStatus.Acknowledged;
    private const ReportStatus UnderReview = ReportStatus.UnderReview;
    private const ReportStatus Closed = ReportStatus.Closed;

    public sealed record Rule(ReportTransition Transition, IReadOnlyList<ReportStatus> From, ReportStatus To);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(ReportTransition.Acknowledge, [New], Acknowledged),

        // Triage on a report a lead has read means it is being looked into; on an unread one it is not yet.
        new(ReportTransition.Route, [New], New),
        new(ReportTransition.Route, [Acknowledged, UnderReview], UnderReview),
        new(ReportTransition.Grade, [New], New),
        new(ReportTransition.Grade, [Acknowledged, UnderReview], UnderReview),

        // Agreeing an action is reading it too.
        new(ReportTransition.AddAction, [New, Acknowledged, UnderReview], UnderReview),
        new(ReportTransition.Close, [New, Acknowledged, UnderReview], Closed),
        new(ReportTransition.MarkDuplicate, [New, Acknowledged, UnderReview], Closed),
        new(ReportTransition.Reopen, [Closed], UnderReview),
    ];

    /// <summary>The statuses a report can be closed from: the open ones, which triage may change.</summary>
    public static readonly IReadOnlyList<ReportStatus> OpenStatuses =
        [.. Enum.GetValues<ReportStatus>().Where(s => CanMove(s, ReportTransition.Close))];

    public static bool IsOpen(ReportStatus status) => OpenStatuses.Contains(status);

    /// <summary>The status <paramref name="transition"/> leads to from <paramref name="status"/>, or null where it is refused.</summary>
    public static ReportStatus? Next(ReportStatus status, ReportTransition transition)
    {
        foreach (var rule in Rules)
        {
            if (rule.Transition == transition && rule.From.Contains(status))
            {
                return rule.To;
            }
        }

        return null;
    }

    public static bool CanMove(ReportStatus status, ReportTransition transition) => Next(status, transition) is not null;

    /// <summary>
    /// Moves the report, stamping the days that go with its status: moved past "new" it has been read,
    /// arriving at "closed" the reporter is told, leaving it clears the day it closed. Returns
    /// false, changing nothing, where the table refuses the move.
    /// </summary>
    public static bool TryMove(this Report report, ReportTransition transition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Next(report.Status, transition) is not { } next)
        {
            return false;
        }

        var from = report.Status;
        report.Status = next;
        // Any move past "new" is a lead reading it, except reopening: a closed report was read before.
        if (next != New && from != Closed)
        {
            report.AcknowledgedOn ??= today;
        }

        if (next == Closed)
        {
            report.ClosedOn = today;
            report.FeedbackGivenOn ??= today;
        }
        else if (from == Closed)
        {
            report.ClosedOn = null;
        }

        return true;
    }

    /// <summary>As <see cref="TryMove"/>, for a command whose handler has already refused the statuses it cannot move from.</summary>
    public static void Move(this Report report, ReportTransition transition, DateOnly today)
    {
        if (!report.TryMove(transition, today))
        {
            throw new InvalidOperationException($"A report that is {report.Status} cannot be moved by {transition}.");
        }
    }
}
