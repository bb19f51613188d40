using System.Collections.Frozen;

namespace Jobs.Search.Analysis;

/// <summary>
/// An immutable word list answering "what is the longest entry starting here?" without allocating: every proper prefix
/// of every entry is stored too, so a lookup stops at the first prefix that is absent instead of trying every length.
/// Used for the domain dictionary, the regional-word table and the pinyin lexicon.
/// </summary>
internal sealed class PrefixLexicon<TValue>
{
    private readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Most positions in running text start no entry; one array read rejects them before any hashing.
    private readonly bool[] _startsEntry = new bool[char.MaxValue + 1];

    public PrefixLexicon(IEnumerable<KeyValuePair<string, TValue>> words)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (word, value) in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            // A later duplicate replaces the earlier value, so callers list their sources lowest priority first.
            entries[word] = new Entry(true, value);
            MaxLength = Math.Max(MaxLength, word.Length);
            _startsEntry[word[0]] = true;
            for (var length = 1; length < word.Length; length++)
            {
                var prefix = word[..length];
                if (!entries.ContainsKey(prefix))
                {
                    entries[prefix] = new Entry(false, default);
                }
            }
        }

        _lookup = entries.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int MaxLength { get; }

    public bool CanStartEntry(char c) => _startsEntry[c];

    /// <summary>
    /// Length of the longest entry that <paramref name="text"/> starts with and that is at least
    /// <paramref name="minLength"/> long, or 0 when there is none.
    /// </summary>
    public int LongestMatch(ReadOnlySpan<char> text, int minLength, out TValue? value)
    {
        value = default;
        if (text.IsEmpty || !_startsEntry[text[0]])
        {
            return 0;
        }

        var best = 0;
        var limit = Math.Min(MaxLength, text.Length);

        // The one-character prefix is known to exist (it passed the start check); only look it up when it may count.
        for (var length = minLength > 1 ? 2 : 1; length <= limit; length++)
        {
            if (!_lookup.TryGetValue(text[..length], out var entry))
            {
                break;
            }

            if (entry.IsWord && length >= minLength)
            {
                best = length;
                value = entry.Value;
            }
        }

        return best;
    }

    private readonly record struct Entry(bool IsWord, TValue? Value);
}
