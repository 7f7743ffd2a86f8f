using System.Text.RegularExpressions;

namespace FailingWell.Tests.Domain;

/// <summary>
/// The report's lifecycle is one table: every command from every status is allowed or refused as
/// triage has always done it, and the rest of the code asks the table rather than assigning a status.
/// </summary>
public sealed partial class ReportLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 7, 12);
    private static readonly DateOnly Earlier = new(2026, 7, 1);

    private const ReportStatus New = ReportStatus.New;
    private const ReportStatus Acknowledged = ReportStatus.Acknowledged;
    private const ReportStatus UnderReview = ReportStatus.UnderReview;
    private const ReportStatus Closed = ReportStatus.Closed;

    /// <summary>What each command does from each status (new, acknowledged, under review, closed); null is refused.</summary>
    private static readonly Dictionary<ReportTransition, ReportStatus?[]> Expected = new()
    {
        [ReportTransition.Acknowledge] = [Acknowledged, null, null, null],
        [ReportTransition.Route] = [New, UnderReview, UnderReview, null],
        [ReportTransition.Grade] = [New, UnderReview, UnderReview, null],
        [ReportTransition.AddAction] = [UnderReview, UnderReview, UnderReview, null],
        [ReportTransition.Close] = [Closed, Closed, Closed, null],
        [ReportTransition.MarkDuplicate] = [Closed, Closed, Closed, null],
        [ReportTransition.Reopen] = [null, null, null, UnderReview],
    };

    public static TheoryData<ReportStatus, ReportTransition> EveryPair()
    {
        var data = new TheoryData<ReportStatus, ReportTransition>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var transition in Enum.GetValues<ReportTransition>())
            {
                data.Add(status, transition);
            }
        }

        return data;
    }

    private static ReportStatus? ExpectedNext(ReportStatus status, ReportTransition transition) =>
        Expected[transition][Array.IndexOf(Enum.GetValues<ReportStatus>(), status)];

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_command_from_each_status_is_allowed_or_refused_as_the_table_says(ReportStatus status, ReportTransition transition)
    {
        var expected = ExpectedNext(status, transition);
        var report = new Report { Status = status, AcknowledgedOn = status == New ? null : Earlier, ClosedOn = status == Closed ? Earlier : null };

        Assert.Equal(expected, ReportLifecycle.Next(status, transition));
        Assert.Equal(expected is not null, ReportLifecycle.CanMove(status, transition));
        Assert.Equal(expected is not null, report.TryMove(transition, Today));
        Assert.Equal(expected ?? status, report.Status);
        if (expected is null)
        {
            Assert.Throws<InvalidOperationException>(() => report.Move(transition, Today));
            Assert.Equal(status, report.Status);
        }
    }

    [Fact]
    public void The_table_names_every_command_and_every_status()
    {
        Assert.Equal(Enum.GetValues<ReportTransition>().Order(), Expected.Keys.Order());
        Assert.All(Expected.Values, row => Assert.Equal(Enum.GetValues<ReportStatus>().Length, row.Length));
        Assert.Equal(New, ReportLifecycle.Initial);
        Assert.Equal(New, new Report().Status);
    }

    [Fact]
    public void Reading_a_new_report_stamps_the_day_it_was_acknowledged_once()
    {
        var report = new Report();
        report.Move(ReportTransition.Route, Today);
        Assert.Null(report.AcknowledgedOn);

        report.Move(ReportTransition.AddAction, Today);
        Assert.Equal(Today, report.AcknowledgedOn);

        report.Move(ReportTransition.Grade, Today.AddDays(3));
        Assert.Equal(Today, report.AcknowledgedOn);
    }

    [Fact]
    public void Closing_stamps_the_day_and_feedback_and_reopening_clears_only_the_day_it_closed()
    {
        var report = new Report { Status = Acknowledged, AcknowledgedOn = Earlier };
        report.Move(ReportTransition.Close, Today);
        Assert.Equal((Closed, Today, Today, Earlier), (report.Status, report.ClosedOn, report.FeedbackGivenOn, report.AcknowledgedOn));

        report.Move(ReportTransition.Reopen, Today.AddDays(1));
        Assert.Equal((UnderReview, null, Today, Earlier), (report.Status, report.ClosedOn, report.FeedbackGivenOn, report.AcknowledgedOn));

        var unread = new Report();
        unread.Move(ReportTransition.MarkDuplicate, Today);
        Assert.Equal((Closed, Today, Today, Today), (unread.Status, unread.ClosedOn, unread.FeedbackGivenOn, unread.AcknowledgedOn));
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void The_open_statuses_of_the_rules_and_the_database_are_those_a_report_can_be_closed_from(ReportStatus status)
    {
        var open = ExpectedNext(status, ReportTransition.Close) is not null;

        Assert.Equal(open, ReportLifecycle.IsOpen(status));
        Assert.Equal(open, ReportRules.OpenStatuses.Contains(status));
        Assert.Equal(open, ReportRules.Open().Compile()(new Report { Status = status }));
        Assert.Equal(open, ReportRules.FeedbackOverdue(Today).Compile()(new Report { Status = status, FeedbackBy = Earlier }));
    }

    public static TheoryData<ReportStatus> EveryStatus() => [.. Enum.GetValues<ReportStatus>()];

    [Fact]
    public void No_feature_but_the_demo_sets_a_reports_status_by_hand()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FailingWell.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var features = Path.Combine(directory.FullName, "src", "FailingWell.Web", "Features");
        var demo = Path.Combine(features, "Demo") + Path.DirectorySeparatorChar;
        var byHand = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(demo, StringComparison.Ordinal) && StatusAssigned().IsMatch(File.ReadAllText(f)))
            .ToList();

        Assert.True(byHand.Count == 0, string.Join(Environment.NewLine, byHand));
    }

    [GeneratedRegex(@"Status\s*=\s*ReportStatus\.")]
    private static partial Regex StatusAssigned();
}
