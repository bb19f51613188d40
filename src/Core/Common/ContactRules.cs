using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Jobs.Core.Common;

/// <summary>Formats of personal contact data as Chinese forms check them.</summary>
public static partial class ContactRules
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";

    /// <summary>Mainland mobile numbers: 11 digits starting 13–19, optionally written with +86.</summary>
    public static bool IsMobilePhone(string? phone) => phone is not null && MobileRegex().IsMatch(phone);

    public static string NormalizePhone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return false;
        }

        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email.Trim() && email.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>18-character resident identity number (GB 11643): a real birth date and the ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsIdNumber(string? id)
    {
        if (id is null || id.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            sum += (id[i] - '0') * IdWeights[i];
        }

        if (!DateTime.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        return char.ToUpperInvariant(id[17]) == IdCheckChars[sum % 11];
    }

    public static char IdCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return IdCheckChars[sum % 11];
    }

    [GeneratedRegex(@"^(\+?86[- ]?)?1[3-9]\d{9}$")]
    private static partial Regex MobileRegex();
}
