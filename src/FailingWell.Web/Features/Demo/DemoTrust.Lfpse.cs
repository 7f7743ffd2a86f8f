using FailingWell.Web.Features.Lfpse;

namespace FailingWell.Web.Features.Demo;

public sealed partial class DemoTrust
{
    /// <summary>The demo trust's ODS code (one in LFPSE's list), set unless an admin set another.</summary>
    public const string DemoOdsCode = "RRV";

    /// <summary>How many recent safety reports the demo lead confirms for LFPSE (they go to the sandbox).</summary>
    public const int LfpseEvents = 5;

    /// <summary>
    /// With the Development sandbox on (decision 0124): the trust mapped to LFPSE's codes where an admin has not,
    /// and the latest safety reports of each kind confirmed by the demo lead through the real confirmation, so
    /// their requests wait in the outbox for the delivery, which sends them to the sandbox.
    /// </summary>
    public async Task<int> ConfirmLfpseEventsAsync(CancellationToken cancellationToken)
    {
        if (await db.LfpseEvents.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var lead = await users.FindByEmailAsync(Accounts.Single(a => a.Role == StaffRoles.GovernanceLead).Email);
        if (lead is null)
        {
            return 0;
        }

        // Plausible codes for a demo only: an admin maps the real trust on /admin/lfpse.
        await db.Divisions.Where(d => d.LfpseServiceArea == null).ExecuteUpdateAsync(u => u.SetProperty(d => d.LfpseServiceArea, "1").SetProperty(d => d.LfpseSpecialty, "2"), cancellationToken);
        await db.Locations.Where(l => l.LfpseLocationWithinService == null).ExecuteUpdateAsync(u => u.SetProperty(l => l.LfpseLocationWithinService, "4"), cancellationToken);
        await db.Categories.Where(c => c.LfpseInvolvedAgents == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.LfpseInvolvedAgents, "10").SetProperty(c => c.LfpseSafetyChallenges, "6"), cancellationToken);
        await db.StaffGroups.Where(s => s.LfpseStaffType == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.LfpseStaffType, "9"), cancellationToken);
        if (!await db.Settings.AnyAsync(s => s.Key == LfpseDrafts.OdsCodeSetting, cancellationToken))
        {
            db.Settings.Add(new Setting { Key = LfpseDrafts.OdsCodeSetting, Value = DemoOdsCode });
            await db.SaveChangesAsync(cancellationToken);
        }

        var safety = db.Reports.AsNoTracking().Where(r => r.Stream == GovernanceStream.PatientSafety || r.PersonAffected == PersonAffected.Patient);
        var chosen = new List<(int Id, Guid Version, ReportKind Kind, string WhatHappened, string? ImmediateAction)>();
        foreach (var kind in new[] { ReportKind.Incident, ReportKind.NearMiss, ReportKind.Concern, ReportKind.GoodPractice, ReportKind.Incident })
        {
            var taken = chosen.Select(c => c.Id).ToList();
            var report = await safety.Where(r => r.Kind == kind && !taken.Contains(r.Id)).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id)
                .Select(r => new { r.Id, r.Version, r.Kind, r.WhatHappened, r.ImmediateAction }).FirstOrDefaultAsync(cancellationToken);
            if (report is not null)
            {
                chosen.Add((report.Id, report.Version, report.Kind, report.WhatHappened, report.ImmediateAction));
            }
        }

        var confirmed = 0;
        foreach (var report in chosen.Take(LfpseEvents))
        {
            try
            {
                await mediator.Send(new ConfirmLfpseEvent.Command
                {
                    ReportId = report.Id,
                    Version = report.Version,
                    ActorAccountId = lead.Id,
                    Description = report.WhatHappened,
                    ImmediateActions = report.ImmediateAction,
                    LevelOfConcern = report.Kind is ReportKind.Incident or ReportKind.NearMiss ? "4" : null,
                    RiskImminent = report.Kind == ReportKind.Concern ? "n" : null,
                    HowFutureOccurrence = report.Kind == ReportKind.GoodPractice ? "Share how the team did it at the next ward meeting." : null,
                }, cancellationToken);
                confirmed++;
            }
            catch (ValidationException)
            {
                // A demo report LFPSE would refuse (a mapping missing) is left for a lead to see why; start-up goes on.
            }
        }

        return confirmed;
    }
}
