namespace FailingWell.Web.Domain.Network;

/// <summary>How many learning notes this organisation read, shared and adopted in the last six months.</summary>
public sealed record LearningExchanged(int Read, int Shared, int Adopted);

/// <summary>One raised signal in plain words, with what to do about it.</summary>
public sealed record InsularitySignal(string Name, string Title, string Meaning, string WhatToDo);

/// <summary>
/// Signs that an organisation is turning inward (issue 21: failing organisations are insular), each from its
/// own data: reporting falling (special cause concern on its reporting rate), more reports made anonymously
/// (special cause concern on the anonymous share), and no learning read, shared or adopted for six months.
/// The statistical reading is done by the caller (Making Data Count's rules); this decides the signals and
/// their words, once.
/// </summary>
public static class InsularitySignals
{
    public const string FallingReporting = "falling-reporting";
    public const string RisingAnonymousShare = "rising-anonymous-share";
    public const string NoLearningExchanged = "no-learning-exchanged";

    public const int LearningMonths = 6;

    /// <summary>How many of the latest points a special cause must touch to count as "now".</summary>
    public const int LatestPoints = 3;

    public static readonly IReadOnlyList<string> All = [FallingReporting, RisingAnonymousShare, NoLearningExchanged];

    /// <param name="reportingConcern">The monthly reporting rate (or count) shows special cause concern in its latest points.</param>
    /// <param name="anonymousShareConcern">The anonymous share shows special cause concern (higher) in its latest points.</param>
    /// <param name="learning">The last six months' notes read, shared and adopted; null while not known.</param>
    public static IReadOnlyList<string> Raise(bool reportingConcern, bool anonymousShareConcern, LearningExchanged? learning)
    {
        var raised = new List<string>();
        if (reportingConcern)
        {
            raised.Add(FallingReporting);
        }

        if (anonymousShareConcern)
        {
            raised.Add(RisingAnonymousShare);
        }

        if (learning is { Read: 0, Shared: 0, Adopted: 0 })
        {
            raised.Add(NoLearningExchanged);
        }

        return raised;
    }

    /// <summary>The words for a signal; an unknown name (from a newer member) is described as it is.</summary>
    public static InsularitySignal Describe(string name) => name switch
    {
        FallingReporting => new(name, "Reporting is falling",
            "The monthly reporting rate has dropped by more than ordinary variation explains (special cause concern). Falling reporting usually means staff stopped speaking up, not that care got safer.",
            "Ask teams why they report less: visit wards, check that reporters hear back, and look at what changed when the fall began."),
        RisingAnonymousShare => new(name, "More reports are anonymous",
            "The share of reports made without a name has risen beyond ordinary variation. Staff may fear blame.",
            "Read the reasons anonymous reporters give, talk with the Freedom to Speak Up guardian, and show publicly how reports led to learning, not blame."),
        NoLearningExchanged => new(name, "No learning exchanged for six months",
            "Nobody here has read, shared or adopted a learning note from the network in the last six months.",
            "Ask leads to read the network library at triage, and share one piece of learning from a recent review."),
        _ => new(name, name, "A signal this site does not know.", "Ask the network's coordinator."),
    };
}
