using System.Diagnostics;
using OpenTelemetry;

namespace FailingWell.Web.Infrastructure.Telemetry;

/// <summary>
/// Runs before the exporter: an activity under a request marked anonymous (by its path or by the
/// mediator) is unrecorded when it starts and again when it ends, so the exporter, which sends
/// recorded activities only, drops it. This holds whatever sampler an operator configures (an
/// <c>always_on</c> sampler would otherwise keep the children of an unrecorded request).
/// </summary>
public sealed class AnonymousSpanProcessor(IHttpContextAccessor http) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data) => Guard(data);

    public override void OnEnd(Activity data) => Guard(data);

    private void Guard(Activity data)
    {
        if (AnonymousRequests.IsMarked(data) || http.HttpContext?.Items.ContainsKey(AnonymousRequests.Mark) == true)
        {
            AnonymousRequests.Unrecord(data);
        }
    }
}
