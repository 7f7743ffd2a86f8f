namespace FailingWell.Tests.Domain;

/// <summary>A case's deadlines, as the guardian's list and the case page show them.</summary>
public sealed class SpeakUpRulesTests
{
    private static readonly DateOnly Due = new(2026, 7, 12);

    [Theory]
    [InlineData(SpeakUpStatus.New, 1, false, true, true)]
    [InlineData(SpeakUpStatus.New, 0, false, false, false)]
    [InlineData(SpeakUpStatus.Acknowledged, 1, false, false, true)]
    [InlineData(SpeakUpStatus.Acknowledged, 1, true, false, false)]
    [InlineData(SpeakUpStatus.Closed, 1, false, false, false)]
    public void Acknowledgement_is_late_only_while_new_and_feedback_only_while_open_and_none_given(
        SpeakUpStatus status, int daysFromDue, bool feedbackGiven, bool acknowledgementOverdue, bool feedbackOverdue)
    {
        var today = Due.AddDays(daysFromDue);

        Assert.Equal(acknowledgementOverdue, SpeakUpRules.IsAcknowledgementOverdue(status, Due, today));
        Assert.Equal(feedbackOverdue, SpeakUpRules.IsFeedbackOverdue(status, Due, feedbackGiven ? Due : null, today));
    }
}
