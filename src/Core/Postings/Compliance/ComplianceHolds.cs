using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Postings.Compliance;

/// <summary>
/// Sets or lifts a posting's <see cref="PostingHolds.ComplianceReview"/> from its checked text and stores the findings; the
/// one rule for postings from the API, the pages and feeds. Only that hold bit is touched, never another reason.
/// </summary>
public static class ComplianceHolds
{
    /// <summary>
    /// The holds after a check: held while some finding is not covered by the latest approval (an approval covers the
    /// findings it was given, so an edit that keeps the approved words stays public and one that adds new words is held).
    /// </summary>
    public static PostingHolds Decide(PostingHolds current, IReadOnlyList<ComplianceIssue> held, IReadOnlyCollection<string>? approved)
    {
        var needsReview = held.Any(i => approved is null || !approved.Contains(i.Key));
        return needsReview ? current | PostingHolds.ComplianceReview : current & ~PostingHolds.ComplianceReview;
    }

    /// <summary>The findings covered by each posting's latest approval (postings never approved are absent).</summary>
    public static async Task<Dictionary<long, HashSet<string>>> ApprovedAsync(JobsDbContext db, IReadOnlyCollection<long> postingIds,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, HashSet<string>>();
        foreach (var chunk in postingIds.Chunk(500))
        {
            var latest = await db.ComplianceReviews.AsNoTracking()
                .Where(r => chunk.Contains(r.PostingId) && r.Decision == ComplianceDecision.Approved)
                .GroupBy(r => r.PostingId)
                .Select(g => g.OrderByDescending(r => r.Id).Select(r => new { r.PostingId, r.Findings }).First())
                .ToListAsync(cancellationToken);
            foreach (var r in latest)
            {
                result[r.PostingId] = r.Findings.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            }
        }

        return result;
    }

    /// <summary>Replaces the stored findings of a posting with those of its current text (tracked; the caller saves).</summary>
    public static async Task ReplaceFindingsAsync(JobsDbContext db, long postingId, IReadOnlyList<ComplianceIssue> held, DateTime now,
        CancellationToken cancellationToken)
    {
        var old = await db.ComplianceFindings.Where(f => f.PostingId == postingId).ToListAsync(cancellationToken);
        db.ComplianceFindings.RemoveRange(old);
        db.ComplianceFindings.AddRange(held.Select(i => ComplianceFinding.From(postingId, i, now)));
    }

    /// <summary>The stored findings of held postings, by posting; one query for a page of postings.</summary>
    public static async Task<Dictionary<long, List<ComplianceIssue>>> FindingsAsync(JobsDbContext db, IReadOnlyCollection<long> postingIds,
        CancellationToken cancellationToken)
    {
        if (postingIds.Count == 0)
        {
            return [];
        }

        var rows = await db.ComplianceFindings.AsNoTracking().Where(f => postingIds.Contains(f.PostingId)).OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(f => f.PostingId).ToDictionary(g => g.Key, g => g.Select(f => f.ToIssue()).ToList());
    }

    /// <summary>The reason of each posting whose latest decision sent it back to its employer.</summary>
    public static async Task<Dictionary<long, string>> ReturnedAsync(JobsDbContext db, IReadOnlyCollection<long> postingIds,
        CancellationToken cancellationToken)
    {
        if (postingIds.Count == 0)
        {
            return [];
        }

        var latest = await db.ComplianceReviews.AsNoTracking().Where(r => postingIds.Contains(r.PostingId))
            .GroupBy(r => r.PostingId)
            .Select(g => g.OrderByDescending(r => r.Id).Select(r => new { r.PostingId, r.Decision, r.Reason }).First())
            .ToListAsync(cancellationToken);
        return latest.Where(r => r.Decision == ComplianceDecision.Returned).ToDictionary(r => r.PostingId, r => r.Reason ?? "");
    }

    /// <summary>
    /// After a re-check of a posting's text: findings replaced, the hold set or lifted, and a posting that had been sent back
    /// and is still held goes back into the queue (tracked; the caller saves).
    /// </summary>
    public static async Task RecheckAsync(JobsDbContext db, Posting posting, IReadOnlyList<ComplianceIssue> held, long? byUserId, DateTime now,
        CancellationToken cancellationToken)
    {
        var approved = (await ApprovedAsync(db, [posting.Id], cancellationToken)).GetValueOrDefault(posting.Id);
        posting.Holds = Decide(posting.Holds, held, approved);
        await ReplaceFindingsAsync(db, posting.Id, held, now, cancellationToken);
        if (posting.Holds.HasFlag(PostingHolds.ComplianceReview)
            && (await ReturnedAsync(db, [posting.Id], cancellationToken)).ContainsKey(posting.Id))
        {
            db.ComplianceReviews.Add(new ComplianceReview
            {
                PostingId = posting.Id,
                Decision = ComplianceDecision.Resubmitted,
                ReviewerUserId = byUserId,
                DecidedAt = now,
                Findings = string.Join('\n', held.Select(i => i.Key)),
            });
        }
    }
}
