namespace FailingWell.Web.Features.Triage;

/// <summary>This lead's saved views of the queue, by name; nobody else's.</summary>
public static class SavedViews
{
    public sealed record View(int Id, string Name, string Query);

    public sealed record Query : IRequest<IReadOnlyList<View>>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<View>>
    {
        public async Task<IReadOnlyList<View>> Handle(Query request, CancellationToken cancellationToken) =>
            string.IsNullOrEmpty(request.ActorAccountId)
                ? []
                : await db.SavedQueueViews.AsNoTracking().Where(v => v.AccountId == request.ActorAccountId)
                    .OrderBy(v => v.Name).Select(v => new View(v.Id, v.Name, v.Query)).ToListAsync(cancellationToken);
    }
}
