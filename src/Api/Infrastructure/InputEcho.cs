using System.Text.RegularExpressions;

namespace Jobs.Api.Infrastructure;

/// <summary>
/// Caps what an error message repeats of the caller's input, so a 100 KB query value does not come back (and get logged
/// by every proxy on the way) in full. Messages quote echoed input as “…”, which is what <see cref="CapQuoted"/> finds.
/// </summary>
public static partial class InputEcho
{
    public const int MaxLength = 50;

    public static string Cap(string value, int maxLength = MaxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        // Never split a surrogate pair: half of one is not text.
        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(value.AsSpan(0, cut), "…");
    }

    /// <summary>Caps every “quoted” stretch of a message.</summary>
    public static string CapQuoted(string message) =>
        message.Length <= MaxLength ? message : Quoted().Replace(message, m => $"“{Cap(m.Groups[1].Value)}”");

    [GeneratedRegex("“([^”]*)”", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
