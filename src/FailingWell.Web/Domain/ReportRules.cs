using System.Linq.Expressions;

namespace FailingWell.Web.Domain;

/// <summary>
/// The rules about a report's deadlines and urgency, written once. Each rule comes as a plain
/// function (for pages and emails) and as an expression the database runs (for queues, jobs and
/// digests); <c>ReportRulesTests</c> proves the two agree.
/// </summary>
public static class ReportRules
{
    /// <summary>The statuses <see cref="ReportLifecycle"/> lets triage change and close.</summary>
    public static readonly IReadOnlyList<ReportStatus> OpenStatuses = ReportLifecycle.OpenStatuses;

    /// <summary>
    /// <see cref="OpenStatuses"/> for the database, each status named: "not closed" would read the
    /// whole status index, and almost every report is closed.
    /// </summary>
    public static Expression<Func<Report, bool>> Open() =>
        r => r.Status == ReportStatus.New || r.Status == ReportStatus.Acknowledged || r.Status == ReportStatus.UnderReview;

    /// <summary>Consequence x likelihood from this score up is escalated (the NHS 5x5 matrix's "extreme").</summary>
    public const int EscalationRiskScore = 15;

    /// <summary>The 5x5 matrix's bands of consequence x likelihood, once: "extreme" starts where escalation does.</summary>
    public static RiskRating RiskRatingOf(int score) => score switch
    {
        <= 3 => RiskRating.Low,
        <= 6 => RiskRating.Moderate,
        < EscalationRiskScore => RiskRating.High,
        _ => RiskRating.Extreme,
    };

    /// <summary>Not acknowledged, and the day it was due has passed.</summary>
    public static bool IsAcknowledgementOverdue(ReportStatus status, DateOnly acknowledgeBy, DateOnly today) =>
        status == ReportStatus.New && acknowledgeBy < today;

    /// <summary>Still open, the reporter not yet told anything, and the day it was due has passed.</summary>
    public static bool IsFeedbackOverdue(ReportStatus status, DateOnly feedbackBy, DateOnly? feedbackGivenOn, DateOnly today) =>
        status != ReportStatus.Closed && feedbackGivenOn == null && feedbackBy < today;

    public static bool IsOverdue(ReportStatus status, DateOnly acknowledgeBy, DateOnly feedbackBy, DateOnly? feedbackGivenOn, DateOnly today) =>
        IsAcknowledgementOverdue(status, acknowledgeBy, today) || IsFeedbackOverdue(status, feedbackBy, feedbackGivenOn, today);

    public static bool IsOverdue(this Report report, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        return IsOverdue(report.Status, report.AcknowledgeBy, report.FeedbackBy, report.FeedbackGivenOn, today);
    }

    public static Expression<Func<Report, bool>> AcknowledgementOverdue(DateOnly today) =>
        r => r.Status == ReportStatus.New && r.AcknowledgeBy < today;

    /// <summary>The open statuses named, as in <see cref="Open"/>, so the index of reports awaiting feedback is read by status.</summary>
    public static Expression<Func<Report, bool>> FeedbackOverdue(DateOnly today) =>
        r => (r.Status == ReportStatus.New || r.Status == ReportStatus.Acknowledged || r.Status == ReportStatus.UnderReview)
            && r.FeedbackGivenOn == null && r.FeedbackBy < today;

    /// <summary>
    /// Either deadline missed. Each side of the OR matches an index ((Status, AcknowledgeBy) and the
    /// partial (Status, FeedbackBy) of reports awaiting feedback), so the database uses both rather than read every report.
    /// </summary>
    public static Expression<Func<Report, bool>> Overdue(DateOnly today) =>
        r => (r.Status == ReportStatus.New && r.AcknowledgeBy < today)
            || ((r.Status == ReportStatus.New || r.Status == ReportStatus.Acknowledged || r.Status == ReportStatus.UnderReview)
                && r.FeedbackGivenOn == null && r.FeedbackBy < today);

    /// <summary>
    /// The ids of the overdue among <paramref name="reports"/>, as the union of each deadline's ids: each
    /// side is read from its own index alone, where the OR of <see cref="Overdue"/> reads every match's row.
    /// </summary>
    public static IQueryable<int> OverdueIds(IQueryable<Report> reports, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return reports.Where(AcknowledgementOverdue(today)).Select(r => r.Id)
            .Union(reports.Where(FeedbackOverdue(today)).Select(r => r.Id));
    }

    /// <summary>Severe or fatal harm, or an extreme risk: the escalation list is told at once.</summary>
    public static bool NeedsEscalation(PhysicalHarm harm, int? riskScore) =>
        harm >= PhysicalHarm.Severe || riskScore >= EscalationRiskScore;

    public static Expression<Func<Report, bool>> NeedingEscalation() =>
        r => r.PhysicalHarm >= PhysicalHarm.Severe || r.RiskScore >= EscalationRiskScore;
}

/// <summary>How long a governance lead has, in the settings in force (an admin can change them).</summary>
public sealed record ReportDeadlines(int AcknowledgeWithinDays, int FeedbackWithinMonths)
{
    public DateOnly AcknowledgeBy(DateOnly receivedOn) => receivedOn.AddDays(AcknowledgeWithinDays);

    public DateOnly FeedbackBy(DateOnly receivedOn) => receivedOn.AddMonths(FeedbackWithinMonths);

    /// <summary>What a reporter is told to expect: "usually within 7 days".</summary>
    public string AcknowledgementPromise => AcknowledgeWithinDays == 1 ? "usually within a day" : $"usually within {AcknowledgeWithinDays} days";
}

/// <summary>
/// The public reference of a report, FW-2026-K7MQ3D: the year and six characters of Crockford's
/// base 32 (no I, L, O or U; reads aloud without mistakes), drawn at random and checked unique, so a
/// reference says nothing of how many reports came before it or when (docs/decisions/0050).
/// References issued before that decision (FW-2026-000123) stay valid.
/// </summary>
public static class ReportReference
{
    public const string Prefix = "FW-";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Characters = 6;

    /// <summary>How many numbers a year has: 32^6, about a billion.</summary>
    public const int Space = 1 << (5 * Characters);

    /// <summary>A random number of the year's space, from a cryptographic source (so no reference predicts another).</summary>
    public static int DrawNumber() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(Space);

    public static string Format(int year, int number)
    {
        if (number is < 0 or >= Space)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A reference number is six base-32 characters.");
        }

        Span<char> characters = stackalloc char[Characters];
        for (var i = Characters - 1; i >= 0; i--)
        {
            characters[i] = Alphabet[number & 31];
            number >>= 5;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}{year}-{characters}");
    }

    /// <summary>Text a lead typed that is a reference rather than words to search for.</summary>
    public static bool LooksLikeReference(string text) =>
        (text ?? throw new ArgumentNullException(nameof(text))).Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Case and the letters people mistake for digits (I, L, O) do not matter in the random part.</summary>
    public static string Normalise(string text)
    {
        var upper = (text ?? throw new ArgumentNullException(nameof(text))).Trim().ToUpperInvariant();
        var lastDash = upper.LastIndexOf('-');
        return lastDash < 0 ? upper : upper[..(lastDash + 1)] + upper[(lastDash + 1)..].Replace('I', '1').Replace('L', '1').Replace('O', '0');
    }
}
