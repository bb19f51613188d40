using System.Collections.Frozen;
using System.Text;
using Jobs.Search.Analysis;

namespace Jobs.Search.Suggest;

/// <summary>
/// Proposes a corrected query from the words the search knows, without searching: Chinese stretches that are not known
/// words are replaced (choosing the cheapest reading of each Chinese run, see <see cref="CorrectHan"/>) by a known word that sounds the same (会记 → 会计, 软件工程狮 → 软件工程师), sounds alike by a fuzzy pair
/// (叉车师机 → 叉车司机, shi/si) or differs in one character (软件工程帅 → 软件工程师); Latin words by the most used known word
/// within one or two edits (jvaa → java). Whether the correction is worth showing is decided by searching it
/// (<see cref="DidYouMeanService"/>). Immutable and thread-safe.
/// </summary>
public sealed class SpellingCorrector
{
    /// <summary>Longer stretches are not looked up whole: a sentence has no single homophone.</summary>
    private const int MaxWindow = 8;

    private readonly FrozenSet<string> _known;
    private readonly FrozenDictionary<string, string> _homophone;
    private readonly FrozenDictionary<string, string> _fuzzy;
    private readonly FrozenDictionary<string, string> _oneCharOff;
    private readonly (string Word, int Count)[] _latin;
    private readonly ChineseTextAnalysis _analysis;
    private readonly PinyinExpander _pinyin;

    private SpellingCorrector(ChineseTextAnalysis analysis, PinyinExpander pinyin, FrozenSet<string> known, FrozenDictionary<string, string> homophone,
        FrozenDictionary<string, string> fuzzy, FrozenDictionary<string, string> oneCharOff, (string Word, int Count)[] latin)
    {
        _analysis = analysis;
        _pinyin = pinyin;
        _known = known;
        _homophone = homophone;
        _fuzzy = fuzzy;
        _oneCharOff = oneCharOff;
        _latin = latin;
    }

    /// <param name="hanWords">Folded Chinese words and their open-posting counts; words with 0 are known but never proposed.</param>
    /// <param name="latinWords">Lower-case Latin words (java, excel) and their open-posting counts.</param>
    public static SpellingCorrector Build(ChineseTextAnalysis analysis, PinyinExpander pinyin, IReadOnlyDictionary<string, int> hanWords, IReadOnlyDictionary<string, int> latinWords)
    {
        var homophone = new Dictionary<string, (string Word, int Count)>(StringComparer.Ordinal);
        var fuzzy = new Dictionary<string, (string Word, int Count)>(StringComparer.Ordinal);
        var oneCharOff = new Dictionary<string, (string Word, int Count)>(StringComparer.Ordinal);
        foreach (var (word, count) in hanWords)
        {
            if (count <= 0 || word.Length < 2 || word.Length > MaxWindow)
            {
                continue;
            }

            foreach (var syllables in PinyinExpander.Readings(word, analysis).Where(r => r.Length == word.Length))
            {
                Keep(homophone, string.Join(' ', syllables), word, count);
                Keep(fuzzy, PinyinSyllables.Fuzzy(syllables), word, count);
            }

            if (word.Length >= 3)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    Keep(oneCharOff, Blank(word, i), word, count);
                }
            }
        }

        return new SpellingCorrector(analysis, pinyin, hanWords.Keys.ToFrozenSet(StringComparer.Ordinal),
            homophone.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Word, StringComparer.Ordinal),
            fuzzy.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Word, StringComparer.Ordinal),
            oneCharOff.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Word, StringComparer.Ordinal),
            latinWords.Where(kv => kv.Value > 0 && kv.Key.Length >= 2).Select(kv => (kv.Key, kv.Value)).OrderByDescending(x => x.Value).ToArray());
    }

    /// <summary>The query with its misspelt words replaced, or null when nothing needed (or allowed) a change.</summary>
    public string? Correct(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Folding keeps every character in place, so unchanged parts are copied from the query as typed.
        var folded = _analysis.Fold(query);
        var result = new StringBuilder(folded.Length);
        var changed = false;
        var i = 0;
        while (i < folded.Length)
        {
            var han = PinyinExpander.IsHan(folded[i]);
            var latin = char.IsAsciiLetter(folded[i]);
            var end = i + 1;
            while ((han || latin) && end < folded.Length && (han ? PinyinExpander.IsHan(folded[end]) : char.IsAsciiLetter(folded[end])))
            {
                end++;
            }

            if ((han || latin) && !IsExclusion(folded, i))
            {
                changed |= han ? CorrectHan(query, folded, i, end, result) : CorrectLatin(query[i..end], folded[i..end], result);
            }
            else
            {
                result.Append(query, i, end - i);
            }

            i = end;
        }

        return changed ? result.ToString() : null;
    }

    /// <summary>
    /// The cheapest reading of the run as a sequence of pieces: a known word costs nothing, a character on its own 1, a
    /// replaced window less than the characters it covers (homophone 0.5, fuzzy pair 0.7, one character off 0.9). So
    /// 南京会记 is read 南京 + 会计 (0.5), not 南京会 → 南京市 + 记 (1.9), and a query of known words is left alone.
    /// </summary>
    private bool CorrectHan(string query, string folded, int start, int end, StringBuilder into)
    {
        var n = end - start;
        var cost = new double[n + 1];
        var from = new int[n + 1];
        var replacement = new string?[n + 1];
        Array.Fill(cost, double.MaxValue);
        cost[0] = 0;
        for (var i = 1; i <= n; i++)
        {
            for (var j = Math.Max(0, i - MaxWindow); j < i; j++)
            {
                if (cost[j] == double.MaxValue)
                {
                    continue;
                }

                var length = i - j;
                string? replaced = null;
                double piece;
                if (length == 1)
                {
                    piece = 1;
                }
                else if (_known.Contains(folded.Substring(start + j, length)))
                {
                    piece = 0;
                }
                else if (Near(folded.Substring(start + j, length)) is { } near)
                {
                    (replaced, piece) = near;
                }
                else
                {
                    continue;
                }

                // A hundredth per piece prefers fewer, longer pieces between readings that otherwise cost the same.
                var total = cost[j] + piece + 0.01;
                if (total < cost[i])
                {
                    (cost[i], from[i], replacement[i]) = (total, j, replaced);
                }
            }
        }

        var pieces = new List<(int Start, int End, string? Replacement)>();
        for (var i = n; i > 0; i = from[i])
        {
            pieces.Add((from[i], i, replacement[i]));
        }

        pieces.Reverse();
        foreach (var (from0, to, replaced) in pieces)
        {
            if (replaced is null)
            {
                into.Append(query, start + from0, to - from0);
            }
            else
            {
                into.Append(replaced);
            }
        }

        return pieces.Any(p => p.Replacement is not null);
    }

    /// <summary>A known word near <paramref name="window"/> and the cost of replacing it, or null.</summary>
    private (string Word, double Cost)? Near(string window)
    {
        var syllables = PinyinExpander.PerCharacter(window, _analysis);
        if (syllables.Count == window.Length)
        {
            if (_homophone.TryGetValue(string.Join(' ', syllables), out var same) && same != window)
            {
                return (same, 0.5);
            }

            if (_fuzzy.TryGetValue(PinyinSyllables.Fuzzy(syllables), out var alike) && alike != window)
            {
                return (alike, 0.7);
            }
        }

        if (window.Length >= 3)
        {
            for (var i = 0; i < window.Length; i++)
            {
                if (_oneCharOff.TryGetValue(Blank(window, i), out var off) && off != window)
                {
                    return (off, 0.9);
                }
            }
        }

        return null;
    }

    private bool CorrectLatin(string typed, string word, StringBuilder into)
    {
        var corrected = NearLatin(word);
        into.Append(corrected ?? typed);
        return corrected is not null;
    }

    private string? NearLatin(string word)
    {
        // A pinyin word (kuaiji) is read by the pinyin expansion, not corrected into English.
        if (word.Length < 3 || _latin.Any(x => x.Word == word) || _pinyin.Expand(word).Count > 0)
        {
            return null;
        }

        var allowed = word.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        // Most used first, so among equally near words the common one wins.
        foreach (var (candidate, _) in _latin)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(word, candidate, allowed);
            if (distance <= allowed && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (an adjacent swap counts one), giving up past <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }
        }

        return d[a.Length, b.Length];
    }

    private static void Keep(Dictionary<string, (string Word, int Count)> map, string key, string word, int count)
    {
        if (!map.TryGetValue(key, out var held) || held.Count < count)
        {
            map[key] = (word, count);
        }
    }

    private static string Blank(string word, int at) => string.Concat(word.AsSpan(0, at), "\u0000", word.AsSpan(at + 1));

    /// <summary>A -word excludes; correcting it would change what is excluded, so it is left as typed.</summary>
    private static bool IsExclusion(string text, int at) => at > 0 && text[at - 1] == '-' && (at == 1 || text[at - 2] == ' ');
}
