using Jobs.Search.Suggest;

namespace Jobs.Tests.Search;

public class SuggestionIndexTests
{
    /// <summary>Two keys per entry (the text and a made-up initials key), so entries repeat inside a prefix range.</summary>
    private static IEnumerable<string> Keys(Suggestion s) => [s.Text, "k" + new string(s.Text.Where(char.IsAsciiDigit).ToArray())];

    private static readonly Suggestion[] Entries = Enumerable.Range(0, 5000)
        .Select(i => new Suggestion($"{(char)('a' + (i % 7))}{(char)('a' + (i / 7 % 5))}{i}", SuggestionKind.Title, (i * 7919) % 1000 + 1))
        .ToArray();

    private static readonly SuggestionIndex Index = SuggestionIndex.Build(Entries, Keys);

    private static List<Suggestion> BruteForce(string prefix, int limit) =>
        Entries.Where(e => Keys(e).Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Text.Length).ThenBy(e => e.Text, StringComparer.Ordinal).Take(limit).ToList();

    [Theory]
    [InlineData("a", 20)]
    [InlineData("k", 8)]
    [InlineData("k1", 20)]
    [InlineData("ab", 5)]
    [InlineData("ab1", 20)]
    [InlineData("k12", 3)]
    [InlineData("g", 1)]
    [InlineData("zz", 8)]
    public void Lookup_AnyPrefix_EqualsBruteForceBestByCount(string prefix, int limit)
    {
        Assert.Equal(BruteForce(prefix, limit), Index.Lookup(prefix, limit));
    }

    [Fact]
    public void Build_LongRanges_ArePrecomputed()
    {
        // "a" covers about 700 keys, far over the scan limit, so it must come from the precomputed lists.
        Assert.True(Index.PrecomputedPrefixCount > 0);
        Assert.Equal(BruteForce("a", 20), Index.Lookup("a", 50));
        Assert.Empty(Index.Lookup("", 8));
    }
}
