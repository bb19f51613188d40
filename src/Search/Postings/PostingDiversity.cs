using Candidate = Jobs.Search.Querying.RankingCollector.Candidate;

namespace Jobs.Search.Postings;

/// <summary>What diversity needs to know of a ranked candidate.</summary>
internal readonly record struct DiversityFacts(long EmployerId, short City, long TitleKey, int Tier);

/// <summary>A candidate in display order with the near-identical postings folded into it.</summary>
internal readonly record struct ArrangedCandidate(Candidate Candidate, int Similar);

/// <summary>
/// Arranges a ranked window of candidates for display: postings of one employer with the same normalised title in the same
/// city (a chain's thirty copies) fold into the best of them, which carries their count; the first page then holds at most
/// <c>perEmployer</c> postings of one employer while other employers' postings remain (a later, better-tier posting never
/// jumps a deferred one of a better tier). The rest follows in rank order. The arrangement depends only on the window, so every
/// page of the same search slices the same order: page 2 never repeats page 1.
/// </summary>
internal static class PostingDiversity
{
    public static List<ArrangedCandidate> Arrange(IReadOnlyList<Candidate> ranked, Func<Candidate, DiversityFacts> facts, int pageSize,
        int perEmployer, out int folded)
    {
        var heads = new List<Candidate>();
        var headFacts = new List<DiversityFacts>();
        var similar = new List<int>();
        var groups = new Dictionary<(long, short, long), int>();
        folded = 0;
        foreach (var c in ranked)
        {
            var f = facts(c);
            if (groups.TryGetValue((f.EmployerId, f.City, f.TitleKey), out var head))
            {
                similar[head]++;
                folded++;
                continue;
            }

            groups[(f.EmployerId, f.City, f.TitleKey)] = heads.Count;
            heads.Add(c);
            headFacts.Add(f);
            similar.Add(0);
        }

        var firstPage = new List<int>();
        var deferred = new Queue<int>();
        var perEmployerCount = new Dictionary<long, int>();
        for (var i = 0; i < heads.Count && firstPage.Count < pageSize; i++)
        {
            while (deferred.Count > 0 && headFacts[deferred.Peek()].Tier > headFacts[i].Tier && firstPage.Count < pageSize)
            {
                firstPage.Add(deferred.Dequeue());
            }

            if (firstPage.Count == pageSize)
            {
                break;
            }

            var employer = headFacts[i].EmployerId;
            var n = perEmployerCount.GetValueOrDefault(employer);
            if (n < perEmployer)
            {
                perEmployerCount[employer] = n + 1;
                firstPage.Add(i);
            }
            else
            {
                deferred.Enqueue(i);
            }
        }

        // Too few other employers: the page is filled rather than left short.
        while (firstPage.Count < pageSize && deferred.Count > 0)
        {
            firstPage.Add(deferred.Dequeue());
        }

        var onFirst = firstPage.ToHashSet();
        return firstPage.Concat(Enumerable.Range(0, heads.Count).Where(i => !onFirst.Contains(i)))
            .Select(i => new ArrangedCandidate(heads[i], similar[i])).ToList();
    }
}
