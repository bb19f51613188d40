using System.Text;

namespace Jobs.Search.Querying;

/// <summary>
/// What a person typed, split into free text, "quoted phrases" and -excluded words. There is no other syntax: every other
/// character is text, so no input can fail to parse (<c>*:*</c>, <c>title:</c>, unbalanced quotes and brackets).
/// </summary>
public sealed record UserQuery(string Text, IReadOnlyList<string> Phrases, IReadOnlyList<string> Excluded, bool Truncated)
{
    /// <summary>Longest query considered; the rest is ignored (and reported) so a 10,000-character paste stays cheap.</summary>
    public const int MaxLength = 200;

    public static UserQuery Empty { get; } = new("", [], [], false);

    public bool IsEmpty => Text.Length == 0 && Phrases.Count == 0 && Excluded.Count == 0;

    public static UserQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Empty;
        }

        var truncated = input.Length > MaxLength;
        var s = truncated ? input[..MaxLength] : input;
        var text = new StringBuilder();
        var phrases = new List<string>();
        var excluded = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                text.Append(' ');
                i++;
                continue;
            }

            var atWordStart = i == 0 || char.IsWhiteSpace(s[i - 1]);
            var negated = false;
            var start = i;
            if (IsMinus(c) && atWordStart && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
            {
                negated = true;
                start = i + 1;
            }

            if (IsQuote(s[start]))
            {
                var close = IndexOfQuote(s, start + 1);
                // An unbalanced quote runs to the end of the query.
                var end = close < 0 ? s.Length : close;
                var phrase = s[(start + 1)..end].Trim();
                if (phrase.Length > 0)
                {
                    (negated ? excluded : phrases).Add(phrase);
                }

                i = close < 0 ? s.Length : close + 1;
                continue;
            }

            var wordEnd = start;
            while (wordEnd < s.Length && !char.IsWhiteSpace(s[wordEnd]) && !IsQuote(s[wordEnd]))
            {
                wordEnd++;
            }

            var word = s[start..wordEnd];
            if (negated)
            {
                excluded.Add(word);
            }
            else
            {
                text.Append(s, i, wordEnd - i);
            }

            i = wordEnd;
        }

        return new UserQuery(CollapseSpaces(text.ToString()), phrases, excluded, truncated);
    }

    private static bool IsMinus(char c) => c is '-' or '－' or '—';

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '＂' or '「' or '」';

    private static int IndexOfQuote(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (IsQuote(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }
}
