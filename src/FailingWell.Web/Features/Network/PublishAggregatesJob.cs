using Quartz;

namespace FailingWell.Web.Features.Network;

/// <summary>On the 2nd of each month at 02:00 UK time a member publishes its figures (see <see cref="PublishAggregates"/>).</summary>
[DisallowConcurrentExecution]
public sealed class PublishAggregatesJob(IMediator mediator, IConfiguration configuration) : IJob
{
    public static readonly JobKey Key = new("publish-aggregates", "network");

    /// <summary>02:00 on the 2nd, read in UK time: the month before is complete and its late reports mostly in.</summary>
    public const string Cron = "0 0 2 2 * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Only a member publishes. TEMPORARY: read from configuration until CORE's NetworkSettings is merged.
        if (string.Equals(configuration["Network:Role"], "Member", StringComparison.OrdinalIgnoreCase))
        {
            await mediator.Send(new PublishAggregates.Command(), cancellationToken);
        }
    }
}
