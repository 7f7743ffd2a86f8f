using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// An administrator's change (of accounts, settings, reference data, denominators...): one transaction, and one audit entry saying who changed what (the
/// handler writes the description, since only it knows, say, the name before a rename).
/// </summary>
public abstract class AdminChange<TResponse> : ICommand<TResponse>, IAuditedAdminRequest
{
    [BindNever]
    public string ActorAccountId { get; set; } = "";

    [BindNever]
    public string AuditDescription { get; set; } = "";
}
