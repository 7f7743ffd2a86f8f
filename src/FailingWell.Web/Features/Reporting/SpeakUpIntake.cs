using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// Where a concern for the Freedom to Speak Up guardian is written: a <see cref="SpeakUpCase"/>, never a
/// report. As with a report, the receipt code's verifier is committed with the case before the code is
/// shown, only the day and time band are kept, and the guardians are told that a case needs attention
/// with a link and no words of it (docs/decisions/0063).
/// </summary>
public sealed class SpeakUpIntake(
    FailingWellDbContext db,
    SubmitReport.ListedChoices listed,
    UkTime time,
    Triage.TriageSettingsSource triageSettings,
    UserManager<StaffAccount> users,
    IEmailOutbox outbox,
    IConfiguration configuration)
{
    public sealed record Raised(int CaseId, string Reference, string? ReceiptCode);

    public async Task<Raised> RaiseAsync(SubmitReport.Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var earlier = await db.SpeakUpCases.AsNoTracking()
                .Where(c => c.SubmissionId == request.SubmissionId)
                .Select(c => new { c.Id, c.Reference })
                .SingleOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                return new Raised(earlier.Id, earlier.Reference, null); // the same form sent twice
            }

            var (receivedOn, receivedBand) = time.DayAndBand();
            var deadlines = (await triageSettings.GetAsync(cancellationToken)).Deadlines;
            var place = await listed.PlaceAsync(request.Where, cancellationToken)
                ?? throw new InvalidOperationException("The validator lets only listed places through.");
            var openness = request.Openness!.Value;
            var named = openness != SpeakUpOpenness.Anonymous;
            var speakUpCase = new SpeakUpCase
            {
                Route = request.Route!.Value,
                WhatIsTheConcern = request.WhatHappened!.Trim(),
                DivisionId = place.DivisionId,
                LocationId = place.LocationId,
                StaffGroupId = request.StaffGroupId,
                Openness = openness,
                ReporterName = named ? request.ReporterName!.Trim() : null,
                ReporterEmail = named && !string.IsNullOrWhiteSpace(request.ReporterEmail) ? request.ReporterEmail.Trim() : null,
                WhyAnonymous = named ? null : request.WhyAnonymous,
                BullyingElement = request.Route == SpeakUpRoute.HowStaffAreTreated,
                WorkerSafetyElement = request.Route == SpeakUpRoute.SafetyAtWork,
                ReceivedOn = receivedOn,
                ReceivedBand = receivedBand,
                AcknowledgeBy = deadlines.AcknowledgeBy(receivedOn),
                FeedbackBy = deadlines.FeedbackBy(receivedOn),
                SubmissionId = request.SubmissionId,
            };

            string code;
            do
            {
                var receipt = ReceiptCodes.Issue();
                code = receipt.Code;
                speakUpCase.ReceiptLocator = receipt.Locator;
                speakUpCase.ReceiptSalt = receipt.Salt;
                speakUpCase.ReceiptHash = receipt.Hash;
                speakUpCase.Reference = SpeakUpReference.Draw(receivedOn.Year);
            }
            while (await LocatorOrReferenceTakenAsync(speakUpCase, cancellationToken));

            db.SpeakUpCases.Add(speakUpCase);
            await NotifyGuardiansAsync();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Raised(speakUpCase.Id, speakUpCase.Reference, code);
        });
    }

    // One receipt scheme for reports and cases: the follow-up page finds either from the locator.
    private async Task<bool> LocatorOrReferenceTakenAsync(SpeakUpCase speakUpCase, CancellationToken cancellationToken) =>
        await db.Reports.AnyAsync(r => r.ReceiptLocator == speakUpCase.ReceiptLocator, cancellationToken)
        || await db.SpeakUpCases.AnyAsync(c => c.ReceiptLocator == speakUpCase.ReceiptLocator || c.Reference == speakUpCase.Reference, cancellationToken);

    /// <summary>No reference and no words, and held to the end of the case's time band like an escalation: its time would date the case.</summary>
    private async Task NotifyGuardiansAsync()
    {
        var site = configuration.SiteBaseUrl();
        foreach (var guardian in await users.GetUsersInRoleAsync(StaffRoles.Guardian))
        {
            if (guardian.IsDisabled || string.IsNullOrWhiteSpace(guardian.Email))
            {
                continue;
            }

            outbox.Enqueue(new EmailMessage(guardian.Email, SpeakUpEmails.CaseNeedsAttention,
                $"A new concern has been raised with the Freedom to Speak Up guardian.\n\nOpen the speak-up cases: {site}/speak-up\n\nThis email holds no details of the case, to keep it confidential.")
            {
                SendAtUtc = time.EndOfBandUtc,
            });
        }
    }
}
