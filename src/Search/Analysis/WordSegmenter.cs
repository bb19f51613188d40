namespace Jobs.Search.Analysis;

/// <summary>
/// Cuts folded text into words. Runs of ideographs go through forward maximum matching against the domain
/// dictionary, and only the stretches the dictionary does not cover go to ICU's word break. ICU alone cuts the
/// words job search lives on (工程|师, 后|端, 五|险|一|金, 深圳|市南|山区); the dictionary puts them back together.
/// Latin-script runs are cut by <see cref="ScanLatin"/>, which keeps tech names such as c#, c++, .net, node.js whole.
/// </summary>
internal sealed class WordSegmenter
{
    private static readonly string AdministrativeSuffixes = "市区县镇";

    private readonly CharKind[] _kind = CharTables.Kind;

    // Each word maps to the ends of its parts for fine segmentation (null: the word is not split).
    private readonly PrefixLexicon<int[]?> _dictionary;

    /// <param name="words">Folded dictionary words, all ideographs, at least two long.</param>
    public WordSegmenter(IReadOnlyCollection<string> words)
    {
        var set = words.ToHashSet(StringComparer.Ordinal);
        var parts = new List<int>();
        _dictionary = new PrefixLexicon<int[]?>(set.Select(word =>
        {
            parts.Clear();
            Decompose(word, 0, word.Length, set, parts, depth: 0);
            return KeyValuePair.Create(word, parts.Count > 1 ? parts.ToArray() : null);
        }));
    }

    /// <summary>SmartCn instead of ICU for the stretches the dictionary leaves (ChineseSegmenter.SmartCnGaps); set once, before use.</summary>
    internal bool SmartCnGaps { get; set; }

    /// <summary>
    /// Appends the words of the ideograph run <c>text[start..end)</c> as (start, end) pairs. With
    /// <paramref name="fine"/> a dictionary word is given as the parts <see cref="Decompose"/> found for it
    /// (软件工程师 → 软件 + 工程师, 南京市 → 南京 + 市): pinyin wants the words people type.
    /// </summary>
    public void SegmentHan(ReadOnlySpan<char> text, int start, int end, bool fine, List<(int Start, int End)> words, List<int> scratch)
    {
        var gapStart = -1;
        var i = start;
        while (i < end)
        {
            var length = _dictionary.LongestMatch(text[i..end], 2, out var parts);
            if (length == 0)
            {
                if (gapStart < 0)
                {
                    gapStart = i;
                }

                i++;
                continue;
            }

            if (gapStart >= 0)
            {
                BreakGap(text, gapStart, i, words, scratch);
                gapStart = -1;
            }

            if (fine && parts is not null)
            {
                var partStart = i;
                foreach (var partEnd in parts)
                {
                    words.Add((partStart, i + partEnd));
                    partStart = i + partEnd;
                }
            }
            else
            {
                words.Add((i, i + length));
            }

            i += length;
        }

        if (gapStart >= 0)
        {
            BreakGap(text, gapStart, end, words, scratch);
        }
    }

    /// <summary>
    /// The end of the Latin-style token starting at <paramref name="start"/>, or <paramref name="start"/> when none
    /// starts there. Letters and digits of any non-Han script, joined by '.' (asp.net, node.js, 3.5) and by '-' after
    /// a letter (objective-c, cet-4) when another letter or digit follows; a leading '.' before a letter (.net);
    /// a trailing '#' or "++" after a letter (c#, f#, c++). Everything else splits: ui/ux → ui, ux; a sentence dot
    /// is never taken (Java. → java); a change of script ends the token (Java开发 → java, 开发).
    /// </summary>
    public int ScanLatin(ReadOnlySpan<char> text, int start, bool joinApostrophes)
    {
        var kind = _kind;
        var i = start;
        if (text[i] == '.')
        {
            var leadingDot = i + 1 < text.Length && kind[text[i + 1]] == CharKind.Letter && (i == 0 || !IsWordChar(kind[text[i - 1]]));
            if (!leadingDot)
            {
                return start;
            }

            i++;
        }
        else if (!IsWordChar(kind[text[i]]))
        {
            return start;
        }

        var hasLetter = false;
        while (true)
        {
            while (i < text.Length && IsWordChar(kind[text[i]]))
            {
                hasLetter |= kind[text[i]] == CharKind.Letter;
                i++;
            }

            if (i + 1 < text.Length && IsWordChar(kind[text[i + 1]])
                && (text[i] == '.' || (text[i] == '-' && hasLetter) || (joinApostrophes && text[i] is '\'' or '’' && hasLetter)))
            {
                i++;
                continue;
            }

            break;
        }

        if (hasLetter && i < text.Length)
        {
            var suffix = text[i] == '#' ? 1 : text[i] == '+' ? (i + 1 < text.Length && text[i + 1] == '+' ? 2 : 1) : 0;
            var next = i + suffix;

            // c#, c++ only when the symbol ends the word: "java+python" stays two words.
            if (suffix > 0 && (next == text.Length || (!IsWordChar(kind[text[next]]) && text[next] != '+' && text[next] != '#')))
            {
                i = next;
            }
        }

        return i;
    }

    private static bool IsWordChar(CharKind kind) => kind is CharKind.Letter or CharKind.Digit;

    private void BreakGap(ReadOnlySpan<char> text, int start, int end, List<(int Start, int End)> words, List<int> scratch)
    {
        if (SmartCnGaps && end - start > 1)
        {
            scratch.Clear();
            SmartCnRuntime.BreakWords(text[start..end], scratch);
            AddEnds(start, scratch, words);
            return;
        }

        if (end - start == 1 || !IcuRuntime.IsAvailable)
        {
            // Without ICU every uncovered ideograph is a word of its own: coarse but still searchable.
            for (var i = start; i < end; i++)
            {
                words.Add((i, i + 1));
            }

            return;
        }

        scratch.Clear();
        IcuRuntime.BreakWords(text[start..end], scratch);
        AddEnds(start, scratch, words);
    }

    /// <summary>Words from word ends relative to <paramref name="start"/>.</summary>
    internal static void AddEnds(int start, List<int> relativeEnds, List<(int Start, int End)> words)
    {
        var previous = start;
        foreach (var relativeEnd in relativeEnds)
        {
            words.Add((previous, start + relativeEnd));
            previous = start + relativeEnd;
        }
    }

    /// <summary>
    /// Splits a dictionary word into words a person would type on their own, computed once per word at load:
    /// a place and its suffix (南京市 → 南京 + 市), or two parts that are each a dictionary word or a word by ICU's
    /// judgement (软件工程师 → 软件 + 工程师, then no further: 工程师 stays whole). 五险一金 has no such split.
    /// </summary>
    private static void Decompose(string word, int start, int end, HashSet<string> dictionary, List<int> ends, int depth)
    {
        var length = end - start;
        if (depth < 3 && length >= 3)
        {
            if (AdministrativeSuffixes.Contains(word[end - 1]) && dictionary.Contains(word[start..(end - 1)]))
            {
                Decompose(word, start, end - 1, dictionary, ends, depth + 1);
                ends.Add(end);
                return;
            }

            // Longest first part whose remainder is a word too.
            for (var split = end - 2; split >= start + 2; split--)
            {
                if (IsWhole(word[start..split], dictionary) && IsWhole(word[split..end], dictionary))
                {
                    Decompose(word, start, split, dictionary, ends, depth + 1);
                    Decompose(word, split, end, dictionary, ends, depth + 1);
                    return;
                }
            }
        }

        ends.Add(end);
    }

    private static bool IsWhole(string part, HashSet<string> dictionary)
    {
        if (dictionary.Contains(part))
        {
            return true;
        }

        if (!IcuRuntime.IsAvailable)
        {
            return false;
        }

        var ends = new List<int>(part.Length);
        IcuRuntime.BreakWords(part, ends);
        return ends.Count == 1;
    }
}
