using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// An administrator's change: one transaction, and one audit entry saying who changed what (the
/// handler writes the description, since only it knows, say, the name before a rename).
/// </summary>
public abstract class AdminChange<TResponse> : ICommand<TResponse>, IAuditedAdminRequest
{
    [BindNever]
    public string ActorAccountId { get; set; } = "";

    [BindNever]
    public string AuditDescription { get; set; } = "";

    // Admin slices call RequestValidationException.For; this stays only while Culture's slices still call it.
    public RequestValidationException Refuse(string property, string message) => RequestValidationException.For(this, property, message);
}
