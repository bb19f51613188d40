namespace Jobs.Core.Common;

/// <summary>
/// Told after postings are committed to the database, so derived stores (the search index) follow. Core knows nothing
/// of search; the search project registers an implementation.
/// </summary>
public interface IPostingChangeObserver
{
    Task PostingsChangedAsync(IReadOnlyCollection<long> postingIds, CancellationToken cancellationToken);
}

/// <summary>Told after résumés are committed to the database.</summary>
public interface IResumeChangeObserver
{
    Task ResumesChangedAsync(IReadOnlyCollection<long> resumeIds, CancellationToken cancellationToken);
}
