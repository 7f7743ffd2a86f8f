namespace FailingWell.Web.Features.Admin;

/// <summary>Staff accounts: who they are, their role, two-factor state, last sign-in and lock.</summary>
public static class People
{
    public sealed record Query : IRequest<IReadOnlyList<Person>>;

    public sealed record Person(string Id, string Name, string Email, string Role, bool TwoFactor, DateTime? LastSignInAtUtc, bool LockedOut, bool Disabled, string SignsInWith = "");

    /// <summary>How an account signs in: its password, its organisation account (linked at its first organisation sign-in), or both (decision 0126).</summary>
    public static string SignsInWith(bool hasPassword, bool linked) => (hasPassword, linked) switch
    {
        (true, true) => "Organisation account or password",
        (false, true) => "Organisation account",
        (true, false) => "Password",
        _ => "Not yet: organisation account or invitation",
    };

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Person>>
    {
        public async Task<IReadOnlyList<Person>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            // Each account's own roles, listed: not "staff in a role", which StaffQueries answers.
            var rows = await (from user in db.Users.OfType<StaffAccount>()
                              orderby user.DisplayName
                              select new
                              {
                                  user.Id, user.DisplayName, user.Email, user.TwoFactorEnabled, user.LastSignInAtUtc, user.LockoutEnd, user.IsDisabled,
                                  HasPassword = user.PasswordHash != null, Linked = db.UserLogins.Any(l => l.UserId == user.Id),
                                  Roles = (from userRole in db.UserRoles join role in db.Roles on userRole.RoleId equals role.Id where userRole.UserId == user.Id select role.Name).ToList(),
                              }).ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Person(r.Id, r.DisplayName, r.Email ?? "", string.Join(", ", r.Roles), r.TwoFactorEnabled, r.LastSignInAtUtc,
                !r.IsDisabled && r.LockoutEnd > now, r.IsDisabled, SignsInWith(r.HasPassword, r.Linked)))];
        }
    }
}
