using FailingWell.Web.Domain;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FailingWell.Tests.Support;

/// <summary>Reports sent through the mediator (the same command the form sends), for triage tests.</summary>
public static class TriageData
{
    public sealed record Sent(int Id, string Reference, string ReceiptCode);

    public static async Task<Sent> ReportAsync(FailingWellApp app, Action<SubmitReport.Command>? change = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var command = new SubmitReport.Command
        {
            Kind = ReportKind.Incident,
            WhatHappened = "A medicine was given twice.",
            When = SubmitReport.WhenChoice.Today,
            TimeOfDay = TimeBand.Morning,
            Where = ReportForm.LocationValue(await db.Locations.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync()),
            PersonAffected = PersonAffected.Patient,
            PhysicalHarm = PhysicalHarm.Low,
            PsychologicalHarm = PsychologicalHarm.None,
            CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            SubmissionId = Guid.NewGuid(),
        };
        change?.Invoke(command);
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
        var id = await db.Reports.Where(r => r.Reference == result.Reference).Select(r => r.Id).SingleAsync();
        return new Sent(id, result.Reference, result.ReceiptCode!);
    }

    public static async Task<Report> LoadAsync(FailingWellApp app, int id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Reports.AsNoTracking()
            .Include(r => r.Actions).Include(r => r.Messages).SingleAsync(r => r.Id == id);
    }

    /// <summary>Sends a lead's change, stamped with the report's current version unless one is given.</summary>
    public static async Task<T> ChangeAsync<T>(FailingWellApp app, string actorId, int reportId, Web.Features.Triage.ReportChange<T> change, Guid? version = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.ReportId = reportId;
        change.ActorAccountId = actorId;
        change.Version = version ?? (await LoadAsync(app, reportId)).Version;
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(change);
    }
}
