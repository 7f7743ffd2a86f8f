using FluentValidation.Results;
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

    public RequestValidationException Refuse(string property, string message) =>
        new(GetType(), [new ValidationFailure(property, message)]);
}
