namespace FailingWell.Web.Features.Admin;

public sealed class PeopleModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public InviteAccount.Command Invite { get; set; } = new();

    [BindProperty]
    public ChangeRole.Command Role { get; set; } = new();

    [BindProperty]
    public string AccountId { get; set; } = "";

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<People.Person> Accounts { get; private set; } = [];

    public IReadOnlyList<GuardianGrants.Pending> PendingGuardians { get; private set; } = [];

    public IReadOnlyList<Account.Organisation.GroupRoles.Mapping> GroupRoles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        GroupRoles = await mediator.Send(new Account.Organisation.GroupRoles.Query());
        Accounts = await mediator.Send(new People.Query());
        PendingGuardians = await mediator.Send(new PendingGuardianGrants.Query());
    }

    public Task<IActionResult> OnPostInviteAsync() => ChangeAsync(Invite, () => $"Invitation sent to {Invite.Email!.Trim()}.");

    public Task<IActionResult> OnPostRoleAsync() => ChangeAsync(Role, () => Role.AwaitsApproval
        ? "Guardian role asked for. A guardian must approve it (another admin, while there is no guardian), and every guardian is told."
        : "Role changed.");

    public Task<IActionResult> OnPostApproveGuardianAsync() => ChangeAsync(new ApproveGuardian.Command { AccountId = AccountId }, () => "Guardian role given. Every guardian has been told.");

    public Task<IActionResult> OnPostDisableAsync() => ChangeAsync(new DisableAccount.Command { AccountId = AccountId }, () => "Account disabled. Its sessions end at their next request.");

    public Task<IActionResult> OnPostEndSessionsAsync() => ChangeAsync(new EndSessions.Command { AccountId = AccountId }, () => "Signed out everywhere. They must sign in again on every device.");

    public Task<IActionResult> OnPostEnableAsync() => ChangeAsync(new EnableAccount.Command { AccountId = AccountId }, () => "Account enabled.");

    public Task<IActionResult> OnPostResetTwoFactorAsync() => ChangeAsync(new ResetTwoFactor.Command { AccountId = AccountId }, () => "Two-factor reset. They will set it up again when they next sign in.");

    public Task<IActionResult> OnPostUnlockAsync() => ChangeAsync(new UnlockAccount.Command { AccountId = AccountId }, () => "Account unlocked.");

    private async Task<IActionResult> ChangeAsync<T>(Change<T> change, Func<string> done)
    {
        Accounts = await mediator.Send(new People.Query());
        PendingGuardians = await mediator.Send(new PendingGuardianGrants.Query());
        await mediator.Send(change);
        Done = done();
        return RedirectToPage();
    }
}
