using FailingWell.Web.Features.Triage;

namespace FailingWell.Tests.Triage;

/// <summary>The queue's word search reads a full-text index that triggers keep in step with the reports.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class TriageSearchTests
{
    [Fact]
    public async Task Words_find_reports_by_what_happened_and_title_as_words_or_word_starts_all_words_needed()
    {
        using var app = new FailingWellApp();
        var fall = await new ReportBuilder { WhatHappened = "A patient slipped on the wet floor by the café and fell." }.SubmitAsync(app);
        var drug = await new ReportBuilder { WhatHappened = "Insulin was given twice on the night round." }.SubmitAsync(app);
        await new ReportBuilder { WhatHappened = "The lift to theatres broke down." }.SubmitAsync(app);

        Assert.Equal([fall.Reference], await SearchAsync(app, "slip"));
        Assert.Equal([fall.Reference], await SearchAsync(app, "FLOOR wet"));
        Assert.Equal([fall.Reference], await SearchAsync(app, "cafe"));
        Assert.Empty(await SearchAsync(app, "floor insulin"));
        Assert.Equal([drug.Reference], await SearchAsync(app, "insulin, twice!"));
        Assert.Empty(await SearchAsync(app, "\"*) OR NEAR("));
        Assert.Empty(await SearchAsync(app, "!!!"));
    }

    [Fact]
    public async Task A_new_title_is_found_by_its_words_and_a_deleted_report_is_not_found()
    {
        using var app = new FailingWellApp();
        var report = await new ReportBuilder { WhatHappened = "A medicine was given twice." }.SubmitAsync(app);
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);

        await SavedReports.ChangeAsync(app, lead.Id, report.Id, new Grade.Command
        {
            PhysicalHarm = PhysicalHarm.Low, PsychologicalHarm = PsychologicalHarm.None, Consequence = 2, Likelihood = 2, Title = "Duplicate anticoagulant dose",
        });

        Assert.Equal([report.Reference], await SearchAsync(app, "anticoagulant"));
        Assert.Equal([report.Reference], await SearchAsync(app, "medicine"));

        await using (var scope = app.Scope())
        {
            await FailingWellApp.NewDbContext(scope).Reports.Where(r => r.Id == report.Id).ExecuteDeleteAsync();
        }

        Assert.Empty(await SearchAsync(app, "anticoagulant"));
    }

    [Fact]
    public async Task A_search_among_open_or_closed_reports_follows_each_report_as_its_status_changes()
    {
        using var app = new FailingWellApp();
        var report = await new ReportBuilder { WhatHappened = "The oxygen cylinder was empty." }.SubmitAsync(app);
        await new ReportBuilder { WhatHappened = "Another oxygen cylinder was empty." }.SubmitAsync(app);

        async Task SetStatusAsync(ReportStatus status)
        {
            await using var scope = app.Scope();
            await FailingWellApp.NewDbContext(scope).Reports.Where(r => r.Id == report.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status));
        }

        Assert.Equal(2, (await SearchAsync(app, "oxygen", status: "open")).Count);
        Assert.Equal(2, (await SearchAsync(app, "oxygen", status: "new")).Count);

        await SetStatusAsync(ReportStatus.Closed);
        Assert.DoesNotContain(report.Reference, await SearchAsync(app, "oxygen", status: "open"));
        Assert.Equal([report.Reference], await SearchAsync(app, "oxygen", status: "closed"));
        Assert.Equal(2, (await SearchAsync(app, "oxygen")).Count);

        await SetStatusAsync(ReportStatus.UnderReview);
        Assert.Contains(report.Reference, await SearchAsync(app, "oxygen", status: "open"));
        Assert.Equal([report.Reference], await SearchAsync(app, "cylinder", status: "review"));
        Assert.Empty(await SearchAsync(app, "cylinder", status: "closed"));
    }

    private static async Task<List<string>> SearchAsync(FailingWellApp app, string words, string status = "all")
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new Queue.Query(new Queue.Filter { Status = status, Search = words }) { ActorAccountId = "someone" });
        Assert.Equal(result.Items.Count, result.Total);
        return [.. result.Items.Select(i => i.Reference)];
    }
}
