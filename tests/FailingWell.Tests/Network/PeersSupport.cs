using System.Text.Json;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Culture;
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

    /// <summary>
    /// Writes <paramref name="count"/> alike reports received on <paramref name="day"/>, in one save, then recounts the
    /// culture roll-ups from that month as the roll-up job would: the aggregates and signals are read from them.
    /// </summary>
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
        await scope.ServiceProvider.GetRequiredService<CultureRollups>().RecountAsync(day, CancellationToken.None);
    }

    public static async Task SaveBedDaysAsync(FailingWellApp app, DateOnly month, int bedDays)
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var division = await db.Divisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        db.Denominators.Add(new Denominator { DivisionId = division, Month = month, BedDays = bedDays });
        await db.SaveChangesAsync();
    }

    /// <summary>What the member's network outbox holds, in the order it was queued (the table's physical order: rows are only added here).</summary>
    public static IReadOnlyList<(string Kind, string PayloadJson)> Sent(FailingWellApp app)
    {
        using var scope = app.Services.CreateAsyncScope();
        var db = FailingWellApp.NewDbContext(scope);
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = db.Database.IsSqlite()
            ? "SELECT \"Kind\", \"Payload\" FROM \"NetworkOutboxMessages\" ORDER BY rowid"
            : "SELECT \"Kind\", \"Payload\" FROM \"NetworkOutboxMessages\" ORDER BY ctid";
        using var reader = command.ExecuteReader();
        var sent = new List<(string, string)>();
        while (reader.Read())
        {
            sent.Add((reader.GetString(0), reader.GetString(1)));
        }

        return sent;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static T Payload<T>(string json) => JsonSerializer.Deserialize<T>(json, Web)!;

    /// <summary>A hub member straight into the hub's table (these tests send no signed request).</summary>
    public static async Task<int> AddMemberAsync(FailingWellApp hub, string name, string type = "Acute trust", bool revoked = false)
    {
        await using var scope = hub.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var member = new HubMember { Name = name, OrganisationType = type, KeyHash = "not a real hash", IssuedOn = DateTimeOffset.UnixEpoch, RevokedOn = revoked ? DateTimeOffset.UnixEpoch : null };
        db.Set<HubMember>().Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>A signed-in network coordinator on the hub.</summary>
    public static async Task<HttpClient> CoordinatorAsync(FailingWellApp hub) =>
        await Staff.SignInAsync(hub, await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator));

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
