namespace Jobs.Search.Analysis;

/// <summary>
/// Which segmenter cuts ideograph runs for the word field (option <c>Search:Segmenter</c>). Issue 17 asked for SmartCn
/// to be weighed against ICU by judged nDCG and build rate; the table is in the README's Search section.
/// </summary>
public enum ChineseSegmenter
{
    /// <summary>Domain dictionary first, ICU's word break for the stretches it does not cover (the default).</summary>
    Icu,

    /// <summary>Domain dictionary first, SmartCn (HMM) for the uncovered stretches, on text already folded to Simplified.</summary>
    SmartCnGaps,

    /// <summary>SmartCn alone for titles and queries (after folding); every other field stays on <see cref="Icu"/>.</summary>
    SmartCnTitles,
}
