using System.Collections.Concurrent;
using Lucene.Net.Util;

namespace Jobs.Search.Querying;

/// <summary>
/// The bit sets one search needs for a while and then drops, taken from a shared pool and given back on dispose. At a
/// million postings a set is 122 KiB, above the large-object threshold: a query over a dozen terms allocated a few MiB
/// of them, and the background collections those caused took a fifth of the process's CPU under the search load.
/// </summary>
internal sealed class BitSetScratch : IDisposable
{
    /// <summary>Kept per size; beyond it returned arrays are left to the collector (eight busy searches fit).</summary>
    private const int KeptPerSize = 256;

    private static readonly ConcurrentDictionary<int, Shelf> Free = new();

    private readonly List<long[]> _rented = [];

    /// <summary>An empty set of <paramref name="numBits"/> bits, valid until this scratch is disposed.</summary>
    public FixedBitSet New(int numBits)
    {
        var words = FixedBitSet.Bits2words(numBits);
        // Pooled arrays are cleared when given back, so a rented one is already empty.
        var bits = Free.TryGetValue(words, out var shelf) && shelf.TryTake(out var pooled) ? pooled : new long[words];
        _rented.Add(bits);
        return new FixedBitSet(bits, numBits);
    }

    /// <summary>A copy of <paramref name="source"/>, valid until this scratch is disposed.</summary>
    public FixedBitSet Copy(FixedBitSet source)
    {
        var copy = New(source.Length);
        var from = source.GetBits();
        Array.Copy(from, copy.GetBits(), FixedBitSet.Bits2words(source.Length));
        return copy;
    }

    public void Dispose()
    {
        foreach (var bits in _rented)
        {
            Free.GetOrAdd(bits.Length, _ => new Shelf()).Give(bits);
        }

        _rented.Clear();
    }

    /// <summary>Free arrays of one size, with a count (a concurrent stack counts by walking itself).</summary>
    private sealed class Shelf
    {
        private readonly ConcurrentStack<long[]> _arrays = new();
        private int _count;

        public bool TryTake(out long[] bits)
        {
            if (_arrays.TryPop(out bits!))
            {
                Interlocked.Decrement(ref _count);
                return true;
            }

            return false;
        }

        public void Give(long[] bits)
        {
            if (Interlocked.Increment(ref _count) > KeptPerSize)
            {
                Interlocked.Decrement(ref _count);
                return;
            }

            Array.Clear(bits);
            _arrays.Push(bits);
        }
    }
}
