using System.Globalization;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// The targets admins set for measures (for example feedback to 90% of reporters within 3 months),
/// kept as settings <c>Culture:Target:{measure}</c> in invariant numbers; a measure without one has none.
/// </summary>
public static class CultureTargets
{
    public const string Prefix = "Culture:Target:";

    public static async Task<Dictionary<string, double>> ReadAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(Prefix)).ToListAsync(cancellationToken);
        return rows
            .Where(r => double.TryParse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(r => r.Key[Prefix.Length..], r => double.Parse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>What an admin typed, as a target: blank is none; a number may use a comma or a point.</summary>
    public static bool TryRead(string? typed, out double? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var text = typed.Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            target = value;
            return true;
        }

        return false;
    }
}
