using Lucene.Net.Analysis;

namespace Jobs.Search.Analysis;

/// <summary>A Lucene analyzer over <see cref="ChineseTokenizer"/>; Lucene keeps one tokenizer per thread and reuses it.</summary>
/// <remarks>
/// The word tokenizer may depend on the field (Search:Segmenter = SmartCnTitles), so word analyzers keep one tokenizer per
/// thread and field: a dictionary lookup per field.
/// </remarks>
internal sealed class ChineseAnalyzer(ChineseTextAnalysis analysis, AnalysisMode mode)
    : Analyzer(mode == AnalysisMode.Word ? PER_FIELD_REUSE_STRATEGY : GLOBAL_REUSE_STRATEGY)
{
    /// <summary>
    /// Values of a multi-valued field (skills, districts) are this many positions apart, so a phrase or bigram
    /// sequence never matches across two values.
    /// </summary>
    public const int ValueGap = 100;

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new ChineseTokenizer(analysis, mode, reader, wholeRunSmartCn: mode == AnalysisMode.Word && analysis.SmartCnFields.Contains(fieldName)));
}
