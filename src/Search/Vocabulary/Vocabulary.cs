using System.Collections.Frozen;

namespace Jobs.Search.Vocabulary;

/// <summary>An immutable snapshot of the query-time synonym file: each folded word and what it also finds.</summary>
public sealed class Vocabulary
{
    private readonly FrozenDictionary<string, string[]> _expansions;

    private Vocabulary(FrozenDictionary<string, string[]> expansions, int groups, IReadOnlyList<string> problems)
    {
        _expansions = expansions;
        GroupCount = groups;
        Problems = problems;
    }

    public static Vocabulary Empty { get; } = new(FrozenDictionary<string, string[]>.Empty, 0, []);

    public int GroupCount { get; }

    public int TermCount => _expansions.Count;

    /// <summary>Every folded word that has expansions.</summary>
    public IEnumerable<string> Words => _expansions.Keys;

    /// <summary>Lines that could not be read, with their line numbers; the rest of the file still applies.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Other words to search for <paramref name="foldedWord"/>, never including the word itself.</summary>
    public IReadOnlyList<string> Expand(string foldedWord) =>
        _expansions.TryGetValue(foldedWord, out var list) ? list : [];

    /// <param name="fold">Folding applied to every entry, the same the analyzer applies to query text.</param>
    public static Vocabulary Parse(IEnumerable<string> lines, Func<string, string> fold)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var groups = 0;
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] from;
            string[] to;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                from = Split(line[..arrow], fold);
                to = Split(line[(arrow + 2)..], fold);
            }
            else
            {
                from = to = Split(line, fold);
            }

            if (from.Length == 0 || to.Length == 0 || (arrow < 0 && from.Length < 2))
            {
                problems.Add($"第 {lineNumber} 行：需要至少两个同义词，或写作 “词 => 扩展词”");
                continue;
            }

            groups++;
            foreach (var word in from)
            {
                if (!map.TryGetValue(word, out var set))
                {
                    map[word] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                foreach (var other in to)
                {
                    if (other != word)
                    {
                        set.Add(other);
                    }
                }
            }
        }

        return new Vocabulary(map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            groups, problems);
    }

    private static string[] Split(string part, Func<string, string> fold) =>
        part.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => fold(w).Trim())
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
