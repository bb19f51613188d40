using Jobs.Core.ChangeLog;
using Jobs.Core.Common;
using Jobs.Core.Notifications;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Privacy;

/// <summary>What one retention pass did.</summary>
public sealed record RetentionOutcome(int Noticed, int Hidden);

/// <summary>
/// Résumés nobody keeps up to date should not stay on show for ever. A résumé not updated for
/// <see cref="DataRightsOptions.ResumeRetentionMonths"/> months is hidden, after its owner was told
/// <see cref="DataRightsOptions.RetentionNoticeDays"/> days before (and never sooner than that after the notice). Updating the
/// résumé clears the notice and starts the period again (<see cref="ResumeService"/>). Every step is conditional on the
/// stored state and notices carry a dedup key, so a second run (or a run in another process) does nothing twice.
/// </summary>
public sealed class ResumeRetention(JobsDbContext db, IOptions<DataRightsOptions> options, TimeProvider clock,
    IEnumerable<IResumeChangeObserver> observers, ILogger<ResumeRetention> logger)
{
    public const string NoticeKind = "resume-retention";
    private const int Chunk = 200;

    public async Task<RetentionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var noticed = await NoticeAsync(now, o, cancellationToken);
        var hidden = await HideAsync(now, o, cancellationToken);
        if (noticed + hidden > 0)
        {
            logger.LogInformation("Résumé retention: {Noticed} owners told, {Hidden} résumés hidden", noticed, hidden);
        }

        return new RetentionOutcome(noticed, hidden);
    }

    private async Task<int> NoticeAsync(DateTime now, DataRightsOptions o, CancellationToken cancellationToken)
    {
        var noticeFrom = now.AddDays(o.RetentionNoticeDays).AddMonths(-o.ResumeRetentionMonths);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.NoticeTimeZone);
        var total = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await db.Resumes.Where(r => r.UpdatedAt <= noticeFrom && r.RetentionNoticeAt == null
                    && r.Visibility != ResumeVisibility.Hidden && r.HiddenReason == ResumeHiddenReason.None)
                .OrderBy(r => r.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            foreach (var resume in batch)
            {
                resume.RetentionNoticeAt = now;
                var hideAt = Later(resume.UpdatedAt.AddMonths(o.ResumeRetentionMonths), now.AddDays(o.RetentionNoticeDays));
                var day = TimeZoneInfo.ConvertTimeFromUtc(hideAt, zone);
                db.Notifications.Add(new Notification
                {
                    UserId = resume.OwnerUserId,
                    Kind = NoticeKind,
                    Title = "你的简历即将隐藏",
                    Body = $"你的简历自 {TimeZoneInfo.ConvertTimeFromUtc(resume.UpdatedAt, zone):yyyy年M月d日} 起没有更新。为保护个人信息，"
                           + $"超过 {o.ResumeRetentionMonths} 个月未更新的简历将被隐藏：平台将于 {day:yyyy年M月d日} 起隐藏你的简历，"
                           + "企业将搜索不到，也不再推荐给企业。更新一次简历即可继续展示。",
                    Link = "/api/me/resume",
                    // One notice per period: an update starts a new period with a new UpdatedAt.
                    DedupKey = $"{NoticeKind}:{resume.Id}:{resume.UpdatedAt:yyyyMMddHHmmss}",
                    CreatedAt = now,
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                total += batch.Count;
            }
            catch (DbUpdateException)
            {
                // Another run wrote one of these notices first; its résumés carry the notice now, so the next batch skips them.
                db.ChangeTracker.Clear();
                await MarkNoticedOneByOneAsync(batch.Select(r => r.Id).ToList(), now, cancellationToken);
            }
        }
    }

    /// <summary>After a clash with a parallel run: marks each résumé whose notice exists, so the loop cannot spin.</summary>
    private async Task MarkNoticedOneByOneAsync(IReadOnlyList<long> ids, DateTime now, CancellationToken cancellationToken) =>
        await db.Resumes.Where(r => ids.Contains(r.Id) && r.RetentionNoticeAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RetentionNoticeAt, now), cancellationToken);

    private async Task<int> HideAsync(DateTime now, DataRightsOptions o, CancellationToken cancellationToken)
    {
        var staleBefore = now.AddMonths(-o.ResumeRetentionMonths);
        var noticedBefore = now.AddDays(-o.RetentionNoticeDays);
        var total = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await db.Resumes.Where(r => r.UpdatedAt <= staleBefore && r.RetentionNoticeAt != null && r.RetentionNoticeAt <= noticedBefore
                    && r.Visibility != ResumeVisibility.Hidden && r.HiddenReason == ResumeHiddenReason.None)
                .OrderBy(r => r.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            foreach (var resume in batch)
            {
                resume.VisibilityBeforeHiding = resume.Visibility;
                resume.Visibility = ResumeVisibility.Hidden;
                resume.HiddenReason = ResumeHiddenReason.Retention;
                // UpdatedAt stays: it is what the owner last did, and a hidden résumé is not looked at again by this job.
            }

            var ids = batch.Select(r => r.Id).ToList();
            IndexChangeLog.Add(db, IndexChangeKind.Resume, ids, now);
            await IndexChangeLog.SaveAsync(db, cancellationToken);
            foreach (var observer in observers)
            {
                await observer.ResumesChangedAsync(ids, cancellationToken);
            }

            total += batch.Count;
        }
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
