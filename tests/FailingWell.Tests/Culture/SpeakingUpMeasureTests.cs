using FailingWell.Web.Features.Culture;

namespace FailingWell.Tests.Culture;

/// <summary>The culture page's speaking-up measures: counts and shares of speak-up cases, and fear among anonymous reasons, suppressed and org-wide only.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SpeakingUpMeasureTests : IDisposable
{
    private readonly FailingWellApp _app = new() { Clock = new MovableClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _app.Dispose();

    private async Task SeedAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            await SpeakUpCases.SaveAsync(_app, new DateOnly(2025, 12, 5));
        }

        for (var i = 0; i < 6; i++)
        {
            var n = i;
            await SpeakUpCases.SaveAsync(_app, new DateOnly(2026, 1, 10 + n), c => c.Openness = n == 0 ? SpeakUpOpenness.Anonymous : SpeakUpOpenness.Confidential);
        }

        for (var i = 0; i < 10; i++)
        {
            var n = i;
            await SpeakUpCases.SaveAsync(_app, new DateOnly(2026, 2, 3 + n), c =>
            {
                c.Openness = n < 5 ? SpeakUpOpenness.Anonymous : SpeakUpOpenness.Open;
                c.WhyAnonymous = n < 3 ? WhyAnonymous.UsedAgainstMe : n < 5 ? WhyAnonymous.ColleaguesKnow : null;
                c.DetrimentIndicated = n == 9;
            });
        }

        for (var i = 0; i < 7; i++)
        {
            var n = i;
            await new ReportBuilder { ReceivedOn = new DateOnly(2026, 2, 20), Then = r => r.WhyAnonymous = n < 2 ? WhyAnonymous.UsedAgainstMe : WhyAnonymous.Other }.SaveAsync(_app);
        }
    }

    private async Task<CultureView.Result> ViewAsync(string scope)
    {
        await using var s = _app.Scope();
        return await s.ServiceProvider.GetRequiredService<IMediator>().Send(new CultureView.Query(scope, PeriodKind.Month, 12));
    }

    private static double? At(CultureView.Result view, string measure, int year, int month) =>
        view.Series.Single(s => s.Measure.Key == measure).Points.Single(p => p.Start == new DateOnly(year, month, 1)).Value;

    [Fact]
    public async Task Speak_up_cases_their_anonymous_and_detriment_shares_and_fear_are_quarterly_series_with_small_numbers_hidden()
    {
        await SeedAsync();

        var view = await ViewAsync("org");

        // Twelve months to March 2026 hold the quarters from April 2025; the quarter in progress is the last.
        Assert.Equal([new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1)],
            view.Series.Single(s => s.Measure.Key == "speak-up").Points.Select(p => p.Start));
        Assert.Equal("2025-26 Q4", view.Series.Single(s => s.Measure.Key == "speak-up").Points[^1].Label);
        Assert.Equal(0, At(view, "speak-up", 2025, 7));
        Assert.Null(At(view, "speak-up", 2025, 10)); // 3 cases
        Assert.Equal(16, At(view, "speak-up", 2026, 1)); // 6 in January and 10 in February
        Assert.Null(At(view, "speak-up-anonymous", 2025, 10)); // of 3
        Assert.Equal(37.5, At(view, "speak-up-anonymous", 2026, 1)); // 1 + 5 of 16
        Assert.Null(At(view, "speak-up-detriment", 2026, 1)); // 1 of 16
        Assert.Null(At(view, "speak-up-detriment", 2025, 7)); // no cases
        // 3 of 5 cases' reasons and 2 of 7 reports': 5 of 12 worried it could be used against them.
        Assert.Equal(41.7, At(view, "fear", 2026, 1));
        Assert.Null(At(view, "fear", 2025, 10)); // no reasons given
        Assert.Equal(ImprovementDirection.Decrease, view.Series.Single(s => s.Measure.Key == "fear").Measure.Direction);
        Assert.Equal(12, view.Series.Single(s => s.Measure.Key == "reports").Points.Count); // the other measures stay monthly
    }

    [Fact]
    public async Task A_division_shows_no_speaking_up_figures()
    {
        await SeedAsync();
        var (division, _) = await ReportBuilder.TwoDivisionsAsync(_app);

        var view = await ViewAsync(Digest.DivisionScope(division));

        foreach (var key in new[] { "speak-up", "speak-up-anonymous", "speak-up-detriment", "fear" })
        {
            Assert.All(view.Series.Single(s => s.Measure.Key == key).Points, p => Assert.Null(p.Value));
        }
    }

    [Fact]
    public async Task The_reason_for_anonymity_is_kept_from_the_form_only_for_an_anonymous_reporter()
    {
        var answers = await new ReportBuilder { WhatHappened = "WhyAnonymousKept" }.FormAnswersAsync(_app);
        answers["Input.WhyAnonymous"] = "ColleaguesKnow";
        var named = await new ReportBuilder { WhatHappened = "WhyAnonymousDropped", ReporterName = "Sam Named", ReporterEmail = "sam@trust.nhs.uk" }.FormAnswersAsync(_app);
        named["Input.WhyAnonymous"] = "UsedAgainstMe";

        var kept = await ReportBuilder.PostAsync(_app.CreateClient(), answers);
        var dropped = await ReportBuilder.PostAsync(_app.CreateClient(), named);

        Assert.Equal(WhyAnonymous.ColleaguesKnow, (await SavedReports.LoadAsync(_app, kept.Reference!)).WhyAnonymous);
        Assert.Null((await SavedReports.LoadAsync(_app, dropped.Reference!)).WhyAnonymous);
    }
}
