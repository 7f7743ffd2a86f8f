using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Learning;

/// <summary>
/// The just culture guide, for the rare case where a lead considers action about an individual. A record
/// is seen only by the lead who made it and by admins: anyone else is told it does not exist.
/// </summary>
public static class JustCulture
{
    public const string NotFound = "That record does not exist.";

    /// <summary>The records an account may see: its own, or every record for an admin.</summary>
    public static async Task<IQueryable<JustCultureRecord>> VisibleToAsync(FailingWellDbContext db, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = db.JustCultureRecords.AsQueryable();
        return await db.HasRoleAsync(accountId, [StaffRoles.Admin], cancellationToken) ? records : records.Where(r => r.RecordedByAccountId == accountId);
    }

    public sealed record Item(int Id, DateOnly RecordedOn, string StaffGroup, string Role, string? PersonName, string ActionConsidered, JustCultureOutcome? Outcome);

    public sealed record ListQuery : IRequest<ListResult>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    public sealed record ListResult(IReadOnlyList<Item> Records, IReadOnlyList<ReadResponse.Choice> StaffGroups);

    public sealed class ListHandler(FailingWellDbContext db) : IRequestHandler<ListQuery, ListResult>
    {
        public async Task<ListResult> Handle(ListQuery request, CancellationToken cancellationToken)
        {
            var records = await (await VisibleToAsync(db, request.ActorAccountId, cancellationToken)).AsNoTracking().OrderByDescending(r => r.Id).Take(200)
                .Select(r => new Item(r.Id, r.RecordedOn, r.StaffGroup!.Name, r.Role, r.PersonName, r.ActionConsidered, r.Outcome)).ToListAsync(cancellationToken);
            var groups = await db.StaffGroups.AsNoTracking().Where(g => !g.IsRetired).OrderBy(g => g.SortOrder)
                .Select(g => new ReadResponse.Choice(g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Name)).ToListAsync(cancellationToken);
            return new ListResult(records, groups);
        }
    }

    public sealed record Record(Item Item, JustCultureQuestion? Next, IReadOnlyList<(JustCultureQuestion Question, bool Yes)> Answers);

    public sealed record ReadRecordQuery(int Id) : IRequest<Record?>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    public sealed class ReadHandler(FailingWellDbContext db) : IRequestHandler<ReadRecordQuery, Record?>
    {
        public async Task<Record?> Handle(ReadRecordQuery request, CancellationToken cancellationToken)
        {
            var r = await (await VisibleToAsync(db, request.ActorAccountId, cancellationToken)).AsNoTracking().Include(x => x.StaffGroup)
                .SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
            if (r is null)
            {
                return null;
            }

            var answers = new (JustCultureQuestion, bool?)[]
            {
                (JustCultureQuestion.DeliberateHarm, r.DeliberateHarm), (JustCultureQuestion.Health, r.Health), (JustCultureQuestion.Foresight, r.Foresight),
                (JustCultureQuestion.Substitution, r.Substitution), (JustCultureQuestion.MitigatingCircumstances, r.MitigatingCircumstances),
            };
            return new Record(new Item(r.Id, r.RecordedOn, r.StaffGroup!.Name, r.Role, r.PersonName, r.ActionConsidered, r.Outcome), r.Next(),
                [.. answers.Where(a => a.Item2 is not null).Select(a => (a.Item1, a.Item2!.Value))]);
        }
    }

    /// <summary>Starts the guide for one person and one action.</summary>
    public sealed class Start : Change<int>
    {
        public int? StaffGroupId { get; set; }

        public string? Role { get; set; }

        public string? PersonName { get; set; }

        public string? ActionConsidered { get; set; }
    }

    public sealed class StartValidator : AbstractValidator<Start>
    {
        public StartValidator(FailingWellDbContext db)
        {
            RuleFor(c => c.StaffGroupId).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select the person's staff group")
                .MustAsync(async (id, ct) => await db.StaffGroups.AnyAsync(g => g.Id == id, ct)).WithMessage("Select a staff group from the list");
            RuleFor(c => c.Role)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter the person's role, for example staff nurse")
                .MaximumLength(100).WithMessage("The role must be 100 characters or fewer");
            RuleFor(c => c.PersonName).MaximumLength(200).WithMessage("The name must be 200 characters or fewer");
            RuleFor(c => c.ActionConsidered)
                .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Describe the one action or omission you are considering")
                .MaximumLength(2000).WithMessage("The action must be 2,000 characters or fewer");
        }
    }

    public sealed class StartHandler(FailingWellDbContext db, UkTime time) : IRequestHandler<Start, int>
    {
        public async Task<int> Handle(Start request, CancellationToken cancellationToken)
        {
            var record = new JustCultureRecord
            {
                RecordedByAccountId = request.ActorAccountId, RecordedOn = time.Today, StaffGroupId = request.StaffGroupId!.Value,
                Role = request.Role!.Trim(), PersonName = string.IsNullOrWhiteSpace(request.PersonName) ? null : request.PersonName.Trim(),
                ActionConsidered = request.ActionConsidered!.Trim(),
            };
            db.JustCultureRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Just culture guide record {record.Id}: started";
            return record.Id;
        }
    }

    /// <summary>Answers the guide's next question: answers come in the guide's order, and stop at its outcome.</summary>
    public sealed class Answer : Change<JustCultureOutcome?>
    {
        [BindNever]
        public int RecordId { get; set; }

        public JustCultureQuestion Question { get; set; }

        public bool? Yes { get; set; }

        public override string AuditAction => $"Just culture guide record {RecordId}: question answered";
    }

    public sealed class AnswerValidator : AbstractValidator<Answer>
    {
        public AnswerValidator() => RuleFor(c => c.Yes).NotNull().WithMessage("Select yes or no");
    }

    public sealed class AnswerHandler(FailingWellDbContext db) : IRequestHandler<Answer, JustCultureOutcome?>
    {
        public async Task<JustCultureOutcome?> Handle(Answer request, CancellationToken cancellationToken)
        {
            var visible = await VisibleToAsync(db, request.ActorAccountId, cancellationToken);
            var record = await visible.SingleOrRefuseAsync(r => r.Id == request.RecordId, request, NotFound, cancellationToken);
            if (record.Next() != request.Question)
            {
                throw RequestValidationException.For(request, "Yes", record.Outcome is null
                    ? "Answer the guide's questions in order: this is not the next one"
                    : "The guide has reached its outcome: start a new record for another person or action");
            }

            var outcome = record.Answer(request.Question, request.Yes!.Value);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
    }

    /// <summary>For the board: how often the guide was used and where it ended, by staff group, counts of 1 to 4 hidden.</summary>
    public sealed record UsageQuery(DateOnly From) : IRequest<Usage>;

    /// <param name="Cells">Staff group x outcome; a null count is hidden (1 to 4, or hidden so one cannot be worked out).</param>
    public sealed record Usage(string Used, IReadOnlyList<string> Groups, IReadOnlyList<JustCultureOutcome> Outcomes, IReadOnlyDictionary<(string Group, JustCultureOutcome Outcome), int?> Cells);

    public sealed class UsageHandler(FailingWellDbContext db) : IRequestHandler<UsageQuery, Usage>
    {
        public async Task<Usage> Handle(UsageQuery request, CancellationToken cancellationToken)
        {
            var rows = await db.JustCultureRecords.AsNoTracking().Where(r => r.RecordedOn >= request.From && r.Outcome != null)
                .GroupBy(r => new { Group = r.StaffGroup!.Name, r.Outcome })
                .Select(g => new { g.Key.Group, Outcome = g.Key.Outcome!.Value, Count = g.Count() }).ToListAsync(cancellationToken);
            var total = rows.Sum(r => r.Count);
            var cells = Suppress(rows.Select(r => ((r.Group, r.Outcome), r.Count)));
            return new Usage(SmallNumbers.Show(total), [.. rows.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal)], Enum.GetValues<JustCultureOutcome>(), cells);
        }
    }

    /// <summary>
    /// Hides counts of 1 to 4, and, where exactly one is hidden, the next smallest too: with the total
    /// shown, a single hidden cell could be worked out from the others.
    /// </summary>
    public static Dictionary<TKey, int?> Suppress<TKey>(IEnumerable<(TKey Key, int Count)> counts)
        where TKey : notnull
    {
        var cells = counts.Where(c => c.Count > 0).OrderBy(c => c.Count).ToList();
        var hidden = cells.Select(c => SmallNumbers.IsHidden(c.Count)).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var next = Array.FindIndex(hidden, h => !h);
            if (next >= 0)
            {
                hidden[next] = true;
            }
        }

        return cells.Select((c, i) => (c.Key, Count: hidden[i] ? (int?)null : c.Count)).ToDictionary(c => c.Key, c => c.Count);
    }
}
