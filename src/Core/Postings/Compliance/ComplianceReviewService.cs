using Jobs.Core.ChangeLog;
using Jobs.Core.Common;
using Jobs.Core.Notifications;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Postings.Compliance;

/// <summary>A posting waiting for compliance review, with what holds it.</summary>
public sealed record HeldPosting(Posting Posting, string EmployerName, IReadOnlyList<ComplianceIssue> Findings, bool Resubmitted);

/// <summary>
/// The organisers' review of postings held for compliance: the queue of their city (admins: every city), approval (lifts only
/// the compliance hold and remembers the approved findings) and sending back to the employer with a reason (the posting stays
/// held and leaves the queue until the employer edits it; the employer is notified).
/// </summary>
public sealed class ComplianceReviewService(JobsDbContext db, TimeProvider clock, IEnumerable<IPostingChangeObserver> observers)
{
    public const string NotificationKind = "compliance-review";

    public async Task<ServiceResult<PagedResult<HeldPosting>>> ListHeldAsync(Actor actor, string? cityCode, PageRequest page,
        CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return ServiceResult<PagedResult<HeldPosting>>.Forbidden("只有组织方或管理员可以审核职位");
        }

        // An organiser reviews its own city; naming another is refused rather than silently showing its own.
        var city = cityCode ?? (actor.IsOrganiser ? actor.CityCode : null);
        if (city is not null && !actor.ActsForCity(city))
        {
            return ServiceResult<PagedResult<HeldPosting>>.Forbidden("组织方只能审核本市的职位");
        }

        var held = db.Postings.AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && (p.Holds & PostingHolds.ComplianceReview) == PostingHolds.ComplianceReview)
            .Where(p => db.ComplianceReviews.Where(r => r.PostingId == p.Id).OrderByDescending(r => r.Id).Select(r => r.Decision)
                .FirstOrDefault() != ComplianceDecision.Returned);
        if (city is not null)
        {
            held = held.Where(p => p.CityCode == city);
        }

        var total = await held.CountAsync(cancellationToken);
        var rows = await (from p in held.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).Skip(page.Skip).Take(page.PageSize)
                          join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                          select new { Posting = p, EmployerName = e.Name }).ToListAsync(cancellationToken);
        rows = rows.OrderBy(r => r.Posting.UpdatedAt).ThenBy(r => r.Posting.Id).ToList();
        var ids = rows.Select(r => r.Posting.Id).ToList();
        var findings = await ComplianceHolds.FindingsAsync(db, ids, cancellationToken);
        var resubmitted = (await db.ComplianceReviews.AsNoTracking()
            .Where(r => ids.Contains(r.PostingId) && r.Decision == ComplianceDecision.Resubmitted)
            .Select(r => r.PostingId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var items = rows.Select(r => new HeldPosting(r.Posting, r.EmployerName, findings.GetValueOrDefault(r.Posting.Id) ?? [],
            resubmitted.Contains(r.Posting.Id))).ToList();
        return ServiceResult<PagedResult<HeldPosting>>.Ok(new PagedResult<HeldPosting>(total, page.Page, page.PageSize, items));
    }

    /// <summary>One held posting for its reviewer: null when absent, not held or not the actor's to decide.</summary>
    public async Task<ServiceResult<HeldPosting>> GetHeldAsync(Actor actor, long postingId, CancellationToken cancellationToken)
    {
        var (posting, problem) = await FindForDecisionAsync(actor, postingId, tracked: false, cancellationToken);
        if (problem is not null)
        {
            return problem.As<HeldPosting>();
        }

        var employerName = await db.Employers.Where(e => e.Id == posting!.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        var findings = await ComplianceHolds.FindingsAsync(db, [postingId], cancellationToken);
        return ServiceResult<HeldPosting>.Ok(new HeldPosting(posting!, employerName, findings.GetValueOrDefault(postingId) ?? [], false));
    }

    public async Task<ServiceResult<ComplianceReview>> ApproveAsync(Actor actor, long postingId, CancellationToken cancellationToken)
    {
        var (posting, problem) = await FindForDecisionAsync(actor, postingId, tracked: true, cancellationToken);
        if (problem is not null)
        {
            return problem.As<ComplianceReview>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var review = await NewReviewAsync(actor, postingId, ComplianceDecision.Approved, reason: null, now, cancellationToken);
        posting!.Holds &= ~PostingHolds.ComplianceReview;
        posting.UpdatedAt = now;
        db.ComplianceReviews.Add(review);
        await NotifyEmployerAsync(posting, "职位已通过合规审核", $"您的职位“{posting.Title}”已通过合规审核。", now, cancellationToken);
        IndexChangeLog.Add(db, IndexChangeKind.Posting, postingId, now);
        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await NotifyIndexAsync(postingId, cancellationToken);
        return ServiceResult<ComplianceReview>.Ok(review);
    }

    /// <summary>A decision on the findings as they stand now; the findings are kept with it, since an edit replaces them.</summary>
    private async Task<ComplianceReview> NewReviewAsync(Actor actor, long postingId, ComplianceDecision decision, string? reason, DateTime now,
        CancellationToken cancellationToken)
    {
        var findings = await db.ComplianceFindings.AsNoTracking().Where(f => f.PostingId == postingId).OrderBy(f => f.Id)
            .Select(f => f.Rule + ":" + f.Words).ToListAsync(cancellationToken);
        return new ComplianceReview
        {
            PostingId = postingId,
            Decision = decision,
            ReviewerUserId = actor.UserId,
            DecidedAt = now,
            Reason = reason,
            Findings = string.Join('\n', findings),
        };
    }

    public async Task<ServiceResult<ComplianceReview>> ReturnAsync(Actor actor, long postingId, string? reason, CancellationToken cancellationToken)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return ServiceResult<ComplianceReview>.Invalid(ValidationErrors.Single("reason", "请填写退回原因，企业会看到它"));
        }

        if (text.Length > ComplianceReview.ReasonMaxLength)
        {
            return ServiceResult<ComplianceReview>.Invalid(ValidationErrors.Single("reason", $"退回原因最多 {ComplianceReview.ReasonMaxLength} 个字符"));
        }

        var (posting, problem) = await FindForDecisionAsync(actor, postingId, tracked: true, cancellationToken);
        if (problem is not null)
        {
            return problem.As<ComplianceReview>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var review = await NewReviewAsync(actor, postingId, ComplianceDecision.Returned, text, now, cancellationToken);
        db.ComplianceReviews.Add(review);
        await NotifyEmployerAsync(posting!, "职位未通过合规审核，请修改", $"您的职位“{posting!.Title}”被退回：{text}。修改职位描述后会重新审核。", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<ComplianceReview>.Ok(review);
    }

    private sealed record Problem(ServiceStatus Status, string Message)
    {
        public ServiceResult<T> As<T>() => new(Status, default, null, Message);
    }

    private async Task<(Posting? Posting, Problem? Problem)> FindForDecisionAsync(Actor actor, long postingId, bool tracked,
        CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return (null, new Problem(ServiceStatus.Forbidden, "只有组织方或管理员可以审核职位"));
        }

        var query = tracked ? db.Postings : db.Postings.AsNoTracking();
        var posting = await query.SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken);
        if (posting is null)
        {
            return (null, new Problem(ServiceStatus.NotFound, $"职位 {postingId} 不存在"));
        }

        if (!actor.ActsForCity(posting.CityCode))
        {
            return (null, new Problem(ServiceStatus.Forbidden, "组织方只能审核本市的职位"));
        }

        if (posting.Status != PostingStatus.Open || !posting.Holds.HasFlag(PostingHolds.ComplianceReview))
        {
            return (null, new Problem(ServiceStatus.Conflict, "该职位没有等待合规审核"));
        }

        return (posting, null);
    }

    private async Task NotifyEmployerAsync(Posting posting, string title, string body, DateTime now, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.EmployerId == posting.EmployerId).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var userId in users)
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = NotificationKind,
                Title = title,
                Body = body,
                Link = $"/api/postings/{posting.Id}",
                DedupKey = $"{NotificationKind}:{posting.Id}:{now.Ticks}",
                CreatedAt = now,
            });
        }
    }

    private async Task NotifyIndexAsync(long id, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.PostingsChangedAsync([id], cancellationToken);
        }
    }
}
