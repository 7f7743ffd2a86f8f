namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>A request that changes something: it runs in one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;
