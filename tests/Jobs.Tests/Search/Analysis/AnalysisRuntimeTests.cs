using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using static Jobs.Tests.Search.Analysis.AnalysisTestKit;

namespace Jobs.Tests.Search.Analysis;

public class AnalysisRuntimeTests
{
    private static readonly string[] Samples =
    [
        "南京市江宁区招聘Java开发工程师，熟悉ASP.NET Core、C#、Node.js，五险一金，双休。",
        "誠聘軟體工程師：熟悉網路伺服器與資料庫維運，週休二日。",
        "马鞍山市雨山区普工包吃住，两班倒，月薪5000-8000元。",
        "深圳市南山区产品经理，3年以上经验，本科及以上学历，应届生亦可。",
        "ＵＩ／ＵＸ设计师，精通Ｆｉｇｍａ，会３Ｄ建模者优先。",
        "护士、药剂师、康复治疗师若干名，济宁市任城区。",
    ];

    [Fact]
    public void Analyzers_ParallelAnalysis_SameTokensAsSequential()
    {
        var analyzers = new[]
        {
            ChineseAnalysis.WordAnalyzer, ChineseAnalysis.BigramIndexAnalyzer, ChineseAnalysis.BigramQueryAnalyzer,
            ChineseAnalysis.PinyinIndexAnalyzer, ChineseAnalysis.PinyinQueryAnalyzer,
        };
        var expected = analyzers.Select(a => Samples.Select(s => Analyze(a, s)).ToArray()).ToArray();
        var mismatches = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var a = i % analyzers.Length;
            var s = i / analyzers.Length % Samples.Length;
            if (!expected[a][s].SequenceEqual(Analyze(analyzers[a], Samples[s])))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void PublicHelpers_ParallelCalls_SameResultsAsSequential()
    {
        var expected = Samples.Select(s => (ChineseAnalysis.Fold(s), string.Join("|", ChineseAnalysis.Segment(s)), ChineseAnalysis.ToPinyin(s))).ToArray();
        var mismatches = 0;

        Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var s = Samples[i % Samples.Length];
            if (expected[i % Samples.Length] != (ChineseAnalysis.Fold(s), string.Join("|", ChineseAnalysis.Segment(s)), ChineseAnalysis.ToPinyin(s)))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Analyzer_EndOfStream_FinalOffsetIsTextLength()
    {
        const string text = "軟體工程師。";
        using var stream = ChineseAnalysis.WordAnalyzer.GetTokenStream("field", text);
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();

        Assert.Equal(text.Length, offset.EndOffset);
    }

    [Fact]
    public void Analyzer_LongField_AllTokensWithinText()
    {
        var text = string.Concat(Enumerable.Repeat(Samples[0] + Samples[1], 150));

        var tokens = Analyze(ChineseAnalysis.WordAnalyzer, text);

        Assert.True(tokens.Count > 3000);
        var folded = ChineseAnalysis.Fold(text);
        Assert.All(tokens, t => Assert.Equal(t.Term, folded[t.Start..t.End]));
    }

    [Fact]
    public void Create_ShippedDataFiles_NoWarnings()
    {
        Assert.Empty(ChineseAnalysis.Warnings);
    }

    [Fact]
    public void Create_OverrideDirectory_FilesThereWinOthersFallBack()
    {
        var directory = Directory.CreateTempSubdirectory("jobs-analysis-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "regional-words.txt"), "# test\n軟體\t软件\n記憶體\t内存\n印表機\n");
            File.WriteAllText(Path.Combine(directory.FullName, "dictionary.txt"), "后端\n-五险一金\n后端C#\n");

            using var analysis = ChineseTextAnalysis.Create(CityDirectory.LoadEmbedded(), directory.FullName);

            // 記憶體 → 内存 differs in length: queries only, indexed text keeps its offsets.
            Assert.DoesNotContain(analysis.Warnings, w => w.Contains("regional-words.txt:3", StringComparison.Ordinal));
            Assert.Contains(analysis.Warnings, w => w.Contains("regional-words.txt:4", StringComparison.Ordinal));
            Assert.Contains(analysis.Warnings, w => w.Contains("dictionary.txt:3", StringComparison.Ordinal));
            Assert.Equal("软件记忆体", analysis.Fold("軟體記憶體"));
            Assert.Equal("软件内存", analysis.FoldQuery("軟體記憶體"));
            Assert.Equal(["后端"], analysis.Segment("后端"));
            Assert.Equal(["五", "险", "一", "金"], analysis.Segment("五险一金"));
            Assert.Equal(["马鞍山市", "雨山区"], analysis.Segment("马鞍山市雨山区"));
            Assert.Equal("chang sha", analysis.ToPinyin("长沙"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
