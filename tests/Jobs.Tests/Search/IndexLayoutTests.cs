using System.Globalization;
using Jobs.Search.Indexing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Jobs.Tests.Search;

/// <summary>How a rebuilt index is laid out on disk: balanced segments and compactly packed norms.</summary>
public sealed class IndexLayoutTests
{
    private static readonly string[] Words = ["java", "会计", "开发", "工程师", "销售", "护士", "运维", "普工", "叉车", "司机"];

    private static void AddDocuments(IndexWriter writer, int count)
    {
        var random = new Random(11);
        for (var i = 0; i < count; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => Words[random.Next(Words.Length)]));
            writer.AddDocument([new StringField("id", i.ToString(CultureInfo.InvariantCulture), Field.Store.NO), new TextField("text", text, Field.Store.NO)]);
        }
    }

    private static IndexWriterConfig Config(MergePolicy policy) =>
        new(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MaxBufferedDocs = 100, MergePolicy = policy };

    [Fact]
    public void ForceMerge_ManyFlushedSegmentsIntoTwo_HalvesDifferByLessThanOneFlush()
    {
        using var directory = new RAMDirectory();
        var suspended = true;
        using (var writer = new IndexWriter(directory, Config(new BalancedForceMergePolicy(new TieredMergePolicy(), () => suspended))))
        {
            AddDocuments(writer, 2_050);
            writer.Commit();
            Assert.True(DirectoryReader.Open(directory).Leaves.Count > 10, "merges were suspended, so every flush is a segment");
            suspended = false;
            writer.ForceMerge(2);
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2, reader.Leaves.Count);
        Assert.Equal(2_050, reader.NumDocs);
        var sizes = reader.Leaves.Select(l => l.AtomicReader.MaxDoc).ToList();
        Assert.True(Math.Abs(sizes[0] - sizes[1]) <= 100, $"segments of {sizes[0]} and {sizes[1]} documents");
    }

    [Fact]
    public void ForceMerge_ToOneSegment_MergesEverything()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, Config(new BalancedForceMergePolicy(new TieredMergePolicy(), () => false))))
        {
            AddDocuments(writer, 1_000);
            writer.ForceMerge(1);
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        Assert.Equal(1_000, reader.NumDocs);
    }

    [Fact]
    public void CompactNormsCodec_IndexReadByStandardCodec_SameNormsInFewerBytes()
    {
        using var standard = new RAMDirectory();
        using var compact = new RAMDirectory();
        foreach (var (directory, codec) in new[] { (standard, (Lucene.Net.Codecs.Codec?)null), (compact, new CompactNormsCodec()) })
        {
            var config = Config(NoMergePolicy.NO_COMPOUND_FILES);
            config.MaxBufferedDocs = 10_000;
            config.UseCompoundFile = false;
            if (codec is not null)
            {
                config.Codec = codec;
            }

            using var writer = new IndexWriter(directory, config);
            AddDocuments(writer, 3_000);
        }

        // DirectoryReader.Open resolves the codec by the name in the segment: the standard Lucene46 one for both.
        using var standardReader = DirectoryReader.Open(standard);
        using var compactReader = DirectoryReader.Open(compact);
        var expected = standardReader.Leaves.Single().AtomicReader.GetNormValues("text")!;
        var actual = compactReader.Leaves.Single().AtomicReader.GetNormValues("text")!;
        for (var doc = 0; doc < 3_000; doc++)
        {
            Assert.Equal(expected.Get(doc), actual.Get(doc));
        }

        static long NormBytes(RAMDirectory d) => d.ListAll().Where(f => f.EndsWith(".nvd", StringComparison.Ordinal)).Sum(d.FileLength);
        Assert.True(NormBytes(compact) < NormBytes(standard) * 0.8, $"norms {NormBytes(compact)} bytes against {NormBytes(standard)}");
    }
}
