using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Every change staff make: one transaction, and one audit entry when it succeeds. A feature's change
/// says only what is its own: which record it files the entry under (a report, a case) and what the entry
/// says. The handler writes the words where only it knows them (the name before a rename); a command that
/// always does the same thing overrides <see cref="AuditAction"/> with them.
/// </summary>
public abstract class Change<TResponse> : ICommand<TResponse>, IAuditedRequest
{
    [BindNever]
    public string ActorAccountId { get; set; } = "";

    [BindNever]
    public virtual string AuditAction { get; set; } = "";

    [BindNever]
    public virtual AuditSubject AuditSubject => AuditSubject.None;
}
