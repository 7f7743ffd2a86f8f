namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>The one place that says who is acting: the signed-in account, given to every staff request.</summary>
public sealed class CurrentStaffBehavior<TRequest, TResponse>(ICurrentStaff staff) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is IStaffRequest staffRequest && string.IsNullOrEmpty(staffRequest.ActorAccountId) && staff.AccountId is { } accountId)
        {
            staffRequest.ActorAccountId = accountId;
        }

        return next();
    }
}
