namespace FailingWell.Web.Domain;

/// <summary>
/// The one place that says a harm or risk level in plain words, so the form, the queue, the report
/// page, the digests and the charts never disagree ("No harm", never "None harm").
/// </summary>
public static class HarmLabels
{
    public static string Label(this PhysicalHarm harm) => harm switch
    {
        PhysicalHarm.None => "No harm",
        PhysicalHarm.Low => "Low harm",
        PhysicalHarm.Moderate => "Moderate harm",
        PhysicalHarm.Severe => "Severe harm",
        PhysicalHarm.Fatal => "Death",
        _ => throw new ArgumentOutOfRangeException(nameof(harm), harm, null),
    };

    public static string Label(this PsychologicalHarm harm) => harm switch
    {
        PsychologicalHarm.None => "No psychological harm",
        PsychologicalHarm.Low => "Low psychological harm",
        PsychologicalHarm.Moderate => "Moderate psychological harm",
        PsychologicalHarm.Severe => "Severe psychological harm",
        _ => throw new ArgumentOutOfRangeException(nameof(harm), harm, null),
    };

    /// <summary>For a filter of "this level or worse": "Severe harm or death", "Death".</summary>
    public static string AtLeastLabel(this PhysicalHarm harm) => harm switch
    {
        PhysicalHarm.None => "Any harm level",
        PhysicalHarm.Low => "Low harm or worse",
        PhysicalHarm.Moderate => "Moderate harm or worse",
        PhysicalHarm.Severe => "Severe harm or death",
        PhysicalHarm.Fatal => "Death",
        _ => throw new ArgumentOutOfRangeException(nameof(harm), harm, null),
    };

    public static string Label(this RiskRating risk) => risk switch
    {
        RiskRating.Low => "Low risk",
        RiskRating.Moderate => "Moderate risk",
        RiskRating.High => "High risk",
        RiskRating.Extreme => "Extreme risk",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, null),
    };
}
