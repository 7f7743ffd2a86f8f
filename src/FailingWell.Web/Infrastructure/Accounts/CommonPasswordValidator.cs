using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>
/// The common passwords shipped with the application (the embedded <c>common-passwords.txt</c>),
/// read once per process, when first needed, however many hosts make one.
/// </summary>
public sealed class CommonPasswords
{
    internal const string ResourceName = "FailingWell.Web.Infrastructure.Accounts.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> Shared = new(Read);

    private readonly HashSet<string> _passwords = Shared.Value;

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

    // One password a line; lines starting with "#" are the list's provenance and licence notice.
    private static HashSet<string> Read()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(30_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords;
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
