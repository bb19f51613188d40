using System.Globalization;

namespace Jobs.Core.Demo;

/// <summary>
/// The 18-character 居民身份证号 (GB 11643-1999): 6-digit area code, birth date yyyyMMdd, 3-digit sequence (odd for
/// men, even for women) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = first17[i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new ArgumentException("Only digits may precede the check character.", nameof(first17));
            }

            sum += digit * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Checks length, digits, a real calendar birth date and the check character (an upper- or lower-case X).</summary>
    public static bool IsValid(string? number)
    {
        if (number is not { Length: 18 })
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return false;
            }
        }

        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        return char.ToUpperInvariant(number[17]) == CheckCharacter(number.AsSpan(0, 17));
    }

    public static string Create(string areaCode, DateOnly birthDate, int sequence)
    {
        if (areaCode is not { Length: 6 } || !areaCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Area code must have six digits.", nameof(areaCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);

        Span<char> chars = stackalloc char[18];
        areaCode.AsSpan().CopyTo(chars);
        birthDate.TryFormat(chars[6..14], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        sequence.TryFormat(chars[14..17], out _, "D3", CultureInfo.InvariantCulture);
        chars[17] = CheckCharacter(chars[..17]);
        return new string(chars);
    }
}
