using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>The common passwords shipped with the application (<see cref="CommonPasswordList"/>), read once.</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _passwords = new(
        CommonPasswordList.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        StringComparer.OrdinalIgnoreCase);

    public int Count => _passwords.Count;

    /// <summary>
    /// True when the password, in any case, is on the list, or is an entry with only digits, spaces
    /// or punctuation added at its end ("Password1234!", "qwerty 123456").
    /// </summary>
    public bool Contains(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var trimmed = password.Trim();
        if (_passwords.Contains(trimmed))
        {
            return true;
        }

        var stem = trimmed.TrimEnd("0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".ToCharArray());
        return stem.Length >= 4 && stem.Length < trimmed.Length && _passwords.Contains(stem);
    }
}

/// <summary>Identity's check on every new password (invitations, <c>users add</c>): none from the list.</summary>
public sealed class CommonPasswordValidator(CommonPasswords common) : IPasswordValidator<StaffAccount>
{
    public const string Code = "CommonPassword";

    public const string Message =
        "This password is one of the most common, so it would be guessed quickly. Choose another: a few unrelated words make a strong password";

    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password) =>
        Task.FromResult(common.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);
}
