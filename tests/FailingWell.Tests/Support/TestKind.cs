namespace FailingWell.Tests.Support;

/// <summary>
/// Tests that start real processes (a published site, site nodes killed with SIGKILL, nginx, a hub
/// and its members as separate processes) prove crashes, nodes and deployments, and take seconds each:
/// they are kept few and carry this trait, so a quick run can leave them out with
/// <c>--filter "Kind!=RealProcess"</c>.
/// </summary>
public static class TestKind
{
    public const string Trait = "Kind";
    public const string RealProcess = "RealProcess";
}
