using FailingWell.Web.Features.Triage;

namespace FailingWell.Web.Features.Demo;

public sealed partial class DemoTrust
{
    /// <summary>The demo lead's saved views of the queue, the two the issue names.</summary>
    private async Task AddLeadViewsAsync(string leadId, IReadOnlyList<Division> divisions, CancellationToken cancellationToken)
    {
        var views = new List<(string Name, Queue.Filter Filter)> { ("My overdue", new Queue.Filter { Overdue = true, Mine = true, Sort = "deadline" }) };
        if (divisions.FirstOrDefault(d => d.Name == "Estates and Facilities") is { } estates)
        {
            views.Add(("New near misses in Estates", new Queue.Filter { Status = "new", Kind = ReportKind.NearMiss, DivisionId = estates.Id }));
        }

        foreach (var (name, filter) in views)
        {
            await mediator.Send(new SaveView.Command { Name = name, Query = filter.ToQueryString(), ActorAccountId = leadId }, cancellationToken);
        }
    }
}
