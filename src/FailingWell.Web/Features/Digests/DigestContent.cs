using System.Text.Json;

namespace FailingWell.Web.Features.Digests;

/// <summary>
/// What a pack holds. Counts, lead-written titles and learning, references and categories: never
/// what a reporter wrote, never who they are. Breakdown cells of 1 to 4 are suppressed.
/// </summary>
public sealed record DigestContent(
    string StreamName,
    string ScopeName,
    string PeriodName,
    int Total,
    int Previous,
    double MeanOfLast12,
    Breakdown? ByDivision,
    Breakdown ByKind,
    Breakdown ByCategory,
    Breakdown ByPhysicalHarm,
    Breakdown ByPsychologicalHarm,
    IReadOnlyList<Notable> Notable,
    Timeliness Timeliness,
    IReadOnlyList<OwnerActions> Actions,
    IReadOnlyList<LearningItem> Learning,
    GoodPractice? GoodPractice,
    RiskSection? Risk,
    LearningResponsesSection? LearningResponses = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DigestContent FromJson(string json) => JsonSerializer.Deserialize<DigestContent>(json, Json)
        ?? throw new InvalidOperationException("An empty digest.");
}

/// <summary>A table of counts. A null count is suppressed: fewer than 5, or hidden so one cannot be worked out.</summary>
public sealed record Breakdown(string Title, IReadOnlyList<Cell> Cells)
{
    public static Breakdown Of(string title, IEnumerable<(string Label, int Count)> counts)
    {
        var cells = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var hidden = cells.Select(c => SmallNumbers.IsHidden(c.Count)).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            // One hidden cell could be worked out from the total and the others: hide the next smallest
            // too, or, if there is none, every cell.
            var next = cells.Select((c, i) => (c.Count, i)).Where(x => !hidden[x.i]).OrderBy(x => x.Count).Select(x => x.i).DefaultIfEmpty(-1).First();
            if (next >= 0)
            {
                hidden[next] = true;
            }
        }

        return new Breakdown(title, [.. cells.Select((c, i) => new Cell(c.Label, hidden[i] ? null : c.Count))]);
    }
}

public sealed record Cell(string Label, int? Count);

public sealed record Notable(string Reference, string Category, string? Title, string Why);

public sealed record Timeliness(int AcknowledgementsDue, int AcknowledgedOnTime, int AcknowledgementsOverdue, int FeedbackDue, int FeedbackOnTime, int FeedbackOverdue)
{
    public static string Share(int part, int whole) => SmallNumbers.Share(part, whole);
}

public sealed record OwnerActions(string Owner, int Open, int Overdue);

public sealed record LearningItem(string Reference, string Learning);

public sealed record GoodPractice(int Count, IReadOnlyList<Notable> Items);

/// <summary>
/// PSIRF learning in the patient safety pack (the organisation's): counts and lead-written titles only,
/// never findings, never anything of the just culture guide.
/// </summary>
public sealed record LearningResponsesSection(int Completed, IReadOnlyList<string> CompletedTitles, int ActionsDue, IReadOnlyList<string> DueTitles,
    int ActionsOverdue, IReadOnlyList<string> OverdueTitles);

public sealed record RiskSection(Breakdown ByRating, Breakdown Concerns);
