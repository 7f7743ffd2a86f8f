using FailingWell.Web.Domain;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using FailingWell.Web.Infrastructure.Mediation;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FailingWell.Web.Features.Digests;

/// <summary>/digests: the packs, newest first; leads and admins can build a period on demand.</summary>
public sealed class IndexModel(IMediator mediator, FailingWellDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GovernanceStream? Stream { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty]
    public BuildDigests.Command Build { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<Digest> Digests { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Scopes { get; private set; } = [];

    public bool CanBuild { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!CanBuild)
        {
            return Forbid();
        }

        Build.ActorAccountId = User.AccountId();
        var built = await mediator.Send(Build);
        Done = built == 0 ? "Those digests already exist: nothing was changed." : $"{built} digests built.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        CanBuild = (await authorization.AuthorizeAsync(User, Policies.Triage)).Succeeded;
        var digests = db.Digests.AsNoTracking();
        if (Stream is { } stream)
        {
            digests = digests.Where(d => d.Stream == stream);
        }

        var scope = string.IsNullOrEmpty(Scope) ? Digest.OrganisationScope : Scope;
        Digests = await digests.Where(d => d.ScopeKey == scope)
            .OrderByDescending(d => d.PeriodStart).ThenBy(d => d.PeriodKind).ThenBy(d => d.Stream)
            .Take(200)
            .Select(d => new Digest { Id = d.Id, Stream = d.Stream, PeriodKind = d.PeriodKind, PeriodKey = d.PeriodKey, PeriodStart = d.PeriodStart, PeriodEnd = d.PeriodEnd, ScopeName = d.ScopeName, Total = d.Total })
            .ToListAsync();
        Scopes = [(Digest.OrganisationScope, "Whole organisation"),
            .. (await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync())
                .Select(d => (Digest.DivisionScope(d.Id), d.Name))];
    }
}

/// <summary>Builds a period's packs on demand (leads and admins).</summary>
public static class BuildDigests
{
    public sealed class Command : ICommand<int>, IAuditedAdminRequest
    {
        public string? Stream { get; set; }

        public string? Period { get; set; }

        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string ActorAccountId { get; set; } = "";

        public string AuditDescription => $"Built digests for {Period} ({Stream})";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UkTime time)
        {
            RuleFor(c => c.Stream).Must(s => s is "all" || Enum.TryParse<GovernanceStream>(s, out _)).WithMessage("Choose a stream");
            RuleFor(c => c.Period)
                .Must(p => Digests.Period.TryParse(p, out _)).WithMessage("Enter a week like 2026-W46 or a month like 2026-11")
                .Must(p => !Digests.Period.TryParse(p, out var period) || period.End <= time.Today)
                .WithMessage("That period has not finished yet: a digest is built once its period is over");
        }
    }

    public sealed class Handler(DigestBuilder builder, DigestRuns runs) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!Digests.Period.TryParse(request.Period, out var period))
            {
                throw new InvalidOperationException("The validator lets only real periods through.");
            }

            var streams = request.Stream == "all" ? Enum.GetValues<GovernanceStream>() : [Enum.Parse<GovernanceStream>(request.Stream!)];
            var built = new List<Digest>();
            foreach (var stream in streams)
            {
                built.AddRange(await builder.BuildAsync(stream, period, cancellationToken));
            }

            await runs.NotifyAsync(built, cancellationToken);
            return built.Count;
        }
    }
}
