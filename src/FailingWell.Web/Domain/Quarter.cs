using System.Globalization;

namespace FailingWell.Web.Domain;

/// <summary>
/// A financial-year quarter (Q1 is April to June): the National Guardian's Office counts speaking up by
/// quarter, and speak-up cases are too few to chart by month without hiding most points.
/// </summary>
public sealed record Quarter(DateOnly Start)
{
    public DateOnly End => Start.AddMonths(3);

    private int FinancialYear => Start.Month >= 4 ? Start.Year : Start.Year - 1;

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{FinancialYear}-{(FinancialYear + 1) % 100:00} Q{((Start.Month + 8) % 12 / 3) + 1}");

    public string Describe() => $"{Key} ({Start.ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"))} to {End.AddDays(-1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})";

    public static Quarter Of(DateOnly day) => new(new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1));

    public Quarter Previous => new(Start.AddMonths(-3));

    /// <summary>The quarters that touch [from, to), oldest first.</summary>
    public static IReadOnlyList<Quarter> Covering(DateOnly from, DateOnly to)
    {
        var quarters = new List<Quarter>();
        for (var q = Of(from); q.Start < to; q = new Quarter(q.End))
        {
            quarters.Add(q);
        }

        return quarters;
    }
}
