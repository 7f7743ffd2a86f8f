using FailingWell.Web.Domain;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace FailingWell.Web.Features.Triage;

/// <summary>Sends the report to a stream and a division, and names the lead who owns it.</summary>
public static class Route
{
    public sealed class Command : ReportChange<Unit>
    {
        public GovernanceStream? Stream { get; set; }

        public int? DivisionId { get; set; }

        public string? OwnerAccountId { get; set; }

        public override string AuditAction => "Routed";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Stream).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select a stream").IsInEnum().WithMessage("Select a stream");
            RuleFor(c => c.DivisionId)
                .MustAsync(async (id, ct) => id is null || await db.Divisions.AnyAsync(d => d.Id == id && !d.IsRetired, ct))
                .WithMessage("Select a division from the list");
            RuleFor(c => c.OwnerAccountId)
                .MustAsync(async (id, ct) => string.IsNullOrEmpty(id) || await Leads.IsLeadAsync(db, id, ct))
                .WithMessage("Select a governance lead from the list");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            report.Stream = request.Stream!.Value;
            if (request.DivisionId != report.DivisionId)
            {
                report.DivisionId = request.DivisionId;
                report.LocationId = null; // a location belongs to its division
            }

            report.OwnerAccountId = string.IsNullOrEmpty(request.OwnerAccountId) ? null : request.OwnerAccountId;
            if (report.Status == ReportStatus.Acknowledged)
            {
                report.Status = ReportStatus.UnderReview;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>The accounts that may own reports and actions: governance leads and admins.</summary>
public static class Leads
{
    public sealed record Lead(string Id, string Name);

    public static async Task<bool> IsLeadAsync(FailingWellDbContext db, string accountId, CancellationToken cancellationToken) =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               where userRole.UserId == accountId && (role.Name == StaffRoles.GovernanceLead || role.Name == StaffRoles.Admin)
               select userRole).AnyAsync(cancellationToken);

    public static async Task<List<Lead>> ListAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
        await (from user in db.Users.OfType<StaffAccount>()
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == StaffRoles.GovernanceLead || role.Name == StaffRoles.Admin
               orderby user.DisplayName
               select new Lead(user.Id, user.DisplayName)).Distinct().ToListAsync(cancellationToken);
}
