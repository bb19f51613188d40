using System.ComponentModel.DataAnnotations;

namespace Jobs.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder for the Lucene indexes; relative paths are under the storage data directory.</summary>
    [Required]
    public string IndexDirectory { get; set; } = "index";

    /// <summary>Folder with editable analysis data (dictionary, regional words, vocabulary); empty means the copies shipped beside the binaries.</summary>
    public string? AnalysisDataDirectory { get; set; }

    /// <summary>
    /// Segmenter for the word field: Icu (default), SmartCnGaps or SmartCnTitles; see the README's SmartCn table. A change
    /// needs an index rebuild (delete the index folder) to take effect on postings already indexed.
    /// </summary>
    [EnumDataType(typeof(Analysis.ChineseSegmenter))]
    public Analysis.ChineseSegmenter Segmenter { get; set; } = Analysis.ChineseSegmenter.Icu;

    /// <summary>How often the searcher is reopened to show new changes; well under the one-second visibility promise.</summary>
    [Range(10, 1000)]
    public int RefreshIntervalMilliseconds { get; set; } = 200;

    /// <summary>How often pending changes are committed to disk (durability). A crash loses nothing: the database is the record.</summary>
    [Range(1, 3600)]
    public int CommitIntervalSeconds { get; set; } = 5;

    /// <summary>Documents per batch while rebuilding an index from the database.</summary>
    [Range(100, 100_000)]
    public int RebuildBatchSize { get; set; } = 5000;

    /// <summary>
    /// Segments a full rebuild of the postings index ends with, of near-equal size: one search runs one thread per segment,
    /// so one per core answers a single search soonest (two on the project's two cores). 1 gives the smallest index.
    /// </summary>
    [Range(1, 16)]
    public int RebuildSegments { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>How much a brand-new posting's relevance is raised over an old one (score × (1 + weight × 2^(−age/half-life))).</summary>
    [Range(0, 10)]
    public double FreshnessWeight { get; set; } = 0.5;

    [Range(1, 365)]
    public double FreshnessHalfLifeDays { get; set; } = 14;

    /// <summary>How much posting quality (salary given, skills, description) raises relevance.</summary>
    [Range(0, 10)]
    public double QualityWeight { get; set; } = 0.3;

    /// <summary>
    /// When fewer postings than this match every word, the search relaxes step by step (drops the least informative words,
    /// then requires fewer, then parts of words) and lists the relaxed hits after the exact ones; 0 turns relaxation off.
    /// </summary>
    [Range(0, 1000)]
    public int RelaxBelowHits { get; set; } = 10;

    /// <summary>Postings of one employer on the first page of a relevance search while others remain.</summary>
    [Range(1, 100)]
    public int PostingsPerEmployer { get; set; } = 2;
}
