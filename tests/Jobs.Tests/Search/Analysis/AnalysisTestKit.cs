using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Jobs.Tests.Search.Analysis;

/// <summary>One token as a test sees it: term, offsets into the original text, position increment.</summary>
public sealed record AnalyzedToken(string Term, int Start, int End, int PositionIncrement);

/// <summary>The shipped analysis, built once for all analysis tests (the first build fills ICU tables, about a second).</summary>
internal static class AnalysisTestKit
{
    private static readonly Lazy<ChineseTextAnalysis> Shared = new(() => ChineseTextAnalysis.Create(CityDirectory.LoadEmbedded()));

    public static ChineseTextAnalysis ChineseAnalysis => Shared.Value;

    public static List<AnalyzedToken> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream("field", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }

        stream.End();
        return tokens;
    }

    public static List<string> Terms(Analyzer analyzer, string text) => Analyze(analyzer, text).Select(t => t.Term).ToList();
}
