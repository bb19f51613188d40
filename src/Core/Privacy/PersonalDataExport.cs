using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jobs.Core.Accounts;
using Jobs.Core.Alerts;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Fairs;
using Jobs.Core.Notifications;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Privacy;

/// <summary>
/// Everything stored about one person, one named section per kind of record. A part of the platform that stores more about
/// people adds its section here (a property and the query that fills it), so the export stays complete in one place.
/// Secrets are left out on purpose: the password hash, the security stamp and refresh-token hashes prove nothing to the
/// person and would help anyone who got hold of the file.
/// </summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    AccountSection Account,
    Resume? Resume,
    IReadOnlyList<ApplicationSection> Applications,
    IReadOnlyList<AlertSubscription> Alerts,
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<FairRegistrationSection> FairRegistrations,
    IReadOnlyList<SessionSection> Sessions,
    Employer? Employer)
{
    /// <summary>Every showing of my contact data to someone else (who, which field, where, when), oldest first.</summary>
    public IReadOnlyList<ContactView> ContactViews { get; init; } = [];
}

public sealed record AccountSection(
    long Id, string Email, string Role, string DisplayName, string? CityCode, long? EmployerId, DateTime CreatedAt,
    int FailedSignInCount, DateTime? LastFailedSignInAt, DateTime? LockoutEnd, DateTime? DeletionRequestedAt, DateTime? DeletionDueAt);

/// <summary>An application with the posting it went to and every move it made.</summary>
public sealed record ApplicationSection(
    Application Application, string StageLabel, string PostingTitle, string EmployerName, string PostingCityCode,
    IReadOnlyList<ApplicationStageChange> History);

public sealed record FairRegistrationSection(FairRegistration Registration, string FairTitle, DateTime FairStartsAt);

/// <summary>One sign-in: when it began and whether it has ended. The session id is left out: it is a credential.</summary>
public sealed record SessionSection(DateTime CreatedAt, DateTime? RevokedAt, bool Active);

/// <summary>Builds <see cref="PersonalDataExport"/> for the signed-in person; each section reads only rows keyed to that person.</summary>
public sealed class PersonalDataExporter(JobsDbContext db, TimeProvider clock)
{
    /// <summary>How the download is written: readable, Chinese as is, enums by name.</summary>
    public static JsonSerializerOptions FileJson { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string FileName(DateTime exportedAt) => $"jobs-my-data-{exportedAt:yyyyMMdd-HHmmss}.json";

    public async Task<ServiceResult<PersonalDataExport>> ExportAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return ServiceResult<PersonalDataExport>.NotFound("账号不存在");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken);
        if (user is null)
        {
            return ServiceResult<PersonalDataExport>.NotFound("账号不存在");
        }

        var resume = await db.Resumes.AsNoTracking().SingleOrDefaultAsync(r => r.OwnerUserId == userId, cancellationToken);
        return ServiceResult<PersonalDataExport>.Ok(new PersonalDataExport(
            clock.GetUtcNow().UtcDateTime,
            AccountOf(user),
            resume,
            await ApplicationsAsync(resume, cancellationToken),
            await db.AlertSubscriptions.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(cancellationToken),
            await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync(cancellationToken),
            await FairRegistrationsAsync(userId, cancellationToken),
            await db.Sessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
                .Select(s => new SessionSection(s.CreatedAt, s.RevokedAt, s.RevokedAt == null)).ToListAsync(cancellationToken),
            user.EmployerId is { } employerId
                ? await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken)
                : null)
        {
            ContactViews = await db.ContactViews.AsNoTracking().Where(v => v.OwnerUserId == userId).OrderBy(v => v.Id).ToListAsync(cancellationToken),
        });
    }

    private static AccountSection AccountOf(User u) => new(u.Id, u.Email, u.Role.Name(), u.DisplayName, u.CityCode, u.EmployerId, u.CreatedAt,
        u.FailedSignInCount, u.LastFailedSignInAt, u.LockoutEnd, u.DeletionRequestedAt, u.DeletionDueAt);

    private async Task<IReadOnlyList<ApplicationSection>> ApplicationsAsync(Resume? resume, CancellationToken cancellationToken)
    {
        if (resume is null)
        {
            return [];
        }

        var rows = await (from a in db.Applications.AsNoTracking()
                          where a.ResumeId == resume.Id
                          join p in db.Postings.AsNoTracking() on a.PostingId equals p.Id
                          join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                          orderby a.Id
                          select new { a, p.Title, p.CityCode, e.Name }).ToListAsync(cancellationToken);
        var ids = rows.Select(x => x.a.Id).ToList();
        var history = ids.Count == 0
            ? []
            : await db.ApplicationStageChanges.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var byApplication = history.ToLookup(c => c.ApplicationId);
        return rows.Select(x => new ApplicationSection(x.a, x.a.Stage.Label(), x.Title, x.Name, x.CityCode, byApplication[x.a.Id].ToList())).ToList();
    }

    private async Task<IReadOnlyList<FairRegistrationSection>> FairRegistrationsAsync(long userId, CancellationToken cancellationToken) =>
        (await (from r in db.FairRegistrations.AsNoTracking()
                where r.UserId == userId
                join f in db.Fairs.AsNoTracking() on r.FairId equals f.Id
                orderby r.Id
                select new { r, f.Title, f.StartsAt }).ToListAsync(cancellationToken))
        .Select(x => new FairRegistrationSection(x.r, x.Title, x.StartsAt)).ToList();
}
