namespace FailingWell.Web.Features.Triage;

/// <summary>The accounts that may own reports and actions: governance leads and admins.</summary>
public static class Leads
{
    public sealed record Lead(string Id, string Name);

    public static Task<bool> IsLeadAsync(FailingWellDbContext db, string accountId, CancellationToken cancellationToken) =>
        db.HasRoleAsync(accountId, StaffQueries.ReportOwnerRoles, cancellationToken);

    public static Task<List<Lead>> ListAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
        db.StaffInRole(StaffQueries.ReportOwnerRoles)
            .OrderBy(user => user.DisplayName)
            .Select(user => new Lead(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);
}

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
