namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The National Guardian's Office's recording fields: elements (one or more), professional group, detriment, actions.</summary>
public static class RecordCase
{
    public sealed class Command : CaseChange<Unit>
    {
        public bool PatientSafety { get; set; }

        public bool WorkerSafety { get; set; }

        public bool Bullying { get; set; }

        public bool Behaviour { get; set; }

        public int? StaffGroupId { get; set; }

        public bool DetrimentIndicated { get; set; }

        public string? ActionsTaken { get; set; }

        public override string AuditAction => "Recorded a speak-up case";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.PatientSafety)
                .Must((c, _) => c.PatientSafety || c.WorkerSafety || c.Bullying || c.Behaviour)
                .WithMessage("Select at least one element");
            RuleFor(c => c.StaffGroupId)
                .NotNull().WithMessage("Select the professional group, as the National Guardian's Office asks")
                .MustAsync(async (id, ct) => id is null || await db.StaffGroups.AnyAsync(s => s.Id == id, ct))
                .WithMessage("Select the professional group from the list");
            RuleFor(c => c.ActionsTaken)
                .WithinTextLimit("The actions");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var speakUpCase = await CaseChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            speakUpCase.PatientSafetyElement = request.PatientSafety;
            speakUpCase.WorkerSafetyElement = request.WorkerSafety;
            speakUpCase.BullyingElement = request.Bullying;
            speakUpCase.BehaviourElement = request.Behaviour;
            speakUpCase.StaffGroupId = request.StaffGroupId;
            speakUpCase.DetrimentIndicated = request.DetrimentIndicated || speakUpCase.DetrimentAtCheckIn == SpeakUpAnswer.Yes;
            speakUpCase.ActionsTaken = string.IsNullOrWhiteSpace(request.ActionsTaken) ? null : request.ActionsTaken.Trim();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
