namespace FailingWell.Web.Features.Learning;

public static class CompleteSafetyAction
{
    public sealed class Command : LearningChange<Unit>
    {
        public int ActionId { get; set; }

        protected override string Action => $"safety action {ActionId} completed";
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var action = await db.SafetyActions.SingleOrDefaultAsync(a => a.Id == request.ActionId && a.LearningResponseId == request.ResponseId, cancellationToken)
                ?? throw RequestValidationException.For(request, "", "That safety action does not belong to this response.");
            if (!action.MarkDone(time.Today))
            {
                throw RequestValidationException.For(request, "", "That safety action is already done.");
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
