namespace FailingWell.Web.Features.Reporting;

/// <summary>The <c>Reporting</c> configuration section.</summary>
public sealed class ReportingSettings
{
    public const string Section = "Reporting";

    /// <summary>Wrong receipt codes one client may enter in an hour before being asked to wait.</summary>
    public int MaxWrongCodesPerHour { get; set; } = 10;

    /// <summary>
    /// Receipt codes, right or wrong, one client may enter in an hour: a reporter checks back a few
    /// times; a script trying codes or loading the site is stopped.
    /// </summary>
    public int MaxCodeAttemptsPerHour { get; set; } = 30;

    /// <summary>Reports one client may send in an hour: stops a flood, not a busy ward.</summary>
    public int MaxReportsPerHour { get; set; } = 5;
}
