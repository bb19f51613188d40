using Jobs.Core.Common;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Notifications;

/// <summary>A user's own notifications: listing and marking read. Writing is done by the jobs that own each kind.</summary>
public sealed class NotificationService(JobsDbContext db, TimeProvider clock)
{
    public async Task<(PagedResult<Notification> Page, int Unread)> ListAsync(Actor actor, bool unreadOnly, PageRequest page,
        CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var query = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return (new PagedResult<Notification>(total, page.Page, page.PageSize, items), unread);
    }

    public async Task<ServiceResult<Notification>> MarkReadAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == actor.UserId, cancellationToken);
        if (notification is null)
        {
            // Someone else's notification looks the same as a missing one.
            return ServiceResult<Notification>.NotFound($"通知 {id} 不存在");
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult<Notification>.Ok(notification);
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
