namespace FailingWell.Web.Features.Triage;

/// <summary>The leads a report can be given to, for the queue's "assign an owner".</summary>
public static class LeadChoices
{
    public sealed record Query : IRequest<IReadOnlyList<Leads.Lead>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Leads.Lead>>
    {
        public async Task<IReadOnlyList<Leads.Lead>> Handle(Query request, CancellationToken cancellationToken) =>
            await Leads.ListAsync(db, cancellationToken);
    }
}
