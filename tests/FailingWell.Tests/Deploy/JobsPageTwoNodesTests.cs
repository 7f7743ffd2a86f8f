namespace FailingWell.Tests.Deploy;

/// <summary>/admin/jobs on a two-node PostgreSQL cluster: each node's runs are recorded and listed under its own name (decision 0107).</summary>
[Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class JobsPageTwoNodesTests
{
    [Fact]
    public async Task With_two_clustered_nodes_the_jobs_page_lists_runs_from_both_nodes_by_name()
    {
        using var setup = new FailingWellApp();
        var admin = await Staff.SignInAsync(setup, await Staff.CreateAsync(setup, StaffRoles.Admin));
        var cluster = "FailingWell-" + Guid.NewGuid().ToString("N");
        Dictionary<string, string> Node(string name) => ClusterNode.Settings(cluster, name);

        using (var first = await SiteProcess.StartAsync(setup, Node("jobs-node-a")))
        using (var second = await SiteProcess.StartAsync(setup, Node("jobs-node-b")))
        {
            Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(40), async () =>
            {
                await using var scope = setup.Scope();
                var nodes = await FailingWellApp.NewDbContext(scope).JobRuns.Select(r => r.Node).Distinct().ToListAsync();
                return nodes.Contains("jobs-node-a") && nodes.Contains("jobs-node-b");
            }), "both nodes never recorded a run");
        }

        var page = await admin.GetStringAsync(new Uri("/admin/jobs", UriKind.Relative));
        Assert.Contains("<td class=\"nhsuk-table__cell\"><span class=\"nhsuk-table-responsive__heading\" aria-hidden=\"true\">Node </span>jobs-node-a</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nhsuk-table__cell\"><span class=\"nhsuk-table-responsive__heading\" aria-hidden=\"true\">Node </span>jobs-node-b</td>", page, StringComparison.Ordinal);
        Assert.Contains("Nodes that ran jobs recently:", page, StringComparison.Ordinal);
        await using var check = setup.Scope();
        var runs = await FailingWellApp.NewDbContext(check).JobRuns.Where(r => r.Node.StartsWith("jobs-node-")).ToListAsync();
        Assert.All(runs, r => Assert.True(r.Succeeded, $"{r.JobGroup}.{r.JobName} failed on {r.Node}: {r.ErrorType}"));
    }
}
