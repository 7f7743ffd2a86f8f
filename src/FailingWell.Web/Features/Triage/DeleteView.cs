namespace FailingWell.Web.Features.Triage;

/// <summary>Removes one of this lead's saved views; another lead's, or one that is gone, gets the same answer.</summary>
public static class DeleteView
{
    public const string NotYours = "That saved view no longer exists";

    public sealed class Command : ICommand<Unit>, IStaffRequest
    {
        public int ViewId { get; set; }

        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string ActorAccountId { get; set; } = "";
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var view = await db.SavedQueueViews.SingleOrRefuseAsync(v => v.Id == request.ViewId && v.AccountId == request.ActorAccountId,
                request, NotYours, cancellationToken);
            db.SavedQueueViews.Remove(view);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
