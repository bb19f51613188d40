using Lucene.Net.Analysis;

namespace Jobs.Search.Analysis;

/// <summary>A Lucene analyzer over <see cref="ChineseTokenizer"/>; Lucene keeps one tokenizer per thread and reuses it.</summary>
internal sealed class ChineseAnalyzer(ChineseTextAnalysis analysis, AnalysisMode mode)
    : Analyzer(WholeRunSmartCn(analysis, mode) ? PER_FIELD_REUSE_STRATEGY : GLOBAL_REUSE_STRATEGY)
{
    /// <summary>
    /// Values of a multi-valued field (skills, districts) are this many positions apart, so a phrase or bigram
    /// sequence never matches across two values.
    /// </summary>
    public const int ValueGap = 100;

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new ChineseTokenizer(analysis, mode, reader, wholeRunSmartCn: WholeRunSmartCn(analysis, mode) && analysis.SmartCnFields.Contains(fieldName)));

    // With SmartCn on some fields only, the tokenizer depends on the field, so Lucene must keep one per field.
    private static bool WholeRunSmartCn(ChineseTextAnalysis analysis, AnalysisMode mode) => mode == AnalysisMode.Word && analysis.SmartCnFields.Count > 0;
}
