namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// A request on a reporter's anonymous journey (the form, a submission, a follow-up, a reply). No
/// log line is written for it: a line's time would date the act to the second, finer than the time
/// band a report keeps. It is counted instead (<see cref="AnonymousJourneyMetrics"/>), which keeps no times.
/// </summary>
public interface IAnonymousJourney;
