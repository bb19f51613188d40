using Jobs.Core.Common;
using Jobs.Core.Fairs;
using Jobs.Core.Postings;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Employers;

/// <summary>What an employer's own pages show at a glance: its postings by status and how many graduates applied.</summary>
public sealed record EmployerCounts(int Open, int Closed, int Expired, int Applicants, int NewApplicants);

/// <summary>One of the employer's booth applications, with the fair it is for.</summary>
public sealed record EmployerBooth(BoothApplication Application, Fair Fair);

/// <summary>
/// Read models for an employer's own pages (counts, applicants per posting, its booth applications), each one or two
/// queries however many postings or fairs there are. Only the employer's own account (or an admin) may read them.
/// </summary>
public sealed class EmployerOverviewService(JobsDbContext db, TimeProvider clock)
{
    /// <summary>Applications count as new for this long after they arrive.</summary>
    public static readonly TimeSpan NewApplicantWindow = TimeSpan.FromDays(7);

    public async Task<ServiceResult<EmployerCounts>> CountsAsync(Actor actor, long employerId, CancellationToken cancellationToken)
    {
        if (Deny(actor, employerId) is { } denied)
        {
            return ServiceResult<EmployerCounts>.Forbidden(denied);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - NewApplicantWindow;
        var postings = db.Postings.AsNoTracking().Where(p => p.EmployerId == employerId);
        var open = await postings.CountAsync(p => p.Status == PostingStatus.Open && (p.ExpiresAt == null || p.ExpiresAt > now), cancellationToken);
        var closed = await postings.CountAsync(p => p.Status == PostingStatus.Closed, cancellationToken);
        var expired = await postings.CountAsync(p => p.Status == PostingStatus.Open && p.ExpiresAt != null && p.ExpiresAt <= now, cancellationToken);
        var applications = db.Applications.AsNoTracking().Where(a => a.EmployerId == employerId);
        var applicants = await applications.CountAsync(cancellationToken);
        var fresh = await applications.CountAsync(a => a.CreatedAt > since, cancellationToken);
        return ServiceResult<EmployerCounts>.Ok(new EmployerCounts(open, closed, expired, applicants, fresh));
    }

    /// <summary>Applications per posting for the given postings of the employer (postings without any are absent).</summary>
    public async Task<IReadOnlyDictionary<long, int>> ApplicantCountsAsync(Actor actor, long employerId, IReadOnlyCollection<long> postingIds,
        CancellationToken cancellationToken)
    {
        if (Deny(actor, employerId) is not null || postingIds.Count == 0)
        {
            return new Dictionary<long, int>();
        }

        return await db.Applications.AsNoTracking()
            .Where(a => a.EmployerId == employerId && postingIds.Contains(a.PostingId))
            .GroupBy(a => a.PostingId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    /// <summary>The employer's booth applications (withdrawn ones included), the latest fair first.</summary>
    public async Task<ServiceResult<IReadOnlyList<EmployerBooth>>> BoothsAsync(Actor actor, long employerId, CancellationToken cancellationToken)
    {
        if (Deny(actor, employerId) is { } denied)
        {
            return ServiceResult<IReadOnlyList<EmployerBooth>>.Forbidden(denied);
        }

        var rows = await (from b in db.BoothApplications.AsNoTracking()
                          where b.EmployerId == employerId
                          join f in db.Fairs.AsNoTracking() on b.FairId equals f.Id
                          select new EmployerBooth(b, f)).ToListAsync(cancellationToken);
        return ServiceResult<IReadOnlyList<EmployerBooth>>.Ok(rows.OrderByDescending(r => r.Fair.StartsAt).ToList());
    }

    /// <summary>Published fairs whose employer window is open now and that have booths, the soonest first.</summary>
    public async Task<IReadOnlyList<Fair>> FairsTakingBoothsAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The same condition as Fair.EmployerWindowIsOpen, written so SQLite can evaluate it.
        var fairs = await db.Fairs.AsNoTracking()
            .Where(f => f.PublishedAt != null && f.State == FairState.Open && f.BoothCapacity > 0
                        && f.EmployerWindowOpensAt <= now && now < f.EmployerWindowClosesAt)
            .OrderBy(f => f.StartsAt).ThenBy(f => f.Id).Take(max).ToListAsync(cancellationToken);
        return fairs;
    }

    private static string? Deny(Actor actor, long employerId) =>
        actor.IsAdmin || (actor.IsEmployer && actor.EmployerId == employerId) ? null : "只能查看本企业的信息";
}
