using Jobs.Search.Postings;
using Microsoft.Extensions.Options;

namespace Jobs.Search.Suggest;

/// <summary>
/// "你要找的是不是：…" for a search that found nothing or little: the <see cref="SpellingCorrector"/> proposes a corrected
/// query, and it is offered only when searching it with the same filters finds clearly more open postings.
/// </summary>
public sealed class DidYouMeanService(PostingSearchService search, SearchLexiconProvider lexicon, IOptions<SuggestOptions> options)
{
    /// <summary>The corrected query text, or null. <paramref name="total"/> is what the request found as typed.</summary>
    public async Task<string?> SuggestAsync(PostingSearchRequest request, PostingSearchResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        // Relaxed hits are what a typo produces; only postings matching the words as typed count as found.
        var total = ExactTotal(result);
        var settings = options.Value;
        if (total > settings.FewResults || string.IsNullOrWhiteSpace(request.Query))
        {
            return null;
        }

        var corrected = lexicon.Current.Spelling.Correct(request.Query);
        if (corrected is null)
        {
            return null;
        }

        var found = ExactTotal(await search.SearchAsync(request with { Query = corrected, Page = 1, PageSize = 1, Cursor = null }, cancellationToken));
        return found >= Math.Max(1, settings.CorrectionRatio * total) && found > total ? corrected : null;
    }

    private static int ExactTotal(PostingSearchResult result) => result.Relaxed?.ExactTotal ?? result.Total;
}
