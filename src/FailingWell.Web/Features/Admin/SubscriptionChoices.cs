namespace FailingWell.Web.Features.Admin;

/// <summary>What a new subscription can be: an account that is not disabled, and the organisation or a current division.</summary>
public static class SubscriptionChoices
{
    public sealed record Query : IRequest<Result>;

    public sealed record Result(IReadOnlyList<(string Id, string Name)> People, IReadOnlyList<(string Key, string Name)> Scopes);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var people = await db.Users.OfType<StaffAccount>().Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
            var divisions = await db.Divisions.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder)
                .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
            return new Result(
                [.. people.Select(u => (u.Id, u.DisplayName))],
                [(Digest.OrganisationScope, Subscriptions.WholeOrganisation), .. divisions.Select(d => (Digest.DivisionScope(d.Id), d.Name))]);
        }
    }
}
