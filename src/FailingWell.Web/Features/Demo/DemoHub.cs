using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Hub;

namespace FailingWell.Web.Features.Demo;

/// <summary>
/// A demo network's hub (Development, <c>Network:Role=Hub</c>, empty database): a coordinator account, the demo
/// trust and its peers as members, the peers' notes and monthly figures, one peer that shared its insularity
/// signals and has an accepted offer of support. The demo trust's key is fixed and printed, so the demo trust can
/// be pointed at this hub; every other key is random and never shown.
/// </summary>
public sealed class DemoHub(FailingWellDbContext db, IMediator mediator, UkTime time, TimeProvider clock, MemberKeys keys)
{
    public const string CoordinatorEmail = "coordinator@demo.failingwell.nhs.uk";

    /// <summary>Development only: the key the demo trust uses with the demo hub (member 1).</summary>
    public const string DemoTrustKey = "demo-network-key-for-the-demo-trust-only";

    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.HubMembers.AnyAsync(cancellationToken))
        {
            return false;
        }

        var today = time.Today;
        await mediator.Send(new AddAccount.Command
        {
            Email = CoordinatorEmail, DisplayName = "Nia Coordinator", Role = StaffRoles.NetworkCoordinator, Password = DemoTrust.Password,
        }, cancellationToken);
        var issuedOn = clock.GetUtcNow();
        var members = new Dictionary<string, HubMember>(StringComparer.Ordinal)
        {
            [DemoTrust.OrganisationName] = new() { Name = DemoTrust.OrganisationName, OrganisationType = "Acute trust", KeyHash = keys.Protect(DemoTrustKey), IssuedOn = issuedOn },
        };
        foreach (var (name, type, _, _) in DemoTrust.DemoPeers)
        {
            members[name] = new() { Name = name, OrganisationType = type, KeyHash = keys.Protect(NetworkSignature.NewKey()), IssuedOn = issuedOn };
        }

        db.HubMembers.AddRange(members.Values);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var note in DemoTrust.DemoNotes)
        {
            var month = today.AddMonths(-note.Months);
            db.HubNotes.Add(new HubNote
            {
                NoteId = note.NoteId, AuthorMemberId = members[note.Author].Id, Title = note.Title, WhatHappened = note.Happened,
                WhatWasLearned = note.Learned, WhatChanged = note.Changed, Category = note.Category, Kind = note.Kind, HarmBand = note.Harm,
                OrganisationType = "Acute trust", Month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                PublishedOn = new DateOnly(month.Year, month.Month, 20),
            });
            // Which peers found it useful or adopted it: the first ones that are not its author.
            var others = members.Values.Where(m => m.Name != note.Author && m.Name != DemoTrust.OrganisationName).ToList();
            for (var i = 0; i < Math.Min(others.Count, note.Useful); i++)
            {
                db.HubNoteEvents.Add(new HubNoteEvent { MemberId = others[i].Id, NoteId = note.NoteId, Useful = true, Adopted = i < note.Adopted });
            }
        }

        // Thirteen complete months of each peer's figures, a steady rate of its own.
        var random = new Random(2026);
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        foreach (var (name, _, size, rate) in DemoTrust.DemoPeers)
        {
            for (var m = 0; m < 13; m++)
            {
                var bedDays = Math.Round(9000 * size * (0.95 + (random.NextDouble() * 0.1)));
                var reports = (int)Math.Round(bedDays / 1000 * 30 * rate * (0.9 + (random.NextDouble() * 0.2)));
                db.HubAggregates.Add(new HubAggregate
                {
                    MemberId = members[name].Id, Month = last.AddMonths(-m), Reports = reports, BedDays = bedDays,
                    NoOrLowHarm = (int)(reports * 0.8), NearMisses = (int)(reports * 0.12), Anonymous = (int)(reports * 0.25),
                });
            }
        }

        // Eastmoor and Wolds shared its signals (its reporting is the lowest) and accepted a peer review.
        var eastmoor = members["Eastmoor and Wolds NHS Trust"];
        db.HubSignals.Add(new HubSignal { MemberId = eastmoor.Id, Signal = InsularitySignals.FallingReporting, RaisedOn = today.AddDays(-40) });
        db.PeerSupportOffers.Add(new PeerSupportOffer
        {
            MemberId = eastmoor.Id, OfferedOn = today.AddDays(-30), Status = SupportStatus.Accepted, RepliedOn = today.AddDays(-26),
            Offer = "A peer review of incident reporting and feedback to reporters by the patient safety team of Riverside University Hospitals.",
            ReviewStartsOn = today.AddDays(-12), ReviewEndsOn = today.AddDays(-11),
            Findings = "Staff rarely hear back after reporting, and ward managers close reports without a reply. Night staff did not know reports can be anonymous.",
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
