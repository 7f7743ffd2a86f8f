using FailingWell.Web.Domain.Network;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// A lead drafts (or edits) a learning note written for sharing, from a closed report or a learning
/// response. Nothing is copied from either (decision 0073): the form starts empty but for this
/// organisation's type and the current month. Saving keeps a draft; submitting asks a second lead or
/// an admin to approve it, and needs the lead's tick that the note identifies nobody.
/// </summary>
public static class SaveNote
{
    /// <summary>The form: an existing note's fields, or an empty one for a source.</summary>
    public sealed record Query(int? NoteId, int? ReportId, int? ResponseId) : IRequest<Form?>;

    public sealed record Form(int? NoteId, int? ReportId, int? ResponseId, IReadOnlyList<string> Categories, Command Values, LearningNoteStatus? Status);

    public sealed class Command : Change<int>
    {
        [BindNever]
        public int? NoteId { get; set; }

        public int? ReportId { get; set; }

        public int? ResponseId { get; set; }

        public string? Title { get; set; }

        public string? WhatHappened { get; set; }

        public string? WhatWasLearned { get; set; }

        public string? WhatChanged { get; set; }

        public string? Category { get; set; }

        public ReportKind? Kind { get; set; }

        public PhysicalHarm? HarmBand { get; set; }

        public string? Month { get; set; }

        /// <summary>"I have checked this note identifies nobody": needed to submit, not to save a draft.</summary>
        public bool CheckedIdentifiesNobody { get; set; }

        /// <summary>Submit for approval (true) or keep as a draft.</summary>
        public bool Submit { get; set; }
    }

    public sealed class QueryHandler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Form?>
    {
        public async Task<Form?> Handle(Query request, CancellationToken cancellationToken)
        {
            var categories = await db.Categories.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
            if (request.NoteId is { } id)
            {
                var note = await db.LearningNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
                if (note is null || note.Status is LearningNoteStatus.Published or LearningNoteStatus.Discarded)
                {
                    return null;
                }

                return new Form(note.Id, note.ReportId, note.LearningResponseId, categories, new Command
                {
                    Title = note.Title, WhatHappened = note.WhatHappened, WhatWasLearned = note.WhatWasLearned, WhatChanged = note.WhatChanged,
                    Category = note.Category, Kind = note.Kind, HarmBand = note.HarmBand, Month = note.Month,
                }, note.Status);
            }

            if (!await SourceIsAllowedAsync(db, request.ReportId, request.ResponseId, cancellationToken))
            {
                return null;
            }

            return new Form(null, request.ReportId, request.ResponseId, categories, new Command { Month = NoteMonths.Of(time.Today) }, null);
        }
    }

    /// <summary>A closed report, or a learning response, of this organisation: exactly one of the two.</summary>
    public static async Task<bool> SourceIsAllowedAsync(FailingWellDbContext db, int? reportId, int? responseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (reportId, responseId) switch
        {
            ({ } report, null) => await db.Reports.AnyAsync(r => r.Id == report && r.Status == ReportStatus.Closed, cancellationToken),
            (null, { } response) => await db.LearningResponses.AnyAsync(r => r.Id == response, cancellationToken),
            _ => false,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db, UkTime time)
        {
            RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the note a title, in general terms")
                .MaximumLength(LearningNote.TitleLength).WithMessage("The title must be 200 characters or fewer");
            RuleFor(c => c.WhatHappened).MaximumLength(LearningNote.TextLength).WithMessage("This must be 4,000 characters or fewer");
            RuleFor(c => c.WhatWasLearned).MaximumLength(LearningNote.TextLength).WithMessage("This must be 4,000 characters or fewer");
            RuleFor(c => c.WhatChanged).MaximumLength(LearningNote.TextLength).WithMessage("This must be 4,000 characters or fewer");
            RuleFor(c => c.Kind).IsInEnum().WithMessage("Select what kind of event it was");
            RuleFor(c => c.HarmBand).IsInEnum().WithMessage("Select the harm");
            RuleFor(c => c.Month).Must(m => string.IsNullOrEmpty(m) || (NoteMonths.IsMonth(m) && string.CompareOrdinal(m, NoteMonths.Of(time.Today)) <= 0))
                .WithMessage("Enter a month like 2026-03, not in the future");
            RuleFor(c => c.Category).MustAsync(async (c, ct) => string.IsNullOrEmpty(c) || await db.Categories.AnyAsync(x => x.Name == c, ct))
                .WithMessage("Select a category from the list");
            When(c => c.Submit, () =>
            {
                RuleFor(c => c.WhatHappened).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what happened, in general terms");
                RuleFor(c => c.WhatWasLearned).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what was learned");
                RuleFor(c => c.WhatChanged).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what changed as a result");
                RuleFor(c => c.Category).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Select a category");
                RuleFor(c => c.Kind).NotNull().WithMessage("Select what kind of event it was");
                RuleFor(c => c.HarmBand).NotNull().WithMessage("Select the harm");
                RuleFor(c => c.Month).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Enter the month, like 2026-03");
                RuleFor(c => c.CheckedIdentifiesNobody).Equal(true).WithMessage("Confirm you have checked this note identifies nobody");
            });
        }
    }

    public sealed class Handler(FailingWellDbContext db, IOptions<NetworkSettings> options) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            LearningNote note;
            if (request.NoteId is { } id)
            {
                note = await db.LearningNotes.SingleOrRefuseAsync(n => n.Id == id, request, "That note does not exist.", cancellationToken);
                if (note.Status is LearningNoteStatus.Published or LearningNoteStatus.Discarded)
                {
                    throw RequestValidationException.For(request, "", "This note has been published or discarded and cannot be changed.");
                }
            }
            else
            {
                if (!await SourceIsAllowedAsync(db, request.ReportId, request.ResponseId, cancellationToken))
                {
                    throw RequestValidationException.For(request, "", "A note is drafted from a closed report or a learning response.");
                }

                note = new LearningNote { DraftedByAccountId = request.ActorAccountId, ReportId = request.ReportId, LearningResponseId = request.ResponseId };
                db.LearningNotes.Add(note);
            }

            note.Title = request.Title!.Trim();
            note.WhatHappened = request.WhatHappened?.Trim() ?? "";
            note.WhatWasLearned = request.WhatWasLearned?.Trim() ?? "";
            note.WhatChanged = request.WhatChanged?.Trim() ?? "";
            note.Category = request.Category ?? "";
            note.Kind = request.Kind;
            note.HarmBand = request.HarmBand;
            note.Month = request.Month ?? "";
            note.OrganisationType = options.Value.OrganisationType;
            note.Status = request.Submit ? LearningNoteStatus.AwaitingApproval : LearningNoteStatus.Draft;
            await db.SaveChangesAsync(cancellationToken);
            // These words are also the record of who changed the note (NoteEditors): an editor may not approve it.
            request.AuditAction = NoteEditors.Saved(note.Id, request.Submit);
            return note.Id;
        }
    }
}
