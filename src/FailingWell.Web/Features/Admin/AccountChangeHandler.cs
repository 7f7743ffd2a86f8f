using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Finds the account (refusing one that does not exist), makes the change and records what the
/// change says it did: each account change writes only the change itself.
/// </summary>
public abstract class AccountChangeHandler<TCommand>(UserManager<StaffAccount> users) : IRequestHandler<TCommand, Unit>
    where TCommand : AccountChange
{
    protected UserManager<StaffAccount> Users { get; } = users;

    public async Task<Unit> Handle(TCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await Users.FindByIdAsync(request.AccountId)
            ?? throw RequestValidationException.For(request, "", "That account does not exist.");
        request.AuditAction = await ChangeAsync(request, account, cancellationToken);
        return Unit.Value;
    }

    /// <summary>Changes the account and returns what the audit log says was done.</summary>
    protected abstract Task<string> ChangeAsync(TCommand request, StaffAccount account, CancellationToken cancellationToken);

    /// <summary>There must always be an active admin left: true when no other account is one.</summary>
    protected static async Task<bool> IsLastActiveAdminAsync(FailingWellDbContext db, string accountId, CancellationToken cancellationToken) =>
        !await db.StaffInRole(StaffRoles.Admin).AnyAsync(user => !user.IsDisabled && user.Id != accountId, cancellationToken);
}
