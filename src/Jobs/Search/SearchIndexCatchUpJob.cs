using Jobs.Search.Postings;

namespace Jobs.Background.Search;

/// <summary>
/// Brings this process's postings index up to date with changes another process committed to the shared database (a
/// command-line import, a second API process). Changes made here are indexed at once; this covers the rest within a minute.
/// Safe to run twice: re-indexing a posting writes the same document.
/// </summary>
public sealed class SearchIndexCatchUpJob(PostingIndex postings)
{
    public const string RecurringId = "search-index-catch-up";

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => postings.CatchUpAsync(cancellationToken);
}
