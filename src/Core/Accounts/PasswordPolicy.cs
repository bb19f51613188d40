using System.Collections.Frozen;
using Jobs.Core.Common;

namespace Jobs.Core.Accounts;

/// <summary>
/// The one password rule for every place a password is chosen (sign-up, organiser accounts, password change, the first
/// admin). Length and a list of commonly used passwords, following NIST SP 800-63B: composition rules ("a letter and a
/// digit") push people to <c>Password1</c>, which the list catches, while a long password without digits is fine.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Shorter local parts ("li", "wu") occur inside too many good passwords to be worth refusing.</summary>
    private const int MinContainedLocalPart = 3;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>How many entries the common-password list has.</summary>
    public static int CommonPasswordCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    /// <summary>Adds a <c>password</c> error when the password breaks the policy; <paramref name="email"/> may be null.</summary>
    public static void Validate(string? password, string? email, ValidationErrors errors, string field = "password")
    {
        if (Check(password, email) is { } message)
        {
            errors.Add(field, message);
        }
    }

    /// <summary>The reason the password is refused, in Chinese, or null when it is acceptable.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "密码不能为空";
        }

        if (password.Length < MinLength || password.Length > MaxLength)
        {
            return $"密码长度应为 {MinLength} 到 {MaxLength} 个字符";
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = email.Trim();
            var local = normalized.Split('@')[0];
            if (password.Contains(normalized, StringComparison.OrdinalIgnoreCase)
                || password.Equals(local, StringComparison.OrdinalIgnoreCase)
                || (local.Length >= MinContainedLocalPart && password.Contains(local, StringComparison.OrdinalIgnoreCase)))
            {
                return "密码不能包含邮箱或邮箱用户名";
            }
        }

        if (IsCommon(password))
        {
            return "该密码过于常见，容易被猜中，请换一个";
        }

        return null;
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Jobs.Core.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
