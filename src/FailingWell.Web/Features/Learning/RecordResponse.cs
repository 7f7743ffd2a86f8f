using System.Linq.Expressions;

namespace FailingWell.Web.Features.Learning;

/// <summary>
/// The response's structured record: who took part (roles only), the SEIPS work-system analysis,
/// findings, an AAR's four questions and a PSII's terms of reference. With <see cref="Command.Complete"/>,
/// saved and completed in one step, once what the response type needs is there.
/// </summary>
public static class RecordResponse
{
    public sealed class Command : LearningChange<Unit>, IResponseRecord
    {
        public List<string> Participants { get; set; } = [];

        public string? SeipsPerson { get; set; }

        public string? SeipsTasks { get; set; }

        public string? SeipsTools { get; set; }

        public string? SeipsOrganisation { get; set; }

        public string? SeipsInternalEnvironment { get; set; }

        public string? SeipsExternalEnvironment { get; set; }

        public string? Findings { get; set; }

        public string? AarExpected { get; set; }

        public string? AarActual { get; set; }

        public string? AarWhyDifferent { get; set; }

        public string? AarLearned { get; set; }

        public string? TermsOfReference { get; set; }

        public bool Complete { get; set; }

        protected override string Action => Complete ? "completed" : "record saved";

        public static Command From(LearningResponse r)
        {
            ArgumentNullException.ThrowIfNull(r);
            var command = new Command { Participants = [.. r.Participants?.Split("; ", StringSplitOptions.RemoveEmptyEntries) ?? []] };
            ResponseRecord.Copy(r, command);
            return command;
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleForEach(c => c.Participants).Must(p => LearningWords.ParticipantRoles.Contains(p))
                .WithMessage("Choose who took part from the list of roles");
            var command = Expression.Parameter(typeof(Command), "c");
            foreach (var text in ResponseRecord.Texts)
            {
                RuleFor(Expression.Lambda<Func<Command, string?>>(Expression.Property(command, text.Name), command)).WithinTextLimit("This");
            }

            // What the type needs, looked up from the response as stored (the form does not say its type).
            RuleFor(c => c.TermsOfReference).MustAsync(async (c, tor, ct) => !string.IsNullOrWhiteSpace(tor) || await TypeAsync(db, c, ct) != LearningResponseType.Psii)
                .WithMessage("A PSII needs terms of reference: what it will look at, and how");
            When(c => c.Complete, () =>
            {
                RuleFor(c => c.Findings).Must(f => !string.IsNullOrWhiteSpace(f)).WithMessage("Write the findings before completing the response");
                RuleFor(c => c.AarExpected).MustAsync((c, v, ct) => AnsweredUnlessAarAsync(db, c, v, ct)).WithMessage("Answer what was expected to happen");
                RuleFor(c => c.AarActual).MustAsync((c, v, ct) => AnsweredUnlessAarAsync(db, c, v, ct)).WithMessage("Answer what actually happened");
                RuleFor(c => c.AarWhyDifferent).MustAsync((c, v, ct) => AnsweredUnlessAarAsync(db, c, v, ct)).WithMessage("Answer why there was a difference");
                RuleFor(c => c.AarLearned).MustAsync((c, v, ct) => AnsweredUnlessAarAsync(db, c, v, ct)).WithMessage("Answer what can be learned");
            });
        }

        private static async Task<bool> AnsweredUnlessAarAsync(FailingWellDbContext db, Command c, string? answer, CancellationToken ct) =>
            !string.IsNullOrWhiteSpace(answer) || await TypeAsync(db, c, ct) != LearningResponseType.AfterActionReview;

        private static Task<LearningResponseType> TypeAsync(FailingWellDbContext db, Command c, CancellationToken ct) =>
            db.LearningResponses.Where(r => r.Id == c.ResponseId).Select(r => r.Type).SingleOrDefaultAsync(ct);
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            if (r.Status == LearningResponseStatus.Completed)
            {
                throw RequestValidationException.For(request, "", "This response is completed: its record can no longer change.");
            }

            r.Participants = request.Participants.Count == 0 ? null : string.Join("; ", LearningWords.ParticipantRoles.Where(request.Participants.Contains));
            ResponseRecord.Copy(request, r, text => string.IsNullOrWhiteSpace(text) ? null : text.Trim());
            r.Status = request.Complete ? LearningResponseStatus.Completed : LearningResponseStatus.InProgress;
            if (request.Complete)
            {
                r.CompletedOn = time.Today;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
