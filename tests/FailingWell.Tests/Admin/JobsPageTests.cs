using FailingWell.Web.Infrastructure.Email;
using FailingWell.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Quartz;

namespace FailingWell.Tests.Admin;

/// <summary>/admin/jobs: what Hangfire's dashboard would have shown, from Quartz and the run history (decision 0107).</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class JobsPageTests
{
    private static readonly JobKey Throwing = new("throws", "tests");

    [Fact]
    public async Task Every_scheduled_job_is_listed_with_its_schedule_in_UK_time_and_its_next_run()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());

        var page = await admin.GetStringAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.True(keys.Count >= 7, $"only {keys.Count} jobs scheduled");
        foreach (var key in keys)
        {
            Assert.Contains($"data-job=\"{key.Group}.{key.Name}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("Every Monday at 07:00, UK time", page, StringComparison.Ordinal);
        Assert.Contains("On the 1st of every month at 07:00, UK time", page, StringComparison.Ordinal);
        Assert.Contains("Every day at 02:30, UK time", page, StringComparison.Ordinal);
        var outbox = (ISimpleTrigger)(await scheduler.GetTriggersOfJob(new JobKey("outbox-delivery", "email"))).Single();
        Assert.Contains("Every " + ScheduleText.DescribeInterval(outbox.RepeatInterval), page, StringComparison.Ordinal);
        var weekly = (await scheduler.GetTriggersOfJob(new JobKey("weekly-digests", "digests"))).Single().NextFireTimeUtc!.Value.UtcDateTime;
        Assert.Contains(ScheduleText.InUkTime(weekly), page, StringComparison.Ordinal);
        Assert.StartsWith("Mon ", ScheduleText.InUkTime(weekly), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_run_from_the_page_shows_its_outcome_node_and_duration_and_is_audited()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var posted = await Forms.PostAsync(admin, "/admin/jobs?handler=Run", new Dictionary<string, string> { ["Run.Job"] = "email.outbox-delivery" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), () => AnyRunAsync(app, r => r.JobName == "outbox-delivery" && r.Manual)), "the job never ran");
        var node = (await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId;
        var page = await admin.GetStringAsync(new Uri("/admin/jobs", UriKind.Relative));
        var section = Section(page, "email.outbox-delivery");
        Assert.Contains("(run now)", section, StringComparison.Ordinal);
        Assert.Contains(node, section, StringComparison.Ordinal);
        Assert.Contains("Succeeded", section, StringComparison.Ordinal);
        Assert.Matches(@"\d+(\.\d)? (ms|s)</td>", section);
        await using var scope = app.Scope();
        Assert.True(await FailingWellApp.NewDbContext(scope).AuditEntries.AnyAsync(a => a.Action == "Asked for scheduled job email.outbox-delivery to run now"));
    }

    [Fact]
    public async Task A_failing_job_shows_its_error_type_and_never_its_message()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var scheduler = await AddThrowingJobAsync(app);

        await scheduler.TriggerJob(Throwing);

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), () => AnyRunAsync(app, r => r.JobName == Throwing.Name)), "the job never ran");
        var page = await admin.GetStringAsync(new Uri("/admin/jobs", UriKind.Relative));
        Assert.Contains("Failed: System.InvalidOperationException", Section(page, "tests.throws"), StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException</td>", page[..page.IndexOf("data-job=", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingJob.Secret, page, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var run = await FailingWellApp.NewDbContext(scope).JobRuns.SingleAsync(r => r.JobName == Throwing.Name);
        Assert.False(run.Succeeded);
        Assert.Equal(typeof(InvalidOperationException).FullName, run.ErrorType);
    }

    [Fact]
    public async Task The_history_keeps_each_jobs_newest_runs_and_its_newest_failures_apart()
    {
        using var app = new FailingWellApp();
        var scheduler = await AddThrowingJobAsync(app);
        var longAgo = DateTime.UtcNow.AddDays(-10);
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            for (var i = 0; i < JobRunRecorder.KeptPerOutcome + 5; i++)
            {
                db.JobRuns.Add(new JobRun { JobGroup = Throwing.Group, JobName = Throwing.Name, Node = "old", StartedAtUtc = longAgo.AddMinutes(i), FinishedAtUtc = longAgo.AddMinutes(i), ErrorType = "System.TimeoutException" });
            }

            for (var i = 0; i < 3; i++)
            {
                db.JobRuns.Add(new JobRun { JobGroup = Throwing.Group, JobName = Throwing.Name, Node = "old", StartedAtUtc = longAgo.AddMinutes(-i), FinishedAtUtc = longAgo.AddMinutes(-i), Succeeded = true });
            }

            await db.SaveChangesAsync();
        }

        await scheduler.TriggerJob(Throwing);

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), () => AnyRunAsync(app, r => r.JobName == Throwing.Name && r.Node != "old")), "the job never ran");
        await using var check = app.Scope();
        var runs = await FailingWellApp.NewDbContext(check).JobRuns.Where(r => r.JobName == Throwing.Name).ToListAsync();
        var failures = runs.Where(r => !r.Succeeded).OrderByDescending(r => r.StartedAtUtc).ToList();
        Assert.Equal(JobRunRecorder.KeptPerOutcome, failures.Count);
        Assert.NotEqual("old", failures[0].Node);
        Assert.Equal(longAgo.AddMinutes(6), failures[^1].StartedAtUtc, TimeSpan.FromSeconds(1));
        Assert.Equal(3, runs.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task Run_now_is_offered_only_for_safe_jobs_and_a_hand_made_post_for_another_is_refused()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var scheduler = await AddThrowingJobAsync(app);
        var page = await admin.GetStringAsync(new Uri("/admin/jobs", UriKind.Relative));
        Assert.Contains("value=\"email.outbox-delivery\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"tests.throws\"", page, StringComparison.Ordinal);
        var publishes = await scheduler.GetJobDetail(new JobKey("publish-aggregates", "network")) is not null;
        if (publishes)
        {
            Assert.DoesNotContain("value=\"network.publish-aggregates\"", page, StringComparison.Ordinal);
        }

        foreach (var job in new[] { "network.publish-aggregates", "tests.throws", "nothing.here", "no-dot", ".", "" })
        {
            var refused = await Forms.PostAsync(admin, "/admin/jobs?handler=Run", new Dictionary<string, string> { ["Run.Job"] = job });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains(job.Length == 0 ? "Choose a job to run" : "That job cannot be run from here", text, StringComparison.Ordinal);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.False(await db.JobRuns.AnyAsync(r => r.Manual));
        // An ask for a job that parses is recorded as an ask, before the scheduler refuses it; none ran.
        var asks = await db.AuditEntries.Where(a => a.Action.Contains("scheduled job")).Select(a => a.Action).ToListAsync();
        Assert.Equal(3, asks.Count);
        Assert.All(asks, a => Assert.StartsWith("Asked for scheduled job", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_jobs_page_get_no_server_error()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.CreateAsync(app, StaffRoles.Admin);
        var cookies = new System.Net.CookieContainer();
        using var signedIn = await Staff.SignInAsync(app, admin, cookies);

        var outcome = await new FormFuzzer(() => app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 107)
            .RunAsync(["/admin/jobs"], posts: 200, limit: TimeSpan.FromMinutes(2));

        Assert.True(outcome.Posts >= 100, $"Only {outcome.Posts} posts");
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
    }

    private static async Task<IScheduler> AddThrowingJobAsync(FailingWellApp app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<ThrowingJob>().WithIdentity(Throwing).StoreDurably().Build(), AddJobOptions.Replacing);
        return scheduler;
    }

    private static async Task<bool> AnyRunAsync(FailingWellApp app, System.Linq.Expressions.Expression<Func<JobRun, bool>> which)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).JobRuns.AnyAsync(which);
    }

    private static string Section(string page, string job)
    {
        var start = page.IndexOf($"data-job=\"{job}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{job} is not on the page");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    /// <summary>Fails with a message that stands for data (an address) the page must never show.</summary>
    public sealed class ThrowingJob : IJob
    {
        public const string Secret = "named.person@trust.nhs.uk";

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Could not send to " + Secret);
    }
}
