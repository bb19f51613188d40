using Lucene.Net.Search;

namespace Jobs.Search.Querying;

/// <summary>One step down the ladder: a looser query, the words it still requires and the ones it gave up.</summary>
public sealed record RelaxationRung(int Level, Query Query, IReadOnlyList<string> Kept, IReadOnlyList<string> Dropped);

/// <summary>
/// The looser forms of a query, tried in order when too few postings match every word: (1) the words that match nothing
/// and then the least informative ones dropped one by one — the most common word in the index tells least about the job
/// (经理 in 销售经理); (2) any one word enough (not a lone character); (3) half, then any, of the bigrams of each long Chinese word (网络工程师 → 网络, 工程, 程师);
/// (4) every character of a Chinese word somewhere in a title. Phrases and exclusions hold at every level.
/// </summary>
public static class RelaxationLadder
{
    public const int DroppedWords = 1;
    public const int FewerWords = 2;
    public const int WordParts = 3;
    public const int Characters = 4;

    /// <param name="text">The built query.</param>
    /// <param name="builder">Builds the bigram and character forms.</param>
    /// <param name="count">How many shown postings a query matches, for ordering the words by how informative they are.</param>
    public static IEnumerable<RelaxationRung> Rungs(TextQuery text, TextQueryBuilder builder, Func<Query, int> count)
    {
        var concepts = text.Concepts;
        if (concepts.Count == 0)
        {
            yield break;
        }

        var words = concepts.Select(c => c.Word).ToList();
        if (concepts.Count > 1)
        {
            if (text.ConceptsSplit)
            {
                // 网络工程师 kept whole found nothing: 网络 and 工程师 anywhere in the posting.
                yield return new RelaxationRung(DroppedWords, TextQueryBuilder.Compose(text, [.. concepts.Select(c => c.Clause)], concepts.Count), words, []);
            }

            var counts = concepts.Select(c => count(TextQueryBuilder.Compose(text, [c.Clause], 1))).ToList();
            var order = Enumerable.Range(0, concepts.Count).OrderBy(i => counts[i] == 0 ? 0 : 1).ThenByDescending(i => counts[i]).ThenByDescending(i => i).ToList();
            var zeros = counts.Count(c => c == 0);
            for (var k = Math.Max(1, zeros); k < concepts.Count; k++)
            {
                var dropped = order.Take(k).ToHashSet();
                var kept = Enumerable.Range(0, concepts.Count).Where(i => !dropped.Contains(i)).ToList();
                yield return new RelaxationRung(DroppedWords, TextQueryBuilder.Compose(text, [.. kept.Select(i => concepts[i].Clause)], kept.Count),
                    [.. kept.Select(i => words[i])], [.. order.Take(k).Select(i => words[i])]);
            }

            // A lone character (员 of 飞行员) is no word a posting shares; any one of the real words is.
            var meaningful = concepts.Where((c, i) => counts[i] > 0 && !(c.Word.Length == 1 && char.IsLetter(c.Word[0]) && c.Word[0] > 0x2E80)).ToList();
            if (meaningful.Count > 0)
            {
                yield return new RelaxationRung(FewerWords, TextQueryBuilder.Compose(text, [.. meaningful.Select(c => c.Clause)], 1),
                    [.. meaningful.Select(c => c.Word)], []);
            }
        }

        // Half the bigrams of a word first (网络工程师 by 网络 + 工程师), then any one (销售经理 by 销售).
        foreach (var half in new[] { true, false })
        {
            var parts = new List<Query>();
            var bigrams = new List<string>();
            foreach (var word in words)
            {
                if (builder.Bigrams(word, half, out var b) is { } q)
                {
                    parts.Add(q);
                    bigrams.AddRange(b);
                }
            }

            if (parts.Count > 0)
            {
                yield return new RelaxationRung(WordParts, TextQueryBuilder.Compose(text, parts, 1), bigrams, words);
            }
        }

        var characters = words.Select(builder.Characters).OfType<Query>().ToList();
        if (characters.Count > 0)
        {
            yield return new RelaxationRung(Characters, TextQueryBuilder.Compose(text, characters, 1),
                [.. words.Where(w => builder.Characters(w) is not null).SelectMany(w => w.Select(c => c.ToString())).Distinct()], words);
        }
    }
}
