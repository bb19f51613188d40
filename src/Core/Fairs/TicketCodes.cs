using System.Security.Cryptography;
using System.Text;

namespace Jobs.Core.Fairs;

/// <summary>
/// Ticket codes derived from the fair's secret salt, the person and their arrival number. Every process derives the same code
/// for the same seat, so a code needs no coordination; without the salt a code cannot be guessed (50 bits).
/// </summary>
public static class TicketCodes
{
    // Crockford's base32: no I, L, O or U, so a code read aloud or typed at the door is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewSalt() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string For(string salt, long fairId, long userId, long seq)
    {
        var hash = HMACSHA256.HashData(Encoding.ASCII.GetBytes(salt), Encoding.ASCII.GetBytes($"{fairId}:{userId}:{seq}"));
        var bits = BitConverter.ToUInt64(hash, 0);
        var chars = new char[11];
        for (int i = 0, c = 0; i < 10; i++, c++)
        {
            if (i == 5)
            {
                chars[c++] = '-';
            }

            chars[c] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }

    /// <summary>Accepts what a person types or a scanner reads: any case, with or without the dash, spaces around.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = new StringBuilder(10);
        foreach (var ch in text.Trim().ToUpperInvariant())
        {
            if (ch is '-' or ' ')
            {
                continue;
            }

            var mapped = ch switch { 'O' => '0', 'I' or 'L' => '1', _ => ch };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            compact.Append(mapped);
        }

        return compact.Length == 10 ? $"{compact.ToString(0, 5)}-{compact.ToString(5, 5)}" : null;
    }
}
