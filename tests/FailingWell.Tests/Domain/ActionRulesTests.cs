namespace FailingWell.Tests.Domain;

/// <summary>A report's actions and a response's safety actions follow one rule for overdue and for done.</summary>
public sealed class ActionRulesTests
{
    private static readonly DateOnly Due = new(2026, 7, 12);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(1, true)]
    public void The_plain_rule_and_the_database_rule_say_the_same_for_both_kinds_of_action(int daysFromDue, bool done)
    {
        var today = Due.AddDays(daysFromDue);
        DateOnly? completedOn = done ? Due : null;
        var reportAction = new ReportAction { DueOn = Due, CompletedOn = completedOn };
        var safetyAction = new SafetyAction { DueOn = Due, CompletedOn = completedOn };

        var overdue = daysFromDue > 0 && !done;
        Assert.Equal(overdue, reportAction.IsOverdue(today));
        Assert.Equal(overdue, ActionRules.Overdue<ReportAction>(today).Compile()(reportAction));
        Assert.Equal(overdue, safetyAction.IsOverdue(today));
        Assert.Equal(overdue, ActionRules.Overdue<SafetyAction>(today).Compile()(safetyAction));
    }

    [Fact]
    public void An_action_is_done_once_on_the_day_it_was_marked()
    {
        var action = new SafetyAction { DueOn = Due };

        Assert.True(action.MarkDone(Due.AddDays(2)));
        Assert.False(action.MarkDone(Due.AddDays(5)));
        Assert.Equal(Due.AddDays(2), action.CompletedOn);
    }
}
