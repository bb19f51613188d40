namespace Jobs.Tests.Search.Relevance;

/// <summary>
/// Normalised discounted cumulative gain: gain 2^rel − 1, discount log2(rank + 1), normalised by the DCG of the ideal
/// ordering of every judgment of the query (not only the returned ones), so a relevant posting that is never returned
/// costs as much as one ranked out of the top k.
/// </summary>
public static class Ndcg
{
    public static double Dcg(IEnumerable<int> grades, int k)
    {
        var dcg = 0.0;
        var rank = 1;
        foreach (var grade in grades.Take(k))
        {
            dcg += (Math.Pow(2, grade) - 1) / Math.Log2(rank + 1);
            rank++;
        }

        return dcg;
    }

    /// <summary>nDCG@k of <paramref name="ranked"/> keys (unknown or unjudged keys count 0); 1 when nothing is relevant and nothing scored.</summary>
    public static double AtK(IReadOnlyList<string?> ranked, IReadOnlyDictionary<string, int> judgments, int k)
    {
        var ideal = Dcg(judgments.Values.Where(g => g > 0).OrderDescending(), k);
        var actual = Dcg(ranked.Select(key => key is not null && judgments.TryGetValue(key, out var g) ? g : 0), k);
        return ideal == 0 ? (actual == 0 ? 1 : 0) : actual / ideal;
    }
}
