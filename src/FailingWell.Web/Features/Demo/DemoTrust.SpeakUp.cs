namespace FailingWell.Web.Features.Demo;

/// <summary>
/// The demo trust's Freedom to Speak Up cases: about 60 over two years, in the national proportions
/// (about 10% anonymous; elements about 30% attitudes and behaviours, 27% worker safety, 22% bullying,
/// 19% patient safety; about 4% detriment). Deterministic, like the rest of the trust.
/// </summary>
public sealed partial class DemoTrust
{
    public const int SpeakUpCases = 60;

    private static readonly (string Text, SpeakUpRoute Route)[] Concerns =
    [
        ("The ward manager speaks to the healthcare assistants with contempt in front of patients.", SpeakUpRoute.HowStaffAreTreated),
        ("I am sent to lift patients alone on nights because there is nobody to help.", SpeakUpRoute.SafetyAtWork),
        ("A senior colleague keeps making comments about my accent.", SpeakUpRoute.HowStaffAreTreated),
        ("Staff are told not to report falls on our ward because it looks bad.", SpeakUpRoute.ChoseTheGuardian),
        ("I have worked twelve-hour shifts without a break for three weeks.", SpeakUpRoute.SafetyAtWork),
        ("The rota is given to favourites first and the rest of us get the nights.", SpeakUpRoute.HowStaffAreTreated),
        ("A consultant shouted at a student nurse until she cried.", SpeakUpRoute.HowStaffAreTreated),
        ("The cleaners were told to skip the isolation rooms to save time.", SpeakUpRoute.ChoseTheGuardian),
    ];

    private async Task AddSpeakUpCasesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(20140601);
        var groups = await db.StaffGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(cancellationToken);
        var guardian = Accounts.Single(a => a.Role == StaffRoles.Guardian).Name;
        for (var i = 0; i < SpeakUpCases; i++)
        {
            var received = today.AddDays(-random.Next(1, 730));
            var (text, route) = Concerns[random.Next(Concerns.Length)];
            var openness = random.NextDouble() switch { < 0.10 => SpeakUpOpenness.Anonymous, < 0.65 => SpeakUpOpenness.Confidential, _ => SpeakUpOpenness.Open };
            var element = random.NextDouble();
            var age = today.DayNumber - received.DayNumber;
            var closed = age > 45 + random.Next(0, 60);
            var speakUpCase = new SpeakUpCase
            {
                Reference = SpeakUpReference.Prefix + ReportReference.Format(received.Year, random.Next(ReportReference.Space))[ReportReference.Prefix.Length..],
                Route = route,
                WhatIsTheConcern = text,
                Openness = openness,
                ReporterName = openness == SpeakUpOpenness.Anonymous ? null : $"Demo colleague {i + 1}",
                WhyAnonymous = openness == SpeakUpOpenness.Anonymous ? (WhyAnonymous)random.Next(1, 4) : null,
                ReceivedOn = received,
                ReceivedBand = (TimeBand)random.Next(1, 5),
                AcknowledgeBy = Deadlines.AcknowledgeBy(received),
                FeedbackBy = Deadlines.FeedbackBy(received),
                // Each case's main element in the national proportions, and a second one now and then.
                BehaviourElement = element < 0.30 || random.NextDouble() < 0.08,
                WorkerSafetyElement = element is >= 0.30 and < 0.57,
                BullyingElement = element is >= 0.57 and < 0.79,
                PatientSafetyElement = element >= 0.79,
                StaffGroupId = groups[random.Next(groups.Count)],
                DetrimentIndicated = random.NextDouble() < 0.04,
                SubmissionId = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), [.. Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256))]),
                // "U" is not in the receipt alphabet: no code anyone types can open a demo case.
                ReceiptLocator = "U" + string.Concat(Enumerable.Range(0, 7).Select(_ => "0123456789ABCDEF"[random.Next(16)])),
                ReceiptSalt = new byte[16],
                ReceiptHash = new byte[32],
            };
            if (age > 3)
            {
                speakUpCase.Status = SpeakUpStatus.Acknowledged;
                speakUpCase.AcknowledgedOn = received.AddDays(random.Next(1, 6));
                speakUpCase.Messages.Add(new SpeakUpMessage
                {
                    Author = MessageAuthor.Reviewer, StaffName = guardian, Body = "Thank you for speaking up. I would like to understand more: when would suit you to talk?",
                    SentOn = speakUpCase.AcknowledgedOn.Value, SentBand = TimeBand.Morning, SubmissionId = Guid.NewGuid(),
                });
                speakUpCase.FeedbackGivenOn = speakUpCase.AcknowledgedOn;
            }

            if (closed)
            {
                speakUpCase.Status = SpeakUpStatus.Closed;
                speakUpCase.ClosedOn = received.AddDays(30 + random.Next(0, 15));
                speakUpCase.ActionsTaken = "Met the person who spoke up; raised with the service lead; followed up after a month.";
                speakUpCase.Feedback = "The service lead has met the team, and the behaviour you described has been addressed. Thank you for speaking up.";
                speakUpCase.WouldSpeakUpAgain = random.NextDouble() switch { < 0.15 => null, < 0.80 => SpeakUpAnswer.Yes, < 0.90 => SpeakUpAnswer.NotSure, _ => SpeakUpAnswer.No };
                if (speakUpCase.ClosedOn.Value.AddMonths(3) <= today && random.NextDouble() < 0.6)
                {
                    speakUpCase.DetrimentAtCheckIn = speakUpCase.DetrimentIndicated ? SpeakUpAnswer.Yes : SpeakUpAnswer.No;
                }
            }

            db.SpeakUpCases.Add(speakUpCase);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Why anonymous reporters stayed anonymous: fear ("it could be used against me") gives way to
        // "I do not want colleagues to know" after the turnaround begins, as the culture improves.
        var turn = new DateOnly(today.Year, today.Month, 1).AddMonths(SpecialMeasuresMonth + 6 - Months);
        await db.Reports.Where(r => r.IsAnonymous && r.Id % 3 == 0)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.WhyAnonymous, r => r.ReceivedOn < turn ? (r.Id % 4 == 0 ? WhyAnonymous.ColleaguesKnow : WhyAnonymous.UsedAgainstMe) : (r.Id % 4 == 0 ? WhyAnonymous.UsedAgainstMe : WhyAnonymous.ColleaguesKnow)), cancellationToken);
    }
}
