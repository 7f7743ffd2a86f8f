using System.Linq.Expressions;

namespace FailingWell.Web.Domain;

/// <summary>Something planned with an owner and a due day: a report's action or a learning response's safety action.</summary>
public interface IPlannedAction
{
    DateOnly DueOn { get; }

    DateOnly? CompletedOn { get; set; }
}

/// <summary>The rules of a planned action, once for report actions and safety actions.</summary>
public static class ActionRules
{
    /// <summary>Not done by its due day.</summary>
    public static bool IsOverdue(this IPlannedAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.CompletedOn == null && action.DueOn < today;
    }

    public static Expression<Func<TAction, bool>> Overdue<TAction>(DateOnly today)
        where TAction : class, IPlannedAction =>
        a => a.CompletedOn == null && a.DueOn < today;

    /// <summary>Done today; false, and nothing changed, when it was done already: an action is done once.</summary>
    public static bool MarkDone(this IPlannedAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.CompletedOn is not null)
        {
            return false;
        }

        action.CompletedOn = today;
        return true;
    }
}
