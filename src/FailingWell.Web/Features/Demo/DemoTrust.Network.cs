using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Demo;

/// <summary>
/// The demo trust's learning network: its own published months beside four made-up peers of other sizes and
/// reporting cultures, and a small community trust with a month too small to publish ("not enough data"), as a
/// pull from a hub would store them; and one offer of peer support waiting for an answer. Deterministic.
/// </summary>
public sealed partial class DemoTrust
{
    public const string OrganisationName = "Demo Trust";

    /// <summary>The demo network's learning notes, written for sharing; the hub's demo holds the same ones (same ids).</summary>
    public static readonly IReadOnlyList<DemoNote> DemoNotes =
    [
        new("Riverside University Hospitals", "Call bells out of reach after bed making",
            "Several patients on medical wards were found without a call bell in reach after their beds were made, and one fell trying to get up alone.",
            "Bed making was a housekeeping task, and checking the call bell was nobody's step in it.",
            "The call bell check is now the last step of bed making, on the bedside safety card, and nurses ask about it at every intentional rounding.",
            "Falls", ReportKind.Incident, PhysicalHarm.Moderate, 2, 4, 2),
        new("Southgate General Hospital", "Look-alike insulin pens on the same shelf",
            "Two strengths of insulin pen in near-identical packs were stored side by side; a nurse picked the wrong one and a second check caught it.",
            "Storage by alphabet put look-alike products together; the second check worked because it was done against the chart, not the pack.",
            "Pharmacy now stores high-strength insulin apart in a red bin, and the ward checklist names it.",
            "Medication", ReportKind.NearMiss, PhysicalHarm.None, 3, 5, 3),
        new("Northfield Hospitals NHS Trust", "Night staff did not know how to report",
            "Night and weekend staff reported far less than day staff, and said in listening events they did not know the form could be anonymous.",
            "Training and posters reached day shifts only; nights heard about reporting from whoever was on with them.",
            "QR posters at every staff room, a reporting slot in the night induction, and monthly feedback read out at the night huddle.",
            "Staffing", ReportKind.Concern, PhysicalHarm.None, 4, 3, 1),
        new("Eastmoor and Wolds NHS Trust", "Pressure ulcers when mattresses were swapped in a hurry",
            "Patients moved to standard mattresses while dynamic ones were cleaned developed heel damage within two days.",
            "Nobody owned getting the dynamic mattress back, and the skin check was not repeated after the swap.",
            "The equipment library now returns a cleaned mattress within four hours, and a swap triggers a skin check on the next round.",
            "Pressure ulcers", ReportKind.Incident, PhysicalHarm.Low, 5, 2, 1),
        new(OrganisationName, "Telling reporters what changed",
            "Staff said they stopped reporting because they never heard back; most reports closed without the reporter being told anything.",
            "A reply takes minutes when it is part of closing a report, and hours when it is left for later.",
            "Closing a report now asks for a short message to the reporter, and the monthly digest counts reports closed with feedback.",
            "Other", ReportKind.GoodPractice, PhysicalHarm.None, 1, 3, 2),
    ];

    public static readonly IReadOnlyList<(string Name, string Type, double Size, double Rate)> DemoPeers =
    [
        ("Northfield Hospitals NHS Trust", "Acute trust", 0.6, 1.25),
        ("Riverside University Hospitals", "Acute trust", 1.4, 1.05),
        ("Eastmoor and Wolds NHS Trust", "Acute trust", 0.9, 0.7),
        ("Southgate General Hospital", "Acute trust", 1.8, 0.95),
    ];

    private async Task AddNetworkAsync(DateOnly today, string lead, string admin, CancellationToken cancellationToken)
    {
        var random = new Random(2021);
        var own = await mediator.Send(new MonthlyAggregates.Query(), cancellationToken);
        var organisations = new List<PeerOrganisation> { new("Demo Trust (you)", "Acute trust", true, own.Months) };
        foreach (var (name, type, size, rate) in DemoPeers)
        {
            organisations.Add(new(name, type, false, [.. own.Months.Select(m =>
            {
                var bedDays = Math.Round((m.BedDays ?? 9000) * size * (0.95 + (random.NextDouble() * 0.1)));
                var reports = (int)Math.Round(bedDays / 1000 * ((m.Reports ?? 300) / (m.BedDays ?? 9000) * 1000) * rate * (0.9 + (random.NextDouble() * 0.2)));
                return MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(PeerMessageKinds.ParseMonth(m.Month)!.Value, reports, (int)bedDays,
                    (int)(reports * 0.8), (int)(reports * 0.12), (int)(reports * 0.25)));
            })]));
        }

        organisations.Add(new("Little Haven Community Trust", "Community trust", false, [.. own.Months.Select((m, i) =>
            MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(PeerMessageKinds.ParseMonth(m.Month)!.Value, i == 5 ? 3 : 12 + random.Next(6), 400, 10, 0, 2)))]));
        await mediator.Send(new StorePeerAggregates.Command(organisations), cancellationToken);
        await mediator.Send(new StoreSupportOffers.Command([new(1, today.AddDays(-9),
            "A two-day peer review of incident reporting and feedback to reporters by the patient safety team of Riverside University Hospitals, who turned their own reporting around in 2024.",
            "Offered", null, null, null, null)]), cancellationToken);
        AddLibrary(today, lead, admin);
        // Its figures wait in the outbox for a hub: pointed at the demo hub, the demo trust publishes them at once.
        NetworkOutbox.Enqueue(db, PeerMessageKinds.Aggregates, own);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The library as a pull would leave it: peers' notes written for sharing (general terms, no names, dates or
    /// wards), with how often other members found them useful and adopted them, and one of the demo trust's own.
    /// </summary>
    private void AddLibrary(DateOnly today, string lead, string admin)
    {
        var sequence = 0L;
        foreach (var n in DemoNotes)
        {
            var month = today.AddMonths(-n.Months);
            var own = n.Author == OrganisationName;
            var noteId = n.NoteId;
            db.NetworkNotes.Add(new NetworkNote
            {
                NoteId = noteId, Sequence = ++sequence, AuthorName = n.Author, AuthorType = "Acute trust", IsOwn = own,
                Title = n.Title, WhatHappened = n.Happened, WhatWasLearned = n.Learned, WhatChanged = n.Changed, Category = n.Category,
                Kind = n.Kind, HarmBand = n.Harm, OrganisationType = "Acute trust", Month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                PublishedOn = new DateOnly(month.Year, month.Month, 20), UsefulCount = n.Useful, AdoptedCount = n.Adopted,
                MarkedUseful = !own && n.Category == "Medication", LastReadOn = own ? null : today.AddDays(-(int)sequence * 3),
            });
            if (own)
            {
                db.LearningNotes.Add(new LearningNote
                {
                    NoteId = noteId, Title = n.Title, WhatHappened = n.Happened, WhatWasLearned = n.Learned, WhatChanged = n.Changed,
                    Category = n.Category, Kind = n.Kind, HarmBand = n.Harm, OrganisationType = "Acute trust",
                    Month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Status = LearningNoteStatus.Published,
                    DraftedByAccountId = lead, ApprovedByAccountId = admin, PublishedOn = new DateOnly(month.Year, month.Month, 20),
                });
            }
        }
    }
}

/// <summary>One of the demo network's learning notes; its id is fixed, so the demo trust and the demo hub agree.</summary>
public sealed record DemoNote(string Author, string Title, string Happened, string Learned, string Changed, string Category,
    ReportKind Kind, PhysicalHarm Harm, int Months, int Useful, int Adopted)
{
    public Guid NoteId { get; } = new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Title))[..16]);
}
