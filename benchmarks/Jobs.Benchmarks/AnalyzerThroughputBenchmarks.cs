using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Icu;
using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Lucene.Net.Analysis;

namespace Jobs.Benchmarks;

/// <summary>
/// Single-thread throughput of the Chinese analyzers against ICU's bare word break over the same text: generated
/// posting titles and descriptions, about a tenth of them in Traditional characters. Each operation analyses the
/// whole corpus once; the Chars/s column divides the corpus size by the mean time.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class AnalyzerThroughputBenchmarks
{
    private ChineseTextAnalysis _analysis = null!;
    private ChineseTextAnalysis _withoutRegionalWords = null!;
    private string _emptyDataDirectory = "";
    private RuleBasedBreakIterator _icu = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _texts = PostingCorpus.Texts;
        _analysis = ChineseTextAnalysis.Create(CityDirectory.LoadEmbedded());

        // The same analysis with an empty regional-words.txt (the other files fall back to the shipped ones).
        _emptyDataDirectory = Directory.CreateTempSubdirectory("jobs-bench-").FullName;
        File.WriteAllText(Path.Combine(_emptyDataDirectory, "regional-words.txt"), "");
        _withoutRegionalWords = ChineseTextAnalysis.Create(CityDirectory.LoadEmbedded(), _emptyDataDirectory);
        _icu = new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, new Locale("zh"));

        // Warm the lookup tables and this thread's ICU iterator outside the measurement.
        Run(_analysis.WordAnalyzer);
        Run(_analysis.PinyinIndexAnalyzer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _icu.Dispose();
        _analysis.Dispose();
        _withoutRegionalWords.Dispose();
        Directory.Delete(_emptyDataDirectory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Raw ICU word break")]
    public int RawIcuWordBreak()
    {
        var boundaries = 0;
        foreach (var text in _texts)
        {
            _icu.SetText(text);
            _icu.MoveFirst();
            while (_icu.MoveNext() != BreakIterator.DONE)
            {
                boundaries += _icu.GetRuleStatus() == 0 ? 0 : 1;
            }
        }

        return boundaries;
    }

    [Benchmark(Description = "WordAnalyzer")]
    public int WordAnalyzer() => Run(_analysis.WordAnalyzer);

    [Benchmark(Description = "WordAnalyzer, ICU memo off")]
    public int WordAnalyzerWithoutGapMemo()
    {
        // Every ICU gap goes to ICU again: the bound for text that repeats no phrase at all.
        IcuRuntime.GapMemoEnabled = false;
        try
        {
            return Run(_analysis.WordAnalyzer);
        }
        finally
        {
            IcuRuntime.GapMemoEnabled = true;
        }
    }

    [Benchmark(Description = "BigramIndexAnalyzer")]
    public int BigramIndexAnalyzer() => Run(_analysis.BigramIndexAnalyzer);

    [Benchmark(Description = "Fold (width, regional words, Hant-Hans)")]
    public int Fold() => FoldAll(_analysis);

    [Benchmark(Description = "Fold without regional words")]
    public int FoldWithoutRegionalWords() => FoldAll(_withoutRegionalWords);

    // The first step of every analyzer, alone: it runs on every indexed character, so a bigger regional table must not slow it.
    private int FoldAll(ChineseTextAnalysis analysis)
    {
        var length = 0;
        foreach (var text in _texts)
        {
            length += analysis.Fold(text).Length;
        }

        return length;
    }

    [Benchmark(Description = "PinyinIndexAnalyzer")]
    public int PinyinIndexAnalyzer() => Run(_analysis.PinyinIndexAnalyzer);

    private int Run(Analyzer analyzer)
    {
        var tokens = 0;
        foreach (var text in _texts)
        {
            using var stream = analyzer.GetTokenStream("text", text);
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens++;
            }

            stream.End();
        }

        return tokens;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new CharsPerSecondColumn(() => PostingCorpus.TotalChars));
    }
}
