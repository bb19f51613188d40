using Jobs.Core.ChangeLog;
using Jobs.Core.Common;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobs.Core.Privacy;

/// <summary>
/// Erases the personal data of accounts whose cooling-off has ended. What stays is anonymous and kept for statistics only:
/// <list type="bullet">
/// <item>the user row as a tombstone (role, creation date, when deletion was asked and done; email and name replaced, no
/// password, no employer link), which cannot sign in;</item>
/// <item>the résumé row emptied of every field (name, school, major, skills, experiences, contact data, degree, year) as the
/// anchor of its applications; it is out of the search index and nobody reads it;</item>
/// <item>applications and their stage history (stages, times, the posting's city) without cover letters, notes or interview
/// details; applications still open are withdrawn by the platform, so employers' pipelines close them;</item>
/// <item>fair registrations (status, arrival number, check-in time) without team and project names; team members' names are
/// replaced, so team sizes still count.</item>
/// </list>
/// Notifications, job alerts, sessions and refresh tokens are deleted. Each account is erased in one transaction, and an
/// account already erased (or whose request was cancelled) is left alone, so running twice changes nothing more.
/// </summary>
public sealed class AccountEraser(JobsDbContext db, TimeProvider clock, IEnumerable<IResumeChangeObserver> observers, ILogger<AccountEraser> logger)
{
    public const string ErasedName = "已注销用户";

    public static string ErasedEmail(long userId) => $"erased-{userId}@erased.invalid";

    /// <summary>Erases every account due by now; returns how many were erased.</summary>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Users.AsNoTracking().Where(u => u.DeletionDueAt != null && u.DeletionDueAt <= now && u.ErasedAt == null)
            .OrderBy(u => u.DeletionDueAt).Select(u => u.Id).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var userId in due)
        {
            if (await EraseAsync(userId, cancellationToken))
            {
                erased++;
            }
        }

        return erased;
    }

    private async Task<bool> EraseAsync(long userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read inside the transaction: a cancellation committed a moment ago wins.
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.ErasedAt is not null || user.DeletionDueAt is not { } dueAt || dueAt > now)
        {
            return false;
        }

        var resume = await db.Resumes.SingleOrDefaultAsync(r => r.OwnerUserId == userId, cancellationToken);
        if (resume is not null)
        {
            await EraseApplicationsAsync(userId, resume.Id, now, cancellationToken);
            EraseResume(resume, now);
        }

        await db.AlertedPostings.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AlertSubscriptions.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // Who saw the contact data of a person who no longer exists is nobody's to read.
        await db.ContactViews.Where(v => v.OwnerUserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        foreach (var registration in await db.FairRegistrations.Where(r => r.UserId == userId).ToListAsync(cancellationToken))
        {
            registration.TeamName = registration.TeamName is null ? null : ErasedName;
            registration.ProjectName = null;
            registration.ProjectSummary = null;
            foreach (var member in registration.Members)
            {
                member.Name = ErasedName;
                member.School = null;
            }
        }

        user.Email = ErasedEmail(userId);
        user.DisplayName = ErasedName;
        // No hash verifies against an empty string, and sign-in skips erased rows before it gets that far.
        user.PasswordHash = "";
        user.CityCode = null;
        user.EmployerId = null;
        user.FailedSignInCount = 0;
        user.LastFailedSignInAt = null;
        user.LockoutEnd = null;
        user.ErasedAt = now;
        user.RotateSecurityStamp();
        if (resume is not null)
        {
            IndexChangeLog.Add(db, IndexChangeKind.Resume, resume.Id, now);
        }

        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await tx.CommitAsync(cancellationToken);

        if (resume is not null)
        {
            foreach (var observer in observers)
            {
                await observer.ResumesChangedAsync([resume.Id], cancellationToken);
            }
        }

        logger.LogInformation("Erased the personal data of account {UserId}", userId);
        return true;
    }

    private async Task EraseApplicationsAsync(long userId, long resumeId, DateTime now, CancellationToken cancellationToken)
    {
        var applications = await (from a in db.Applications
                                  where a.ResumeId == resumeId
                                  join p in db.Postings on a.PostingId equals p.Id
                                  select new { a, p.CityCode }).ToListAsync(cancellationToken);
        var ids = applications.Select(x => x.a.Id).ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            // Whatever was written to or about the person goes; the moves themselves stay for the counts.
            await db.ApplicationStageChanges.Where(c => chunk.Contains(c.ApplicationId))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Note, (string?)null).SetProperty(c => c.InterviewPlace, (string?)null)
                    .SetProperty(c => c.InterviewLink, (string?)null).SetProperty(c => c.InterviewMessage, (string?)null), cancellationToken);
            await db.ApplicationStageChanges.Where(c => chunk.Contains(c.ApplicationId) && c.ByUserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ByUserId, (long?)null), cancellationToken);
        }

        foreach (var (application, cityCode) in applications.Select(x => (x.a, x.CityCode)))
        {
            application.CoverLetter = null;
            if (!application.Stage.IsFinal())
            {
                db.ApplicationStageChanges.Add(new ApplicationStageChange
                {
                    ApplicationId = application.Id, FromStage = application.Stage, ToStage = ApplicationStage.Withdrawn, At = now, CityCode = cityCode,
                });
                application.Stage = ApplicationStage.Withdrawn;
                application.StageChangedAt = now;
            }
        }
    }

    private static void EraseResume(Resume resume, DateTime now)
    {
        resume.FullName = ErasedName;
        resume.School = "";
        resume.Major = "";
        resume.Degree = EducationLevel.Any;
        resume.GraduationYear = 0;
        resume.Skills = [];
        resume.DesiredTitles = [];
        resume.PreferredCities = [];
        resume.ExpectedSalaryMin = null;
        resume.ExpectedSalaryMax = null;
        resume.Experiences.Clear();
        resume.SelfIntroduction = null;
        resume.Contact.Phone = null;
        resume.Contact.Email = null;
        resume.Contact.IdNumber = null;
        resume.ContactVisibleToEmployers = false;
        resume.Visibility = ResumeVisibility.Hidden;
        resume.VisibilityBeforeHiding = null;
        resume.HiddenReason = ResumeHiddenReason.Erased;
        resume.RetentionNoticeAt = null;
        resume.UpdatedAt = now;
    }
}
