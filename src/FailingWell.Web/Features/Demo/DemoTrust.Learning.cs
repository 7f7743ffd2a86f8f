namespace FailingWell.Web.Features.Demo;

/// <summary>
/// The demo trust's year of PSIRF learning: AARs and SWARM huddles on falls and medication incidents, a few
/// MDT reviews, two thematic reviews, one PSII after a death; safety actions with measures, some overdue;
/// engagement with patients, families and staff. Deterministic (its own seeded random).
/// </summary>
public sealed partial class DemoTrust
{
    private async Task AddLearningAsync(string leadId, string leadName, DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2022);
        var from = today.AddMonths(-12);
        var plan = await db.ResponsePlanVersions.OrderBy(v => v.Number).FirstAsync(cancellationToken);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var candidates = await db.Reports.AsNoTracking().Where(r => r.ReceivedOn >= from && r.Kind == ReportKind.Incident && r.PhysicalHarm >= PhysicalHarm.Moderate)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.ReceivedOn, r.CategoryId, r.DivisionId, r.LocationId, r.PhysicalHarm }).ToListAsync(cancellationToken);
        var falls = candidates.Where(c => c.CategoryId == categories["Falls"]).ToList();
        var medication = candidates.Where(c => c.CategoryId == categories["Medication"]).ToList();
        var others = candidates.Except(falls).Except(medication).ToList();

        LearningResponse Response(LearningResponseType type, string title, DateOnly createdOn, LearningResponseType? proposed, string why, IEnumerable<int> reportIds)
        {
            var age = today.DayNumber - createdOn.DayNumber;
            var completed = age > (type == LearningResponseType.Psii ? 120 : type is LearningResponseType.SwarmHuddle ? 7 : 45);
            var r = new LearningResponse
            {
                Type = type, Title = title, CreatedOn = createdOn, LeadAccountId = leadId, LeadName = leadName, PlanVersionId = plan.Id,
                ProposedType = proposed, ProposalWhy = why, OverrideReason = proposed is { } p && p != type ? "The team involved met the same week: a quicker response fitted" : null,
                Status = completed ? LearningResponseStatus.Completed : age > 10 ? LearningResponseStatus.InProgress : LearningResponseStatus.Planned,
                Participants = string.Join("; ", LearningWords.ParticipantRoles.Where((_, i) => i % 4 == random.Next(4)).Take(4)),
                SeipsPerson = "Staff new to the ward on a night shift", SeipsTasks = "Several tasks at once, with interruptions",
                SeipsTools = "Equipment not where it was expected", SeipsOrganisation = "Staffing below the planned level",
                SeipsInternalEnvironment = "Busy bay, poor lighting at night", SeipsExternalEnvironment = "Winter pressures across the system",
                Reports = [.. reportIds.Distinct().Select(id => new LearningResponseReport { ReportId = id })],
            };
            if (type == LearningResponseType.AfterActionReview)
            {
                (r.AarExpected, r.AarActual, r.AarWhyDifferent, r.AarLearned) = ("The patient would be helped and checked hourly", "The patient was alone for longer than planned",
                    "Two staff were called away at the same time", "Cover the bay when called away; check bells on every round");
            }

            if (type == LearningResponseType.Psii)
            {
                r.TermsOfReference = "The care in the 72 hours before, the escalation of the deterioration, and how the family is involved";
                r.NationalTrigger = NationalTrigger.DeathDueToProblemsInCare;
            }

            if (completed)
            {
                r.CompletedOn = createdOn.AddDays(type == LearningResponseType.SwarmHuddle ? 1 : random.Next(20, 60));
                r.Findings = "The system made the slip likely: the work, not the person, needs to change.";
                if (random.Next(3) > 0)
                {
                    r.ReporterSummary = "Thank you for reporting this. We looked at how the work is done and have changed it so it is less likely to happen again.";
                    r.SharedOn = r.CompletedOn;
                }
            }

            db.LearningResponses.Add(r);
            return r;
        }

        var responses = new List<(LearningResponse Response, int CategoryId, int? DivisionId)>();
        foreach (var fall in falls.Take(12))
        {
            var r = Response(LearningResponseType.AfterActionReview, $"Fall with {fall.PhysicalHarm.Label().ToLowerInvariant()}", fall.ReceivedOn.AddDays(3),
                LearningResponseType.AfterActionReview, "Local priority: Falls, moderate harm or worse → After action review", [fall.Id]);
            responses.Add((r, fall.CategoryId, fall.DivisionId));
        }

        foreach (var dose in medication.Take(5))
        {
            responses.Add((Response(LearningResponseType.AfterActionReview, "Medication error", dose.ReceivedOn.AddDays(2),
                LearningResponseType.AfterActionReview, "Local priority: Medication, moderate harm or worse → After action review", [dose.Id]), dose.CategoryId, dose.DivisionId));
        }

        foreach (var other in others.Take(8))
        {
            responses.Add((Response(LearningResponseType.SwarmHuddle, "Huddle after an incident", other.ReceivedOn.AddDays(1), null, "The plan asks for no particular response", [other.Id]),
                other.CategoryId, other.DivisionId));
        }

        foreach (var other in others.Skip(8).Take(3))
        {
            responses.Add((Response(LearningResponseType.MdtReview, "Care across several teams", other.ReceivedOn.AddDays(5), null, "The plan asks for no particular response", [other.Id]),
                other.CategoryId, other.DivisionId));
        }

        responses.Add((Response(LearningResponseType.ThematicReview, "Falls at night", today.AddMonths(-5), null, "Reports chosen by the category Falls",
            falls.Skip(12).Take(6).Select(f => f.Id).DefaultIfEmpty(falls.FirstOrDefault()?.Id ?? 0).Where(id => id != 0)), categories["Falls"], null));
        responses.Add((Response(LearningResponseType.ThematicReview, "Insulin and anticoagulant doses", today.AddMonths(-2), null, "Reports chosen by the words \"insulin\"",
            medication.Skip(5).Take(5).Select(m => m.Id)), categories["Medication"], null));
        if (candidates.OrderByDescending(c => c.PhysicalHarm).ThenBy(c => c.Id).FirstOrDefault(c => c.PhysicalHarm >= PhysicalHarm.Severe) is { } death)
        {
            responses.Add((Response(LearningResponseType.Psii, "Death after a missed deterioration", death.ReceivedOn.AddDays(2), LearningResponseType.Psii,
                "National trigger: Death thought more likely than not due to problems in care", [death.Id]), death.CategoryId, death.DivisionId));
        }

        await db.SaveChangesAsync(cancellationToken);

        var descriptions = new[] { "Free-hanging call bell cords in every bathroom", "Hourly rounding on the night shift", "Second checker for insulin doses",
            "Falls risk assessment within 6 hours of admission", "Night lights in bays", "Handover sheet includes mobility" };
        foreach (var (response, categoryId, divisionId) in responses.Where(r => r.Response.Type != LearningResponseType.SwarmHuddle))
        {
            var starts = response.CreatedOn.AddDays(7);
            if (starts >= today)
            {
                continue;
            }

            var due = starts.AddDays(random.Next(30, 120));
            db.SafetyActions.Add(new SafetyAction
            {
                LearningResponseId = response.Id, Description = descriptions[random.Next(descriptions.Length)], OwnerAccountId = leadId, OwnerName = leadName,
                StartsOn = starts, DueOn = due, CompletedOn = due < today && random.Next(3) > 0 ? due.AddDays(-random.Next(0, 10)) : null,
                MeasureCategoryId = categoryId, MeasureDivisionId = divisionId, ExpectedDirection = ExpectedDirection.Fall,
            });
            if (response.Type is LearningResponseType.Psii or LearningResponseType.MdtReview or LearningResponseType.AfterActionReview && random.Next(2) == 0)
            {
                var offered = response.CreatedOn.AddDays(2);
                db.Engagements.Add(new Engagement
                {
                    LearningResponseId = response.Id, Person = response.Type == LearningResponseType.Psii ? EngagedPerson.Family : (EngagedPerson)random.Next(1, 4),
                    Role = response.Type == LearningResponseType.Psii ? "Daughter" : null, OfferedOn = offered, AcceptedOn = offered.AddDays(1),
                    MetOn = offered.AddDays(7) < today ? offered.AddDays(7) : null, FindingsSharedOn = response.CompletedOn,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
