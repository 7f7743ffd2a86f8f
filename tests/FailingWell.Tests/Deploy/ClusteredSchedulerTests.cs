using System.Globalization;
using FailingWell.Web.Features.Digests;
using FailingWell.Web.Infrastructure.Data;
using Npgsql;

namespace FailingWell.Tests.Deploy;

/// <summary>
/// The one clustered scheduler, on two real nodes sharing a PostgreSQL database: each firing runs on
/// one node, and a job whose node is killed part way is finished by the other with its effects once.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class ClusteredSchedulerTests
{
    /// <summary>Two nodes of one cluster (one scheduler name), each with a name of its own, that notice a dead member within seconds.</summary>
    private static Dictionary<string, string> Node(string cluster, string name, IReadOnlyDictionary<string, string> schedules) =>
        new(schedules)
        {
            ["Deployment:Nodes"] = "2",
            ["Scheduling:InstanceName"] = cluster,
            ["Scheduling:InstanceId"] = name,
            ["Scheduling:CheckinIntervalSeconds"] = "2",
            ["Scheduling:CheckinMisfireThresholdSeconds"] = "6",
        };

    private static async Task<List<(string Job, string Instance, long FiredAt)>> ExecutionsAsync(FailingWellApp setup, string cluster)
    {
        await using var connection = new NpgsqlConnection(setup.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_name, instance_name, fired_time FROM qrtz_execution_history WHERE sched_name = @cluster ORDER BY fired_time";
        command.Parameters.AddWithValue("cluster", cluster);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(string, string, long)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return runs;
    }

    [Fact]
    public async Task With_two_nodes_running_each_firing_of_each_scheduled_job_runs_on_one_node_only()
    {
        using var setup = new FailingWellApp();
        Assert.Equal(DatabaseProvider.PostgreSql, setup.Provider);
        _ = setup.Services; // the database, with its scheduler tables
        var cluster = "FailingWell-" + Guid.NewGuid().ToString("N");
        // Every job every two seconds, two on the even seconds and two on the odd.
        var schedules = new Dictionary<string, string>
        {
            ["Digests:WeeklyCron"] = "0/2 * * * * ?",
            ["Digests:MonthlyCron"] = "1/2 * * * * ?",
            ["Triage:OverdueSummaryCron"] = "0/2 * * * * ?",
            ["Triage:RetentionCron"] = "1/2 * * * * ?",
        };
        using (var first = await SiteProcess.StartAsync(setup, Node(cluster, "node-a", schedules)))
        using (var second = await SiteProcess.StartAsync(setup, Node(cluster, "node-b", schedules)))
        {
            await Task.Delay(TimeSpan.FromSeconds(14));
        }

        var runs = await ExecutionsAsync(setup, cluster);
        var cronJobs = new[] { WeeklyDigestJob.Key.Name, MonthlyDigestJob.Key.Name, "overdue-summary", "contact-details-retention" };
        foreach (var job in runs.Select(r => r.Job).Distinct())
        {
            var times = runs.Where(r => r.Job == job).Select(r => r.FiredAt).ToList();
            // Two runs of one firing would start within moments of each other; firings are 2 s apart.
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 1_000,
                $"{job} ran twice for one firing: at {pair.First} and {pair.Second} (ms)"));
        }

        foreach (var job in cronJobs.Where(j => runs.Any(r => r.Job == j)))
        {
            Assert.True(runs.Count(r => r.Job == job) >= 3, $"{job} ran {runs.Count(r => r.Job == job)} times in 14 s");
        }

        Assert.True(runs.Select(r => r.Job).Distinct().Count() >= 4, "jobs that ran: " + string.Join(", ", runs.Select(r => r.Job).Distinct()));
        Assert.All(runs, r => Assert.True(r.Instance is "node-a" or "node-b", r.Instance));
    }

    [Fact]
    public async Task A_digest_build_whose_node_is_killed_part_way_is_finished_by_the_other_node_with_packs_and_emails_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var setup = new FailingWellApp();
        var executive = await Staff.CreateAsync(setup, StaffRoles.Executive);
        await new ReportBuilder().SubmitAsync(setup);
        await using (var scope = setup.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            foreach (var stream in Enum.GetValues<GovernanceStream>())
            {
                db.DigestSubscriptions.Add(new DigestSubscription { AccountId = executive.Id, Stream = stream, ScopeKey = Digest.OrganisationScope });
            }

            await db.SaveChangesAsync();
        }

        var cluster = "FailingWell-" + Guid.NewGuid().ToString("N");
        var schedules = new Dictionary<string, string>
        {
            // Last month's packs, on a firing every 10 s: later firings find them built and do nothing.
            ["Digests:MonthlyCron"] = "0/10 * * * * ?",
            ["Email:DeliveryIntervalSeconds"] = "2",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        };

        // The test holds the packs table so no pack can be written: the build that fires first
        // stops at its first insert, with its reads done, and stays there until its node is killed.
        await using var holder = new NpgsqlConnection(setup.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockPacks = new NpgsqlCommand("LOCK TABLE \"Digests\" IN SHARE ROW EXCLUSIVE MODE", holder, hold))
        {
            await lockPacks.ExecuteNonQueryAsync();
        }

        using var first = await SiteProcess.StartAsync(setup, Node(cluster, "node-a", schedules));
        using var second = await SiteProcess.StartAsync(setup, Node(cluster, "node-b", schedules));
        string? building = null;
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(40), async () =>
        {
            building = await ExecutingAsync(setup, cluster, MonthlyDigestJob.Key.Name);
            return building is not null && await WaitingOnPacksAsync(setup);
        }), "no digest build started and reached the held table");

        (building == "node-a" ? first : second).Kill();
        await hold.RollbackAsync();

        var survivor = building == "node-a" ? "node-b" : "node-a";
        int packs = 0;
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(60), async () =>
        {
            await using var scope = setup.Scope();
            var db = FailingWellApp.NewDbContext(scope);
            packs = await db.Digests.CountAsync();
            return packs > 0 && await db.Digests.AllAsync(d => d.SubscribersToldAtUtc != null)
                && smtp.Messages().Count(m => m.Contains("digest: ", StringComparison.Ordinal)) >= 3;
        }), "the other node did not finish the build");
        await Task.Delay(TimeSpan.FromSeconds(12)); // another firing, and another delivery, to repeat nothing

        await using (var scope = setup.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var divisions = await db.Divisions.CountAsync();
            var built = await db.Digests.Select(d => new { d.Stream, d.PeriodKey, d.ScopeKey }).ToListAsync();
            Assert.Equal(built.Count, built.Distinct().Count());
            Assert.Equal(3, built.Count(d => d.ScopeKey == Digest.OrganisationScope));
            Assert.Equal(packs, built.Count);
            Assert.Equal(3, await db.OutboxEmails.CountAsync(e => e.To == executive.Email && e.Subject.Contains("digest: ")));
            Assert.True(divisions == 0 || built.Count > 3);
        }

        var mail = smtp.Messages().Where(m => m.Contains("digest: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mail.Count);
        var runs = await ExecutionsAsync(setup, cluster);
        Assert.Contains(runs, r => r.Job == MonthlyDigestJob.Key.Name && r.Instance == survivor);
    }

    /// <summary>The node running a job now, from the scheduler's own table of firings in progress.</summary>
    private static async Task<string?> ExecutingAsync(FailingWellApp setup, string cluster, string job)
    {
        await using var connection = new NpgsqlConnection(setup.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE sched_name = @cluster AND job_name = @job AND state = 'EXECUTING' LIMIT 1", connection);
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("job", job);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Whether some session is waiting for a lock to write a pack.</summary>
    private static async Task<bool> WaitingOnPacksAsync(FailingWellApp setup)
    {
        await using var connection = new NpgsqlConnection(setup.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO \"Digests\"%'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
