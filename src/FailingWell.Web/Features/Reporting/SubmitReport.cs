using System.Globalization;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// A member of staff sends a report. No account, no address, no agent and no exact time are taken:
/// the command carries only what the form asked, and the handler adds the day and time band.
/// </summary>
public static class SubmitReport
{

    public enum WhenChoice
    {
        Today = 1,
        Yesterday = 2,
        AnotherDay = 3,
    }

    /// <summary>
    /// Not an <see cref="ICommand{TResponse}"/>: it opens no transaction of its own, because
    /// <see cref="ReportIntake"/> commits it together with the other reports queued beside it.
    /// </summary>
    public sealed class Command : IRequest<Result>, IAnonymousJourney
    {
        public ReportKind? Kind { get; set; }

        public string? WhatHappened { get; set; }

        public string? ImmediateAction { get; set; }

        public WhenChoice? When { get; set; }

        public string? Day { get; set; }

        public string? Month { get; set; }

        public string? Year { get; set; }

        public TimeBand? TimeOfDay { get; set; }

        /// <summary>"l:ID" a location, "d:ID" somewhere in a division, empty for not sure.</summary>
        public string? Where { get; set; }

        public PersonAffected? PersonAffected { get; set; }

        public PhysicalHarm? PhysicalHarm { get; set; }

        public PsychologicalHarm? PsychologicalHarm { get; set; }

        public int? CategoryId { get; set; }

        /// <summary>Empty when the reporter prefers not to say.</summary>
        public int? StaffGroupId { get; set; }

        public bool GiveName { get; set; }

        public string? ReporterName { get; set; }

        public string? ReporterEmail { get; set; }

        public Guid SubmissionId { get; set; }

        /// <summary>Null: patient care and safety, for the governance team. Otherwise a speak-up case for the guardian.</summary>
        public SpeakUpRoute? Route { get; set; }

        /// <summary>For a speak-up case: anonymous, confidential (name known only to the guardian) or open.</summary>
        public SpeakUpOpenness? Openness { get; set; }

        /// <summary>Optional, for an anonymous reporter.</summary>
        public WhyAnonymous? WhyAnonymous { get; set; }

        public bool GoesToTheGuardian => Route is not null;
    }

    public sealed record Result(string Reference, string? ReceiptCode, bool IsSpeakUp = false)
    {
        /// <summary>False when this form had already been sent: the code was shown the first time.</summary>
        public bool IsNew => ReceiptCode is not null;
    }

    /// <summary>The date the reporter gave, or null when it is not a real date.</summary>
    public static DateOnly? OccurredOn(Command command, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.When switch
        {
            WhenChoice.Today => today,
            WhenChoice.Yesterday => today.AddDays(-1),
            WhenChoice.AnotherDay => TypedDate.DayOf(command.Day, command.Month, command.Year),
            _ => null,
        };
    }

    public sealed record Place(int? DivisionId, int? LocationId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db, UkTime time, ListedChoices listed)
        {
            RuleFor(c => c.Route).IsInEnum().WithMessage("Select who should read this");
            RuleFor(c => c.WhyAnonymous).IsInEnum().WithMessage("Select why you want to stay anonymous, or leave it blank");
            When(c => c.GoesToTheGuardian, () =>
            {
                RuleFor(c => c.Openness).NotNull().WithMessage("Select whether the guardian may know your name")
                    .IsInEnum().WithMessage("Select whether the guardian may know your name");
                When(c => c.Openness is SpeakUpOpenness.Confidential or SpeakUpOpenness.Open, () =>
                    RuleFor(c => c.ReporterName)
                        .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter your name, or choose 'Anonymous'")
                        .MaximumLength(200).WithMessage("Your name must be 200 characters or fewer"));
                RuleFor(c => c.ReporterEmail)
                    .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.nhs.uk")
                    .MaximumLength(320).WithMessage("Your email address must be 320 characters or fewer");
            });
            When(c => !c.GoesToTheGuardian, () => ReportRulesFor(time, listed));
            RuleFor(c => c.WhatHappened)
                .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Tell us what happened")
                .WithinTextLimit("What happened");
            RuleFor(c => c.Where)
                .MustAsync(async (where, ct) => await listed.PlaceAsync(where, ct) is not null)
                .WithMessage("Select where it happened from the list, or 'Not sure'");
            RuleFor(c => c.StaffGroupId)
                .MustAsync(async (id, ct) => id is not { } staffGroup || await Lookups.StaffGroupListed(db, staffGroup, ct))
                .WithMessage("Select your staff group from the list, or 'Prefer not to say'");
        }

        // What only an incident report needs: a speak-up case asks for its words, place and openness.
        private void ReportRulesFor(UkTime time, ListedChoices listed)
        {
            RuleFor(c => c.Kind).NotNull().WithMessage("Select what you want to tell us about")
                .IsInEnum().WithMessage("Select what you want to tell us about");
            RuleFor(c => c.ImmediateAction)
                .WithinTextLimit("What was done straight away");

            RuleFor(c => c.When).NotNull().WithMessage("Select when it happened")
                .IsInEnum().WithMessage("Select when it happened");
            When(c => c.When == WhenChoice.AnotherDay, () =>
            {
                RuleFor(c => c.Day)
                    .Must((command, _) => OccurredOn(command, time.Today) is not null)
                    .WithMessage("Enter a real date, for example 27 3 2026")
                    .Must((command, _) => OccurredOn(command, time.Today) is not { } day || day <= time.Today)
                    .WithMessage("The date must be today or in the past");
            });
            RuleFor(c => c.TimeOfDay).NotNull().WithMessage("Select the time of day")
                .IsInEnum().WithMessage("Select the time of day");

            RuleFor(c => c.PersonAffected).NotNull().WithMessage("Select who was affected")
                .IsInEnum().WithMessage("Select who was affected");
            RuleFor(c => c.PhysicalHarm).IsInEnum().WithMessage("Select how much physical harm there was");
            RuleFor(c => c.PsychologicalHarm).IsInEnum().WithMessage("Select how much distress there was");
            When(c => c.Kind == ReportKind.Incident, () =>
            {
                RuleFor(c => c.PhysicalHarm).NotNull().WithMessage("Select how much physical harm there was");
                RuleFor(c => c.PsychologicalHarm).NotNull().WithMessage("Select how much distress there was");
            });

            RuleFor(c => c.CategoryId)
                .NotNull().WithMessage("Select what it is about")
                .MustAsync(async (id, ct) => id is not { } category || await listed.StreamOfCategoryAsync(category, ct) is not null)
                .WithMessage("Select what it is about from the list");

            When(c => c.GiveName, () =>
            {
                RuleFor(c => c.ReporterName)
                    .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter your name, or untick 'I want to give my name'")
                    .MaximumLength(200).WithMessage("Your name must be 200 characters or fewer");
                RuleFor(c => c.ReporterEmail)
                    .Must(email => !string.IsNullOrWhiteSpace(email)).WithMessage("Enter your email address, or untick 'I want to give my name'")
                    .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.nhs.uk")
                    .MaximumLength(320).WithMessage("Your email address must be 320 characters or fewer");
            });
        }
    }

    /// <summary>
    /// The place and category a report names, looked up once a request: the validator refuses what is
    /// not listed, and the handler files what the validator found without asking the database again.
    /// </summary>
    public sealed class ListedChoices(FailingWellDbContext db)
    {
        private (string? Where, Place? Place)? place;
        private (int Id, GovernanceStream? Stream)? category;

        /// <summary>Null when the answer names no listed place.</summary>
        public async Task<Place?> PlaceAsync(string? where, CancellationToken cancellationToken)
        {
            if (place is { } kept && kept.Where == where)
            {
                return kept.Place;
            }

            var found = await ResolvePlaceAsync(db, where, cancellationToken);
            place = (where, found);
            return found;
        }

        /// <summary>The stream a listed category's reports go to; null when the category is not listed.</summary>
        public async Task<GovernanceStream?> StreamOfCategoryAsync(int id, CancellationToken cancellationToken)
        {
            if (category is { } kept && kept.Id == id)
            {
                return kept.Stream;
            }

            var found = await Lookups.StreamOfListedCategory(db, id, cancellationToken);
            category = (id, found);
            return found;
        }
    }

    /// <summary>Turns the "where" answer into ids, refusing anything not on the current list.</summary>
    public static async Task<Place?> ResolvePlaceAsync(FailingWellDbContext db, string? where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(where))
        {
            return new Place(null, null);
        }

        if (where.Length < 3 || where[1] != ':' || !int.TryParse(where.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return where[0] switch
        {
            'l' => await Lookups.ListedLocation(db, id, cancellationToken),
            'd' => await Lookups.ListedDivision(db, id, cancellationToken),
            _ => null,
        };
    }

    /// <summary>
    /// The look-ups every report sends, compiled once: EF's work to find a query in its cache (reading
    /// the expression for its parameters, then comparing it) was a sixth of their cost.
    /// </summary>
    private static class Lookups
    {
        public static readonly Func<FailingWellDbContext, int, CancellationToken, Task<Place?>> ListedLocation =
            EF.CompileAsyncQuery((FailingWellDbContext db, int id, CancellationToken _) => db.Locations.AsNoTracking()
                .Where(l => l.Id == id && !l.IsRetired && !l.Division!.IsRetired)
                .Select(l => new Place(l.DivisionId, l.Id))
                .SingleOrDefault());

        public static readonly Func<FailingWellDbContext, int, CancellationToken, Task<Place?>> ListedDivision =
            EF.CompileAsyncQuery((FailingWellDbContext db, int id, CancellationToken _) => db.Divisions.AsNoTracking()
                .Where(d => d.Id == id && !d.IsRetired)
                .Select(d => new Place(d.Id, null))
                .SingleOrDefault());

        public static readonly Func<FailingWellDbContext, int, CancellationToken, Task<GovernanceStream?>> StreamOfListedCategory =
            EF.CompileAsyncQuery((FailingWellDbContext db, int id, CancellationToken _) => db.Categories
                .Where(c => c.Id == id && !c.IsRetired)
                .Select(c => (GovernanceStream?)c.DefaultStream)
                .SingleOrDefault());

        public static readonly Func<FailingWellDbContext, int, CancellationToken, Task<bool>> StaffGroupListed =
            EF.CompileAsyncQuery((FailingWellDbContext db, int id, CancellationToken _) => db.StaffGroups.Any(s => s.Id == id && !s.IsRetired));
    }

    public sealed class Handler(
        ListedChoices listed,
        UkTime time,
        Triage.TriageSettingsSource triageSettings,
        ReportIntake intake,
        SpeakUpIntake speakUp) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.GoesToTheGuardian)
            {
                var raised = await speakUp.RaiseAsync(request, cancellationToken);
                return new Result(raised.Reference, raised.ReceiptCode, IsSpeakUp: true);
            }

            var (receivedOn, receivedBand) = time.DayAndBand();
            var deadlines = (await triageSettings.GetAsync(cancellationToken)).Deadlines;
            // What the validator found, not asked again: a choice retired since cannot fail the report now.
            var place = await listed.PlaceAsync(request.Where, cancellationToken)
                ?? throw new InvalidOperationException("The validator lets only listed places through.");
            var stream = await listed.StreamOfCategoryAsync(request.CategoryId!.Value, cancellationToken)
                ?? throw new InvalidOperationException("The validator lets only listed categories through.");
            var named = request.GiveName;

            var report = new Report
            {
                Kind = request.Kind!.Value,
                WhatHappened = request.WhatHappened!.Trim(),
                ImmediateAction = string.IsNullOrWhiteSpace(request.ImmediateAction) ? null : request.ImmediateAction.Trim(),
                OccurredOn = OccurredOn(request, time.Today)!.Value,
                OccurredBand = request.TimeOfDay!.Value,
                DivisionId = place.DivisionId,
                LocationId = place.LocationId,
                PersonAffected = request.PersonAffected!.Value,
                PhysicalHarm = request.PhysicalHarm ?? PhysicalHarm.None,
                PsychologicalHarm = request.PsychologicalHarm ?? PsychologicalHarm.None,
                CategoryId = request.CategoryId!.Value,
                Stream = stream,
                StaffGroupId = request.StaffGroupId,
                IsAnonymous = !named,
                WhyAnonymous = named ? null : request.WhyAnonymous,
                ReporterName = named ? request.ReporterName!.Trim() : null,
                ReporterEmail = named ? request.ReporterEmail!.Trim() : null,
                ReceivedOn = receivedOn,
                ReceivedBand = receivedBand,
                AcknowledgeBy = deadlines.AcknowledgeBy(receivedOn),
                FeedbackBy = deadlines.FeedbackBy(receivedOn),
                SubmissionId = request.SubmissionId,
            };
            var escalate = ReportRules.NeedsEscalation(report.PhysicalHarm, riskScore: null);

            // The intake gives the report its reference and receipt code, and commits the code's
            // verifier with it: the code shown opens the report from that moment, on any node.
            var accepted = await intake.AcceptAsync(report, escalate);
            return new Result(accepted.Reference, accepted.ReceiptCode);
        }
    }
}
