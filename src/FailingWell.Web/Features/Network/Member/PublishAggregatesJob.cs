using Quartz;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>On the 2nd of each month at 02:00 UK time a member publishes its figures (see <see cref="PublishAggregates"/>).</summary>
[DisallowConcurrentExecution]
public sealed class PublishAggregatesJob(IMediator mediator, Microsoft.Extensions.Options.IOptions<NetworkSettings> options) : IJob
{
    public static readonly JobKey Key = new("publish-aggregates", "network");

    /// <summary>02:00 on the 2nd, read in UK time: the month before is complete and its late reports mostly in.</summary>
    public const string Cron = "0 0 2 2 * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Only a member publishes (one waiting for its hub settings queues them for later).
        if (options.Value.Role == NetworkRole.Member)
        {
            await mediator.Send(new PublishAggregates.Command(), cancellationToken);
        }
    }
}
