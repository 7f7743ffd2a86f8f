using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Triage;

/// <summary>Keeps the queue's current filter and sort under a name, for this lead only; the same name again replaces it.</summary>
public static class SaveView
{
    public const int MostPerLead = 20;

    public sealed class Command : ICommand<Unit>, IStaffRequest
    {
        public string? Name { get; set; }

        /// <summary>From the queue's own filter (<see cref="Queue.Filter.ToQueryString"/>), never typed.</summary>
        [BindNever]
        public string Query { get; set; } = "";

        [BindNever]
        public string ActorAccountId { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a name for this view")
                .Must(n => n!.Trim().Length <= SavedQueueView.NameLength).WithMessage($"The name must be {SavedQueueView.NameLength} characters or fewer");
            RuleFor(c => c.Query).MaximumLength(SavedQueueView.QueryLength).WithMessage("These filters are too long to save: shorten the words searched for");
            RuleFor(c => c).MustAsync(async (c, ct) =>
                    await db.SavedQueueViews.CountAsync(v => v.AccountId == c.ActorAccountId, ct) < MostPerLead
                    || await db.SavedQueueViews.AnyAsync(v => v.AccountId == c.ActorAccountId && v.Name == (c.Name ?? "").Trim(), ct))
                .WithName("Name").OverridePropertyName("Name")
                .WithMessage($"You can keep up to {MostPerLead} views: delete one first");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var name = request.Name!.Trim();
            var view = await db.SavedQueueViews.SingleOrDefaultAsync(v => v.AccountId == request.ActorAccountId && v.Name == name, cancellationToken);
            if (view is null)
            {
                view = new SavedQueueView { AccountId = request.ActorAccountId, Name = name };
                db.SavedQueueViews.Add(view);
            }

            view.Query = request.Query;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
