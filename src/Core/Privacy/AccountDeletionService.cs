using Jobs.Core.ChangeLog;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Privacy;

/// <summary>A pending account closure: asked for at <see cref="RequestedAt"/>, erased from <see cref="DueAt"/> unless cancelled.</summary>
public sealed record DeletionStatus(DateTime RequestedAt, DateTime DueAt);

/// <summary>
/// Closing an account. The request hides the résumé at once (from everyone but the owner and admins, and from search);
/// after the cooling-off <see cref="AccountEraser"/> erases the personal data. Until then the person may sign in and cancel,
/// which gives everything back as it was. Graduates and employer users may close their own accounts; organiser and admin
/// accounts are staff accounts that an admin closes by changing them, so they are refused here.
/// </summary>
public sealed class AccountDeletionService(
    JobsDbContext db,
    AccountService accounts,
    IOptions<DataRightsOptions> options,
    TimeProvider clock,
    IEnumerable<IResumeChangeObserver> observers,
    ILogger<AccountDeletionService> logger)
{
    public async Task<ServiceResult<DeletionStatus>> StatusAsync(Actor actor, CancellationToken cancellationToken)
    {
        var row = actor.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId && u.ErasedAt == null)
                .Select(u => new { u.DeletionRequestedAt, u.DeletionDueAt }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return row is { DeletionRequestedAt: { } requested, DeletionDueAt: { } due }
            ? ServiceResult<DeletionStatus>.Ok(new DeletionStatus(requested, due))
            : ServiceResult<DeletionStatus>.NotFound("没有待处理的注销申请");
    }

    /// <summary>
    /// Asks to close the account, confirmed with the password. Asking again while one is pending changes nothing and answers
    /// the pending one, so a repeated request never moves the date.
    /// </summary>
    public async Task<ServiceResult<DeletionStatus>> RequestAsync(Actor actor, string? password, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return ServiceResult<DeletionStatus>.NotFound("账号不存在");
        }

        if (!actor.IsGraduate && !actor.IsEmployer)
        {
            return ServiceResult<DeletionStatus>.Forbidden("组织方和管理员账号不能自行注销，请联系平台管理员");
        }

        var confirmed = await accounts.ConfirmPasswordAsync(userId, password, cancellationToken);
        if (confirmed.Status != ServiceStatus.Ok)
        {
            // Refused for speed: the wait goes along as the date from which another try is let through.
            var retryFrom = confirmed.Value is { } wait ? new DeletionStatus(clock.GetUtcNow().UtcDateTime, clock.GetUtcNow().UtcDateTime + wait) : null;
            return new ServiceResult<DeletionStatus>(confirmed.Status, retryFrom, confirmed.Errors, confirmed.Message);
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user is { DeletionRequestedAt: { } requested, DeletionDueAt: { } due })
        {
            return ServiceResult<DeletionStatus>.Ok(new DeletionStatus(requested, due));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        user.DeletionRequestedAt = now;
        user.DeletionDueAt = now.AddDays(options.Value.DeletionCoolingOffDays);
        var resume = await db.Resumes.SingleOrDefaultAsync(r => r.OwnerUserId == userId, cancellationToken);
        if (resume is not null)
        {
            // A résumé the retention job hid already keeps the owner's visibility from before that.
            resume.VisibilityBeforeHiding = resume.HiddenReason == ResumeHiddenReason.None ? resume.Visibility : resume.VisibilityBeforeHiding ?? resume.Visibility;
            resume.Visibility = ResumeVisibility.Hidden;
            resume.HiddenReason = ResumeHiddenReason.DeletionRequested;
            // Moved so a restart's index replay sees the change even if the index had not committed it.
            resume.UpdatedAt = now;
            IndexChangeLog.Add(db, IndexChangeKind.Resume, resume.Id, now);
        }

        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await NotifyAsync(resume, cancellationToken);
        logger.LogInformation("User {UserId} asked to close the account; erasure due {DueAt:u}", userId, user.DeletionDueAt);
        return ServiceResult<DeletionStatus>.Ok(new DeletionStatus(now, user.DeletionDueAt.Value));
    }

    /// <summary>Withdraws a pending request: the résumé gets back the visibility its owner had chosen.</summary>
    public async Task<ServiceResult<bool>> CancelAsync(Actor actor, CancellationToken cancellationToken)
    {
        var user = actor.UserId is { } userId
            ? await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken)
            : null;
        if (user?.DeletionRequestedAt is null)
        {
            return ServiceResult<bool>.NotFound("没有待处理的注销申请");
        }

        user.DeletionRequestedAt = null;
        user.DeletionDueAt = null;
        var resume = await db.Resumes.SingleOrDefaultAsync(r => r.OwnerUserId == user.Id, cancellationToken);
        if (resume is { HiddenReason: ResumeHiddenReason.DeletionRequested })
        {
            resume.Visibility = resume.VisibilityBeforeHiding ?? ResumeVisibility.Hidden;
            resume.VisibilityBeforeHiding = null;
            resume.HiddenReason = ResumeHiddenReason.None;
            resume.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            IndexChangeLog.Add(db, IndexChangeKind.Resume, resume.Id, resume.UpdatedAt);
        }

        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await NotifyAsync(resume, cancellationToken);
        logger.LogInformation("User {UserId} cancelled closing the account", user.Id);
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>Whether the account waits for erasure; résumé writes and applications are refused meanwhile.</summary>
    public static Task<bool> IsPendingAsync(JobsDbContext db, long userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.DeletionRequestedAt != null, cancellationToken);

    private async Task NotifyAsync(Resume? resume, CancellationToken cancellationToken)
    {
        if (resume is null)
        {
            return;
        }

        foreach (var observer in observers)
        {
            await observer.ResumesChangedAsync([resume.Id], cancellationToken);
        }
    }
}
