using System.Text.Json;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Tests.Network;

/// <summary>Requests through the mediator, many reports at once, and what the (temporary) outbox was given.</summary>
public static class PeersSupport
{
    /// <summary>15 November 2026: the last complete month is October 2026.</summary>
    public static MovableClock Clock() => new(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));

    public static readonly DateOnly October = new(2026, 10, 1);

    public static async Task<T> SendAsync<T>(FailingWellApp app, IRequest<T> request, string? actorId = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (request is IStaffRequest staff && actorId is not null)
        {
            staff.ActorAccountId = actorId;
        }

        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public static async Task<string> RefusalAsync(Func<Task> act)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(act);
        return string.Join(" | ", refused.Errors.Select(e => e.ErrorMessage));
    }

    /// <summary>Writes <paramref name="count"/> alike reports received on <paramref name="day"/>, in one save.</summary>
    public static async Task SaveReportsAsync(FailingWellApp app, DateOnly day, int count, ReportBuilder? like = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var category = await db.Categories.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var location = await db.Locations.AsNoTracking().OrderBy(l => l.Id).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var report = ((like ?? new ReportBuilder()) with { ReceivedOn = day }).ToEntity(category.Id, category.DefaultStream);
            report.LocationId = location.Id;
            report.DivisionId = location.DivisionId;
            db.Reports.Add(report);
        }

        await db.SaveChangesAsync();
    }

    public static async Task SaveBedDaysAsync(FailingWellApp app, DateOnly month, int bedDays)
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var division = await db.Divisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        db.Denominators.Add(new Denominator { DivisionId = division, Month = month, BedDays = bedDays });
        await db.SaveChangesAsync();
    }

    public static IReadOnlyList<(string Kind, string PayloadJson)> Sent(FailingWellApp app) => NetworkOutbox.SentTo(app.ConnectionString);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static T Payload<T>(string json) => JsonSerializer.Deserialize<T>(json, Web)!;

    /// <summary>A hub member (the temporary HubMember until CORE's arrives with its own way to issue keys).</summary>
    public static async Task<int> AddMemberAsync(FailingWellApp hub, string name, string type = "Acute trust", bool revoked = false)
    {
        await using var scope = hub.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var member = new HubMember { Name = name, OrganisationType = type, KeyHash = "not a real hash", IssuedOn = DateTimeOffset.UnixEpoch, RevokedOn = revoked ? DateTimeOffset.UnixEpoch : null };
        db.Set<HubMember>().Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>
    /// A signed-in network coordinator. The role is CORE's; until merge it is made here with Identity's role
    /// manager on an admin's account (the integrator switches this to Staff.CreateAsync with the new role).
    /// </summary>
    public static async Task<HttpClient> CoordinatorAsync(FailingWellApp hub)
    {
        var account = await Staff.CreateAsync(hub, StaffRoles.Admin);
        await using (var scope = hub.Scope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
            if (!await roles.RoleExistsAsync(PeersPolicy.CoordinatorRole))
            {
                await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(PeersPolicy.CoordinatorRole));
            }

            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffAccount>>();
            var user = (await users.FindByIdAsync(account.Id))!;
            await users.RemoveFromRoleAsync(user, StaffRoles.Admin);
            await users.AddToRoleAsync(user, PeersPolicy.CoordinatorRole);
        }

        return await Staff.SignInAsync(hub, account);
    }

    /// <summary>24 complete months up to October 2026 at ~50 reports a month, the last seven falling fast.</summary>
    public static async Task SaveFallingSeriesAsync(FailingWellApp app)
    {
        int[] counts = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 46, 43, 40, 37, 34, 31, 28];
        var first = October.AddMonths(-(counts.Length - 1));
        for (var i = 0; i < counts.Length; i++)
        {
            await SaveReportsAsync(app, first.AddMonths(i).AddDays(3), counts[i]);
        }
    }
}
