using System.Globalization;

namespace FailingWell.Web.Domain;

/// <summary>
/// Small numbers identify people: a count of 1 to 4 is never shown, in a table, a headline, a share
/// or an email, and nor is anything it could be worked out from (DESIGN.md). Written once, used by
/// digests, their list and emails, and the culture pages.
/// </summary>
public static class SmallNumbers
{
    public const int SmallestShown = 5;

    public const string Hidden = "fewer than 5";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsHidden(int count) => count is > 0 and < SmallestShown;

    /// <summary>A count as it may be shown: the number, or "fewer than 5".</summary>
    public static string Show(int count) => IsHidden(count) ? Hidden : count.ToString("N0", English);

    /// <summary>A mean of counts: under 5 it describes small groups too.</summary>
    public static string Show(double mean) => mean is > 0 and < SmallestShown ? Hidden : mean.ToString("N1", English);

    /// <summary>
    /// A share of a whole: hidden when the part, the whole or the rest is small, since any of them
    /// would give the others away.
    /// </summary>
    public static string Share(int part, int whole, string whenNone = "none due") =>
        whole == 0 ? whenNone
        : IsHidden(part) || IsHidden(whole) || IsHidden(whole - part) ? "not shown (small numbers)"
        : (100.0 * part / whole).ToString("0", English) + "%";

    /// <summary>A change between two counts: hidden when either is, since it would give that one away.</summary>
    public static string Change(int now, int before) =>
        IsHidden(now) || IsHidden(before) ? "not shown (small numbers)" : (now - before).ToString("+#,0;-#,0;0", English);

    /// <summary>
    /// Which cells of a breakdown that adds up to a shown total must be hidden: each of 1 to 4, and,
    /// when exactly one is hidden (so the total and the others would give it away), the next smallest
    /// non-zero cell too.
    /// </summary>
    public static bool[] HiddenCells(IReadOnlyList<int> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var hidden = cells.Select(IsHidden).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var next = cells.Select((count, i) => (count, i)).Where(x => !hidden[x.i] && x.count > 0).OrderBy(x => x.count).Select(x => x.i).DefaultIfEmpty(-1).First();
            if (next >= 0)
            {
                hidden[next] = true;
            }
        }

        return hidden;
    }
}
