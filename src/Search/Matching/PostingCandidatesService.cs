using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Resumes;
using Jobs.Search.Resumes;

namespace Jobs.Search.Matching;

/// <summary>A graduate who fits a posting: the explained score and the résumé as the reader may see it (contact masked unless entitled).</summary>
public sealed record PostingCandidate(CandidateMatch Match, ResumeView Resume);

/// <summary>
/// "Graduates who fit this posting" for a reader: who may ask (the posting's employer, organisers, admins) and the résumés
/// read through the one masking rule. The API endpoint and the employer's page both call it.
/// </summary>
public sealed class PostingCandidatesService(PostingService postings, ResumeService resumes, CandidateMatchService matcher)
{
    /// <summary>The posting when the actor may see its candidates; not found or forbidden otherwise.</summary>
    public async Task<ServiceResult<PostingView>> PostingForAsync(Actor actor, long postingId, CancellationToken cancellationToken)
    {
        var posting = await postings.GetAsync(postingId, cancellationToken);
        if (posting is null)
        {
            return ServiceResult<PostingView>.NotFound($"职位 {postingId} 不存在");
        }

        return actor.IsAdmin || actor.IsOrganiser || (actor.IsEmployer && actor.EmployerId == posting.Posting.EmployerId)
            ? ServiceResult<PostingView>.Ok(posting)
            : ServiceResult<PostingView>.Forbidden("只有发布该职位的企业、组织方和管理员可以查看匹配的毕业生");
    }

    /// <summary>Candidates for a posting <see cref="PostingForAsync"/> returned, best first.</summary>
    public async Task<MatchResult<PostingCandidate>> ListAsync(Actor actor, Posting posting, ResumeSearchRequest request, CancellationToken cancellationToken)
    {
        // Hidden résumés are not in the index; the readers allowed here (employers, organisers, admins) may read the other two kinds.
        var result = await matcher.MatchAsync(posting, request with { Visibilities = [ResumeVisibility.Public, ResumeVisibility.EmployersOnly] },
            cancellationToken);
        // Résumés are read through the one masking rule, as résumé search does: no phone numbers unless entitled.
        var views = await resumes.GetManyAsync(actor, result.Items.Select(i => i.ResumeId).ToArray(), cancellationToken);
        var items = result.Items.Where(i => views.ContainsKey(i.ResumeId)).Select(i => new PostingCandidate(i, views[i.ResumeId])).ToArray();
        return new MatchResult<PostingCandidate>(result.Total, result.Page, result.PageSize, items, result.NextCursor);
    }
}
