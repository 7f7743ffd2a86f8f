namespace FailingWell.Web.Features.Lfpse.Sandbox;

/// <summary>What the Development sandbox received; not there at all (null) when the sandbox is off.</summary>
public static class LfpseSandboxRequests
{
    public sealed record Query : IRequest<Result?>;

    public sealed record Result(IReadOnlyList<LfpseSandboxRequest> Requests, int Kept);

    public sealed class Handler(IServiceProvider services) : IRequestHandler<Query, Result?>
    {
        public Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            Task.FromResult(services.GetService<LfpseSandbox>() is { } sandbox ? new Result(sandbox.Received, LfpseSandbox.Kept) : null);
    }
}
