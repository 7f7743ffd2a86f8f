using System.Security.Cryptography;
using FailingWell.Web.Domain;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FailingWell.Tests.Support;

/// <summary>Reports written straight into the database with exactly the fields a test needs to count.</summary>
public static class SeededReports
{
    private static int _sequence;

    public static async Task<Report> AddAsync(FailingWellApp app, DateOnly receivedOn, int? divisionId, string category, ReportKind kind = ReportKind.Incident,
        PhysicalHarm harm = PhysicalHarm.Low, GovernanceStream? stream = null, Action<Report>? change = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var categoryRow = await db.Categories.SingleAsync(c => c.Name == category);
        var number = Interlocked.Increment(ref _sequence) + 500_000;
        var report = new Report
        {
            Reference = $"FW-{receivedOn.Year}-{number:000000}", ReferenceYear = receivedOn.Year, ReferenceNumber = number,
            Kind = kind, WhatHappened = "SeededReportText must never reach a digest or an email", OccurredOn = receivedOn, OccurredBand = TimeBand.Morning,
            DivisionId = divisionId, PersonAffected = PersonAffected.Patient, PhysicalHarm = harm, CategoryId = categoryRow.Id,
            Stream = stream ?? categoryRow.DefaultStream, ReceivedOn = receivedOn, ReceivedBand = TimeBand.Morning,
            AcknowledgeBy = receivedOn.AddDays(7), FeedbackBy = receivedOn.AddMonths(3), SubmissionId = Guid.NewGuid(),
            ReceiptLocator = RandomNumberGenerator.GetHexString(8), ReceiptSalt = new byte[16], ReceiptHash = new byte[32],
        };
        change?.Invoke(report);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report;
    }

    public static async Task<(int A, int B)> TwoDivisionsAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        var ids = await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Divisions.OrderBy(d => d.SortOrder).Select(d => d.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }
}
