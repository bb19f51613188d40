using Jobs.Search.Querying;
using Lucene.Net.Util;

namespace Jobs.Tests.Search;

public sealed class BitSetScratchTests
{
    [Fact]
    public void New_AfterDirtySetWasGivenBack_ReturnsEmptySetOfRequestedLength()
    {
        // An odd size no other test uses, so the pool's shelf for it holds only this test's arrays.
        const int bits = 100_003;
        using (var first = new BitSetScratch())
        {
            var dirty = first.New(bits);
            dirty.Set(0, bits);
            Assert.Equal(bits, dirty.Cardinality);
        }

        using var second = new BitSetScratch();
        var reused = second.New(bits);
        Assert.Equal(bits, reused.Length);
        Assert.Equal(0, reused.Cardinality);
    }

    [Fact]
    public void Copy_SetWithBits_HoldsSameBitsAndIsIndependent()
    {
        var source = new FixedBitSet(1_000);
        source.Set(3);
        source.Set(999);
        using var scratch = new BitSetScratch();
        var copy = scratch.Copy(source);
        copy.Set(500);

        Assert.True(copy.Get(3) && copy.Get(999) && copy.Get(500));
        Assert.False(source.Get(500));
        Assert.Equal(2, source.Cardinality);
    }

    [Fact]
    public void New_TwoSetsInOneScratch_DoNotShareStorage()
    {
        using var scratch = new BitSetScratch();
        var a = scratch.New(4_096);
        var b = scratch.New(4_096);
        a.Set(7);

        Assert.False(b.Get(7));
        Assert.NotSame(a.GetBits(), b.GetBits());
    }
}
