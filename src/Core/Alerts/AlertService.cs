using Jobs.Core.Common;
using Jobs.Core.Notifications;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Alerts;

/// <summary>What a graduate asks for when saving an alert; the HTTP layer has already validated and resolved the criteria.</summary>
public sealed record AlertDraft(AlertKind Kind, string? Name, SavedSearchCriteria? Criteria);

/// <summary>A posting one alert run found for one subscription, best first.</summary>
public sealed record AlertMatch(long PostingId, string Title, string EmployerName, string CityCode, double? Score);

public sealed record AlertRecordOutcome(bool Applied, int Notified, long? NotificationId);

/// <summary>
/// Graduates' job alerts and the one write an alert run makes. Runs are idempotent: recording moves the subscription's
/// watermark only from the value the run started with, and (user, posting) pairs are unique, so a run repeated after a
/// crash or started twice notifies nothing twice and, since nothing moves before the commit, misses nothing.
/// </summary>
public sealed class AlertService(JobsDbContext db, TimeProvider clock)
{
    public const int MaxAlertsPerUser = 20;
    public const int NameMaxLength = 100;

    public async Task<IReadOnlyList<AlertSubscription>> ListAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.AlertSubscriptions.AsNoTracking().Where(a => a.UserId == actor.UserId).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<ServiceResult<AlertSubscription>> CreateAsync(Actor actor, AlertDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsGraduate)
        {
            return ServiceResult<AlertSubscription>.Forbidden("只有毕业生可以订阅职位提醒");
        }

        var errors = new ValidationErrors();
        var name = draft.Name?.Trim();
        if (name is { Length: > NameMaxLength })
        {
            errors.Add("name", $"名称最多 {NameMaxLength} 个字符");
        }

        if (draft.Kind == AlertKind.SavedSearch && draft.Criteria is null)
        {
            errors.Add("criteria", "保存的搜索需要搜索条件");
        }

        if (!errors.IsEmpty)
        {
            return ServiceResult<AlertSubscription>.Invalid(errors);
        }

        if (await db.AlertSubscriptions.CountAsync(a => a.UserId == actor.UserId, cancellationToken) >= MaxAlertsPerUser)
        {
            return ServiceResult<AlertSubscription>.Conflict($"每人最多 {MaxAlertsPerUser} 个职位提醒，请先删除不用的提醒");
        }

        long? resumeId = null;
        if (draft.Kind == AlertKind.ResumeMatches)
        {
            resumeId = await db.Resumes.Where(r => r.OwnerUserId == actor.UserId).Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (resumeId is null)
            {
                return ServiceResult<AlertSubscription>.Conflict("请先创建简历，再订阅简历匹配提醒");
            }

            if (await db.AlertSubscriptions.AnyAsync(a => a.UserId == actor.UserId && a.Kind == AlertKind.ResumeMatches, cancellationToken))
            {
                return ServiceResult<AlertSubscription>.Conflict("已订阅简历匹配提醒");
            }
        }

        var subscription = new AlertSubscription
        {
            UserId = actor.UserId!.Value,
            Kind = draft.Kind,
            Name = string.IsNullOrEmpty(name) ? DefaultName(draft) : name,
            Criteria = draft.Kind == AlertKind.SavedSearch ? draft.Criteria : null,
            ResumeId = resumeId,
            // An alert tells of postings that arrive after it was saved, not of everything already there.
            LastPostingId = await WatermarkAsync(cancellationToken),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<AlertSubscription>.Created(subscription);
    }

    public async Task<ServiceResult<bool>> DeleteAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var deleted = await db.AlertSubscriptions.Where(a => a.Id == id && a.UserId == actor.UserId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ServiceResult<bool>.NotFound($"职位提醒 {id} 不存在") : ServiceResult<bool>.Ok(true);
    }

    /// <summary>The newest posting id: ids only grow, and a run sees every posting up to the watermark it read.</summary>
    public async Task<long> WatermarkAsync(CancellationToken cancellationToken) =>
        await db.Postings.MaxAsync(p => (long?)p.Id, cancellationToken) ?? 0;

    public async Task<IReadOnlyList<AlertSubscription>> ListDueAsync(long watermark, CancellationToken cancellationToken) =>
        await db.AlertSubscriptions.AsNoTracking().Where(a => a.LastPostingId < watermark).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<long>> PostingIdsBetweenAsync(long after, long atMost, CancellationToken cancellationToken) =>
        await db.Postings.AsNoTracking().Where(p => p.Id > after && p.Id <= atMost).Select(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Records one run of one subscription in one transaction: the watermark moves from <paramref name="from"/> to
    /// <paramref name="through"/>, postings not yet notified to the user are marked, and one notification lists them.
    /// A run that finds the watermark already moved (the run happened) changes nothing.
    /// </summary>
    public async Task<AlertRecordOutcome> RecordAsync(AlertSubscription subscription, long from, long through, IReadOnlyList<AlertMatch> matches,
        int listed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        // The conditional update is the claim: of two runs racing for the same window only one moves the watermark.
        var claimed = await db.AlertSubscriptions.Where(a => a.Id == subscription.Id && a.LastPostingId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastPostingId, through).SetProperty(a => a.LastRunAt, now), cancellationToken);
        if (claimed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return new AlertRecordOutcome(false, 0, null);
        }

        var ids = matches.Select(m => m.PostingId).ToArray();
        var already = await db.AlertedPostings.Where(a => a.UserId == subscription.UserId && ids.Contains(a.PostingId))
            .Select(a => a.PostingId).ToListAsync(cancellationToken);
        var fresh = matches.Where(m => !already.Contains(m.PostingId)).DistinctBy(m => m.PostingId).ToList();
        if (fresh.Count == 0)
        {
            await tx.CommitAsync(cancellationToken);
            return new AlertRecordOutcome(true, 0, null);
        }

        var shown = fresh.Take(listed).ToList();
        var notification = new Notification
        {
            UserId = subscription.UserId,
            Kind = NotificationKinds.JobAlert,
            Title = $"「{subscription.Name}」有 {fresh.Count} 个新职位",
            Body = string.Join("；", shown.Take(3).Select(m => $"{m.Title}（{m.EmployerName}）")) + (fresh.Count > 3 ? " 等" : ""),
            Link = subscription.Kind == AlertKind.ResumeMatches ? $"/api/resumes/{subscription.ResumeId}/matches" : $"/api/me/alerts/{subscription.Id}",
            DedupKey = $"alert:{subscription.Id}:{through}",
            Postings = shown.Select(m => new NotificationPosting
            {
                PostingId = m.PostingId, Title = m.Title, EmployerName = m.EmployerName, CityCode = m.CityCode, Score = m.Score,
            }).ToList(),
            CreatedAt = now,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        db.AlertedPostings.AddRange(fresh.Select(m => new AlertedPosting
        {
            UserId = subscription.UserId, PostingId = m.PostingId, SubscriptionId = subscription.Id, NotificationId = notification.Id, NotifiedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new AlertRecordOutcome(true, fresh.Count, notification.Id);
    }

    private static string DefaultName(AlertDraft draft)
    {
        if (draft.Kind == AlertKind.ResumeMatches)
        {
            return "与我的简历匹配的职位";
        }

        var c = draft.Criteria!;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(c.Query))
        {
            parts.Add(c.Query.Trim());
        }

        if (c.Category is not null)
        {
            parts.Add(c.Category);
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : "全部新职位";
    }
}
