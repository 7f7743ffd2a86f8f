using System.Diagnostics;

namespace FailingWell.Web.Infrastructure.Telemetry;

/// <summary>
/// What of a request says it belongs to a reporter's anonymous journey, for telemetry: its path (the
/// home page, the report form and everything under <c>/report</c>, static files), or a mark left on its
/// trace by the mediator when an <see cref="Mediation.IAnonymousJourney"/> request runs. Either one
/// keeps the request, and everything under it, out of every trace and per-request metric (decision 0108).
/// </summary>
public static class AnonymousRequests
{
    /// <summary>The custom property an anonymous request's activities carry, read by <see cref="AnonymousSpanProcessor"/>.</summary>
    public const string Mark = "failingwell.anonymous";

    private static readonly string[] StaticFolders = ["/css", "/js", "/assets", "/lib", "/images", "/fonts"];

    public static bool IsAnonymousPath(PathString path)
    {
        var value = path.Value ?? "";
        if (value is "" or "/")
        {
            return true;
        }

        if (value.Equals("/report", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("/report/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Static files: fetched by the same browser around a submission, so they date it as well as the
        // form does. A page route never has a dot in its last segment.
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        return lastSegment.Contains('.', StringComparison.Ordinal)
            || StaticFolders.Any(folder => value.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Marks the current trace as anonymous and stops it being recorded: the request's activity and
    /// every ancestor in this process lose the "recorded" flag, so no exporter sends them, and what
    /// starts beneath them is neither sampled (parent-based) nor kept (<see cref="AnonymousSpanProcessor"/>).
    /// </summary>
    public static void MarkCurrentTrace()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            Unrecord(activity);
        }
    }

    /// <summary>Whether this activity or one of its ancestors is marked anonymous.</summary>
    public static bool IsMarked(Activity? activity)
    {
        for (; activity is not null; activity = activity.Parent)
        {
            if (activity.GetCustomProperty(Mark) is true)
            {
                return true;
            }
        }

        return false;
    }

    internal static void Unrecord(Activity activity)
    {
        activity.SetCustomProperty(Mark, true);
        activity.IsAllDataRequested = false;
        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
