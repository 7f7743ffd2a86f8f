namespace FailingWell.Web.Domain.Network;

/// <summary>
/// One organisation's suppressed figures for one month, as a member sends them: null is a suppressed cell (1 to 4,
/// or one that would give one away). The hub holds them by member (<see cref="HubAggregate"/>) and a member holds
/// every organisation's as pulled from the hub (<see cref="PeerAggregate"/>), each in its own table.
/// </summary>
public abstract class MonthlyFigures
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int? Reports { get; set; }

    public double? BedDays { get; set; }

    public int? NoOrLowHarm { get; set; }

    public int? NearMisses { get; set; }

    public int? Anonymous { get; set; }
}
