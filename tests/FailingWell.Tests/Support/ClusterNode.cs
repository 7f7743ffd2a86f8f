namespace FailingWell.Tests.Support;

/// <summary>
/// The settings of one node of a two-node cluster whose jobs come round every second or two, so that
/// within seconds both nodes have run some of them (the jobs page's tests, over HTTP and in a browser).
/// </summary>
public static class ClusterNode
{
    public static Dictionary<string, string> Settings(string cluster, string name) => new()
    {
        ["Deployment:Nodes"] = "2",
        ["Scheduling:InstanceName"] = cluster,
        ["Scheduling:InstanceId"] = name,
        ["Scheduling:CheckinIntervalSeconds"] = "2",
        ["Scheduling:CheckinMisfireThresholdSeconds"] = "6",
        ["Digests:WeeklyCron"] = "0/2 * * * * ?",
        ["Digests:MonthlyCron"] = "1/2 * * * * ?",
        ["Triage:OverdueSummaryCron"] = "0/2 * * * * ?",
        ["Triage:RetentionCron"] = "1/2 * * * * ?",
        ["Email:DeliveryIntervalSeconds"] = "1",
    };
}
