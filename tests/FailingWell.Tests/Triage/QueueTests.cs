using FailingWell.Web.Features.Triage;

namespace FailingWell.Tests.Triage;

/// <summary>
/// The queue counts and pages by id (the overdue as a union of each deadline's ids, a word search from
/// its own index): what it shows must be what the rules in Domain say, page after page, either way round.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class QueueTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);

    private static MovableClock Clock() => new(new DateTimeOffset(2026, 11, 16, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Every mix of status, deadline passed or not, and feedback given or not, in one kind or the other, some with "oxygen".</summary>
    private static async Task<List<Report>> SaveMixAsync(FailingWellApp app)
    {
        var saved = new List<Report>();
        var i = 0;
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var acknowledgeLate in new[] { false, true })
            {
                foreach (var feedbackLate in new[] { false, true })
                {
                    foreach (var feedbackGiven in new[] { false, true })
                    {
                        for (var copy = 0; copy < 4; copy++)
                        {
                            var n = i++;
                            saved.Add(await new ReportBuilder
                            {
                                ReceivedOn = Today.AddDays(-n),
                                Kind = n % 3 == 0 ? ReportKind.NearMiss : ReportKind.Incident,
                                WhatHappened = n % 2 == 0 ? $"The oxygen cylinder on bay {n} was empty." : $"A chair in bay {n} was broken.",
                                Then = r =>
                                {
                                    r.Status = status;
                                    r.AcknowledgeBy = acknowledgeLate ? Today.AddDays(-1) : Today;
                                    r.FeedbackBy = feedbackLate ? Today.AddDays(-1) : Today.AddDays(1);
                                    r.FeedbackGivenOn = feedbackGiven ? Today.AddDays(-2) : null;
                                },
                            }.SaveAsync(app));
                        }
                    }
                }
            }
        }

        return saved;
    }

    private static async Task<(List<int> Ids, int Total)> AllPagesAsync(FailingWellApp app, Queue.Filter filter)
    {
        var ids = new List<int>();
        var total = -1;
        await using var scope = app.Scope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        for (var page = 1; ; page++)
        {
            filter.Page = page;
            var result = await mediator.Send(new Queue.Query(filter));
            total = result.Total;
            ids.AddRange(result.Items.Select(item => item.Id));
            if (page >= result.Pages)
            {
                return (ids, total);
            }
        }
    }

    [Fact]
    public async Task The_overdue_queue_is_every_report_past_a_deadline_counted_and_paged_newest_or_oldest_first_with_other_filters()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        var saved = await SaveMixAsync(app);
        var overdue = saved.Where(r => r.IsOverdue(Today)).OrderByDescending(r => r.Id).Select(r => r.Id).ToList();
        Assert.InRange(overdue.Count, Queue.PageSize + 1, saved.Count - 1); // more than a page, and not everything

        var newest = await AllPagesAsync(app, new Queue.Filter { Overdue = true, Status = "all" });
        Assert.Equal(overdue, newest.Ids);
        Assert.Equal(overdue.Count, newest.Total);

        var oldest = await AllPagesAsync(app, new Queue.Filter { Overdue = true, Status = "all", Order = "asc" });
        Assert.Equal(overdue.AsEnumerable().Reverse(), oldest.Ids);

        var openOnly = await AllPagesAsync(app, new Queue.Filter { Overdue = true });
        Assert.Equal(saved.Where(r => r.IsOverdue(Today) && ReportRules.OpenStatuses.Contains(r.Status)).OrderByDescending(r => r.Id).Select(r => r.Id), openOnly.Ids);

        var nearMisses = await AllPagesAsync(app, new Queue.Filter { Overdue = true, Status = "new", Kind = ReportKind.NearMiss });
        Assert.Equal(saved.Where(r => r.IsOverdue(Today) && r.Status == ReportStatus.New && r.Kind == ReportKind.NearMiss).OrderByDescending(r => r.Id).Select(r => r.Id), nearMisses.Ids);
        Assert.NotEmpty(nearMisses.Ids);

        var searched = await AllPagesAsync(app, new Queue.Filter { Overdue = true, Status = "all", Search = "oxygen" });
        Assert.Equal(saved.Where(r => r.IsOverdue(Today) && r.WhatHappened.Contains("oxygen", StringComparison.Ordinal)).OrderByDescending(r => r.Id).Select(r => r.Id), searched.Ids);
        Assert.NotEmpty(searched.Ids);
    }

    [Fact]
    public async Task A_word_search_alone_or_with_another_filter_is_counted_and_paged_as_the_reports_it_matches()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        var saved = await SaveMixAsync(app);
        bool Oxygen(Report r) => r.WhatHappened.Contains("oxygen", StringComparison.Ordinal);

        foreach (var (status, statuses) in new (string, IReadOnlyCollection<ReportStatus>)[] { ("open", ReportRules.OpenStatuses), ("closed", [ReportStatus.Closed]), ("all", Enum.GetValues<ReportStatus>()) })
        {
            var expected = saved.Where(r => Oxygen(r) && statuses.Contains(r.Status)).OrderByDescending(r => r.Id).Select(r => r.Id).ToList();
            var alone = await AllPagesAsync(app, new Queue.Filter { Status = status, Search = "oxy" });
            Assert.Equal(expected, alone.Ids);
            Assert.Equal(expected.Count, alone.Total);
        }

        var withKind = await AllPagesAsync(app, new Queue.Filter { Status = "all", Search = "oxygen", Kind = ReportKind.NearMiss, Order = "asc" });
        Assert.Equal(saved.Where(r => Oxygen(r) && r.Kind == ReportKind.NearMiss).OrderBy(r => r.Id).Select(r => r.Id), withKind.Ids);
        Assert.NotEmpty(withKind.Ids);
    }
}
