namespace FailingWell.Web.Features.Admin;

/// <summary>Rename, move up or down, retire or restore one item.</summary>
public static class ChangeReferenceItem
{
    public enum Change
    {
        Rename = 1,
        MoveUp = 2,
        MoveDown = 3,
        Retire = 4,
        Restore = 5,
    }

    public sealed class Command : Change<Unit>
    {
        public string List { get; set; } = "";

        public int Id { get; set; }

        public Change What { get; set; }

        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.List).Must(l => ReferenceLists.All.Contains(l)).WithMessage("Choose a list");
            RuleFor(c => c.What).IsInEnum();
            When(c => c.What == Change.Rename, () =>
                RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the new name")
                    .MaximumLength(100).WithMessage("The name must be 100 characters or fewer"));
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var item = await ReferenceLists.Items(db, request.List).SingleOrRefuseAsync(i => i.Id == request.Id,
                request, $"That {ReferenceLists.Singular(request.List)} does not exist.", cancellationToken);
            var divisionId = (item as Location)?.DivisionId;
            var singular = ReferenceLists.Singular(request.List);
            switch (request.What)
            {
                case Change.Rename:
                    var name = request.Name!.Trim();
                    if (await ReferenceLists.Siblings(db, request.List, divisionId).AnyAsync(i => i.Name == name && i.Id != item.Id, cancellationToken))
                    {
                        throw RequestValidationException.For(request, nameof(Command.Name), $"There is already a {singular} called '{name}'");
                    }

                    request.AuditAction = $"Renamed {singular} '{item.Name}' to '{name}'";
                    item.Name = name;
                    break;
                case Change.MoveUp or Change.MoveDown:
                    await MoveAsync(item, request.What == Change.MoveUp, request.List, divisionId, cancellationToken);
                    request.AuditAction = $"Moved {singular} '{item.Name}' {(request.What == Change.MoveUp ? "up" : "down")}";
                    break;
                case Change.Retire:
                    if (item is Category category && !await db.Categories.AnyAsync(c => c.DefaultStream == category.DefaultStream && !c.IsRetired && c.Id != category.Id, cancellationToken))
                    {
                        throw RequestValidationException.For(request, "", $"'{category.Name}' is the last category in {category.DefaultStream.Describe()}: add another to that stream before retiring it.");
                    }

                    item.IsRetired = true;
                    request.AuditAction = $"Retired {singular} '{item.Name}'";
                    break;
                case Change.Restore:
                    item.IsRetired = false;
                    request.AuditAction = $"Restored {singular} '{item.Name}'";
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private async Task MoveAsync(ReferenceItem item, bool up, string list, int? divisionId, CancellationToken cancellationToken)
        {
            // Number the list afresh (gaps and ties from older data vanish), then swap with the neighbour.
            var siblings = await ReferenceLists.Siblings(db, list, divisionId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(cancellationToken);
            var index = siblings.FindIndex(i => i.Id == item.Id);
            var other = up ? index - 1 : index + 1;
            if (other >= 0 && other < siblings.Count)
            {
                (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
            }

            for (var i = 0; i < siblings.Count; i++)
            {
                siblings[i].SortOrder = i + 1;
            }
        }
    }
}
