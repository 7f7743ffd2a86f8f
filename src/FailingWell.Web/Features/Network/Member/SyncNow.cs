using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>An admin's "retry now" and "sync now": the outbox sent and the library pulled at once, rather than at the next run.</summary>
public static class SyncNow
{
    /// <summary>Not one transaction (it talks to the hub between its saves); audited all the same.</summary>
    public sealed class Command : IRequest<Result>, IAuditedRequest
    {
        [BindNever]
        public string ActorAccountId { get; set; } = "";

        [BindNever]
        public string AuditAction { get; set; } = "";

        public AuditSubject AuditSubject => AuditSubject.None;
    }

    public sealed record Result(int Sent, int NotSent, int? Pulled);

    public sealed class Handler(NetworkDelivery delivery, PullFromHub pull) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var sent = await delivery.RetryNowAsync(cancellationToken);
            var pulled = await pull.PullAsync(cancellationToken);
            request.AuditAction = $"Network synchronised now: {sent.Sent} sent, {sent.NotSent} not sent";
            return new Result(sent.Sent, sent.NotSent, pulled);
        }
    }
}
