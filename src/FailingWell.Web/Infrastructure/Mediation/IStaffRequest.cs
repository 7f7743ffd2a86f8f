namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// A request made by a member of staff. Nobody sets <see cref="ActorAccountId"/> by hand in a page:
/// <see cref="CurrentStaffBehavior{TRequest,TResponse}"/> fills it from the signed-in account.
/// The command line and tests, which have no signed-in account, set it themselves.
/// </summary>
public interface IStaffRequest
{
    string ActorAccountId { get; set; }
}
