namespace FailingWell.Web.Features.Reporting;

/// <summary>The <c>Reporting</c> configuration section.</summary>
public sealed class ReportingSettings
{
    public const string Section = "Reporting";

    /// <summary>Wrong receipt codes one client may enter in an hour before being asked to wait.</summary>
    public int MaxWrongCodesPerHour { get; set; } = 10;

    /// <summary>Reports one client may send in an hour: stops a flood, not a busy ward.</summary>
    public int MaxReportsPerHour { get; set; } = 5;

    /// <summary>
    /// Receipt codes that may wait in memory for their slow hash (see <see cref="PendingReceipts"/>):
    /// at eight hashes a second on two cores, 20,000 is about 40 minutes of catching up, far beyond any real burst.
    /// </summary>
    public int MaxPendingReceiptCodes { get; set; } = 20_000;
}
