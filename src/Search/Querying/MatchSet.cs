using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Jobs.Search.Querying;

/// <summary>
/// The documents of one segment a query matches, as a bit set, without scoring them. Terms are read as bare doc ids;
/// boolean and disjunction nodes combine bit sets; anything else (phrases, ranges, filters) runs its own scorer, but only
/// over the documents still undecided: a phrase in a disjunction skips documents a plain term already matched, a
/// required clause sees only documents the clauses before it left. At a million postings the phrases of synonyms over
/// the descriptions cost ten times the rest of a query when every document is scored; here they read few positions.
/// </summary>
internal sealed class MatchSet
{
    private readonly IndexSearcher _searcher;
    private readonly BitSetScratch _scratch;
    private readonly Dictionary<Query, Weight> _weights = new(ReferenceEqualityComparer.Instance);
    private AtomicReaderContext _context = null!;
    private readonly Dictionary<string, TermsEnum?> _termsEnums = new(StringComparer.Ordinal);
    private DocsEnum? _docs;

    /// <param name="searcher">Supplies the weights of the nodes matched by their own scorer.</param>
    /// <param name="scratch">Where the sets come from: every set this returns is valid until the scratch is disposed.</param>
    public MatchSet(IndexSearcher searcher, BitSetScratch scratch)
    {
        _searcher = searcher;
        _scratch = scratch;
    }

    /// <summary>The documents of <paramref name="context"/> (live ones only) that <paramref name="query"/> matches; it must be rewritten.</summary>
    public FixedBitSet Match(Query query, AtomicReaderContext context)
    {
        _context = context;
        _termsEnums.Clear();
        return Match(query, Live.GetValue(context.AtomicReader, LiveSet));
    }

    /// <summary>Each segment reader's live documents as a bit set, read once; never modified, since every node returns a new set.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AtomicReader, FixedBitSet> Live = new();

    private static FixedBitSet LiveSet(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var live = new FixedBitSet(Math.Max(1, maxDoc));
        live.Set(0, maxDoc);
        if (reader.LiveDocs is { } bits)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if (!bits.Get(doc))
                {
                    live.Clear(doc);
                }
            }
        }

        return live;
    }

    /// <summary>The documents of <paramref name="allowed"/> that <paramref name="query"/> matches (a new set).</summary>
    private FixedBitSet Match(Query query, FixedBitSet allowed) => query switch
    {
        TermQuery t => Term(t.Term, allowed),
        DisjunctionMaxQuery d => Any(d.Disjuncts, 1, allowed),
        BooleanQuery b => Boolean(b, allowed),
        MatchAllDocsQuery => _scratch.Copy(allowed),
        _ => Scored(query, allowed),
    };

    private FixedBitSet Term(Term term, FixedBitSet allowed)
    {
        var result = _scratch.New(allowed.Length);
        OrTerm(term, allowed, result);
        return result;
    }

    /// <summary>Adds the documents of <paramref name="allowed"/> holding <paramref name="term"/> to <paramref name="result"/>.</summary>
    private void OrTerm(Term term, FixedBitSet allowed, FixedBitSet result)
    {
        if (!_termsEnums.TryGetValue(term.Field, out var terms))
        {
            // One enumerator per field and segment: opening one costs more than a seek.
            terms = _context.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            _termsEnums[term.Field] = terms;
        }

        if (terms is not null && terms.SeekExact(term.Bytes))
        {
            _docs = terms.Docs(allowed, _docs, DocsFlags.NONE);
            result.Or(_docs);
        }
    }

    private FixedBitSet Boolean(BooleanQuery query, FixedBitSet allowed)
    {
        var clauses = query.Clauses;
        var required = clauses.Where(c => c.Occur == Occur.MUST).Select(c => c.Query).OrderBy(Cost).ToList();
        var optional = clauses.Where(c => c.Occur == Occur.SHOULD).Select(c => c.Query).ToList();
        var prohibited = clauses.Where(c => c.Occur == Occur.MUST_NOT).Select(c => c.Query).ToList();
        // Lucene's rule: without required clauses at least one optional clause must match; a purely negative query matches nothing.
        var minimum = required.Count == 0 ? Math.Max(1, query.MinimumNumberShouldMatch) : query.MinimumNumberShouldMatch;
        if (minimum > optional.Count || (required.Count == 0 && optional.Count == 0))
        {
            return _scratch.New(allowed.Length);
        }

        if (minimum == optional.Count)
        {
            // Every optional clause must match: they are required in all but name.
            required = [.. required.Concat(optional).OrderBy(Cost)];
            optional = [];
            minimum = 0;
        }

        var current = allowed;
        foreach (var clause in required)
        {
            current = Match(clause, current);
            if (current.Cardinality == 0)
            {
                return current;
            }
        }

        if (minimum == 1)
        {
            current = Any(optional, 1, current);
        }
        else if (minimum > 1)
        {
            current = Any(optional, minimum, current);
        }

        foreach (var clause in prohibited)
        {
            if (ReferenceEquals(current, allowed))
            {
                current = _scratch.Copy(allowed);
            }

            current.AndNot(Match(clause, current));
        }

        return ReferenceEquals(current, allowed) ? _scratch.Copy(allowed) : current;
    }

    /// <summary>Documents of <paramref name="allowed"/> matched by at least <paramref name="minimum"/> of the queries.</summary>
    private FixedBitSet Any(IEnumerable<Query> queries, int minimum, FixedBitSet allowed)
    {
        var ordered = queries.OrderBy(Cost).ToList();
        var result = _scratch.New(allowed.Length);
        if (minimum <= 1)
        {
            foreach (var q in ordered)
            {
                if (q is TermQuery t)
                {
                    OrTerm(t.Term, allowed, result);
                    continue;
                }

                // Only the documents no clause has matched yet can change the outcome.
                var undecided = _scratch.Copy(allowed);
                undecided.AndNot(result);
                if (undecided.Cardinality == 0)
                {
                    break;
                }

                result.Or(Match(q, undecided));
            }

            return result;
        }

        var counts = new byte[allowed.Length];
        foreach (var q in ordered)
        {
            var matched = Match(q, allowed);
            for (var doc = matched.NextSetBit(0); doc >= 0; doc = doc + 1 < matched.Length ? matched.NextSetBit(doc + 1) : -1)
            {
                if (++counts[doc] == minimum)
                {
                    result.Set(doc);
                }
            }
        }

        return result;
    }

    /// <summary>Any other query, by its own scorer restricted to the allowed documents.</summary>
    private FixedBitSet Scored(Query query, FixedBitSet allowed)
    {
        var result = _scratch.New(allowed.Length);
        if (!_weights.TryGetValue(query, out var weight))
        {
            weight = _searcher.CreateNormalizedWeight(query);
            _weights[query] = weight;
        }

        var scorer = weight.GetScorer(_context, allowed);
        if (scorer is not null)
        {
            result.Or(scorer);
        }

        return result;
    }

    /// <summary>Cheap nodes first: terms, then combinations, then what needs a scorer (positions, ranges).</summary>
    private static int Cost(Query q) => q switch
    {
        TermQuery => 0,
        DisjunctionMaxQuery or BooleanQuery => 1,
        _ => 2,
    };
}
