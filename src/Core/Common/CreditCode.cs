namespace Jobs.Core.Common;

/// <summary>
/// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015): registration authority,
/// entity type, 6-digit area code, 9-character organisation code, and a check character over the first 17.
/// </summary>
public static class CreditCode
{
    // The standard's alphabet: digits and upper-case letters without I, O, S, V, Z.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>Null when valid; otherwise a reason in Chinese.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "统一社会信用代码不能为空";
        }

        if (code.Length != 18)
        {
            return $"统一社会信用代码应为18位，实际为{code.Length}位";
        }

        foreach (var c in code)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return $"统一社会信用代码含有非法字符“{c}”（只允许数字和除 I、O、S、V、Z 外的大写字母）";
            }
        }

        return CheckCharacter(code.AsSpan(0, 17)) == code[17] ? null : "统一社会信用代码校验位不正确";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return Alphabet[check];
    }

    /// <summary>Builds a valid code: "91" (industrial and commercial, enterprise), the area code, and a random body.</summary>
    public static string Create(string areaCode, Func<int, int> nextIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(areaCode);
        if (areaCode.Length != 6)
        {
            throw new ArgumentException("Area code must have six digits.", nameof(areaCode));
        }

        Span<char> chars = stackalloc char[18];
        chars[0] = '9';
        chars[1] = '1';
        areaCode.AsSpan().CopyTo(chars[2..]);
        // Positions 9-17 are the organisation code (GB 11714): eight body characters and its own check digit.
        var orgSum = 0;
        for (var i = 0; i < 8; i++)
        {
            var digit = nextIndex(10);
            chars[8 + i] = (char)('0' + digit);
            orgSum += digit * OrganisationWeights[i];
        }

        var orgCheck = 11 - (orgSum % 11);
        chars[16] = orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) };

        chars[17] = CheckCharacter(chars[..17]);
        return new string(chars);
    }
}
