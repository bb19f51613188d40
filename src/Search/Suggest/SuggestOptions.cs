using System.ComponentModel.DataAnnotations;

namespace Jobs.Search.Suggest;

/// <summary>Autocomplete and "did you mean" (section <c>Suggest</c>).</summary>
public sealed class SuggestOptions
{
    public const string Section = "Suggest";

    /// <summary>
    /// How often the suggestion lexicon checks whether the postings index changed and, if so, rebuilds from the database.
    /// A new or closed posting shows in suggestions within this plus the rebuild time (about 6 s at a million postings).
    /// </summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 15;

    /// <summary>Suggestions per request when <c>limit</c> is not given.</summary>
    [Range(1, SuggestionIndex.MaxLimit)]
    public int DefaultLimit { get; set; } = 8;

    /// <summary>Longer <c>q</c> is refused: nobody types a 40-character prefix, and the box stops asking long before.</summary>
    [Range(1, 200)]
    public int MaxQueryLength { get; set; } = 40;

    /// <summary>A search with at most this many results is checked for a spelling correction.</summary>
    [Range(0, 1000)]
    public int FewResults { get; set; } = 3;

    /// <summary>A correction is offered only when it finds at least this many times as many postings (and at least one).</summary>
    [Range(1, 100)]
    public double CorrectionRatio { get; set; } = 2;
}
