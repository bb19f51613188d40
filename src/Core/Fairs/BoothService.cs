using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Notifications;
using Jobs.Core.Postings;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Fairs;

public sealed record BoothApplicationDraft(IReadOnlyList<long>? PostingIds, string? Note);

public sealed record BoothView(BoothApplication Application, string EmployerName, string EmployerCityCode, string HostCityCode)
{
    public bool FromOtherCity => EmployerCityCode != HostCityCode;
}

/// <summary>Booth applications: employers apply with postings, host-city organisers decide, the deadline job allocates.</summary>
/// <summary>A fair with booth applications waiting for the organisers.</summary>
public sealed record PendingBooths(long FairId, string Title, DateTime StartsAt, int Count);

public sealed class BoothService(JobsDbContext db, TimeProvider clock, IOptions<FairOptions> options)
{
    public const int NoteMaxLength = 500;

    public async Task<ServiceResult<BoothView>> ApplyAsync(Actor actor, long fairId, BoothApplicationDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsEmployer || actor.EmployerId is not { } employerId)
        {
            return ServiceResult<BoothView>.Forbidden("只有企业账号可以申请展位");
        }

        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || !fair.IsPublished)
        {
            return ServiceResult<BoothView>.NotFound($"招聘会 {fairId} 不存在");
        }

        if (fair.BoothCapacity == 0)
        {
            return ServiceResult<BoothView>.Conflict("这场活动不设企业展位");
        }

        if (!await db.Employers.AnyAsync(e => e.Id == employerId && e.Verification == VerificationStatus.Verified, cancellationToken))
        {
            return ServiceResult<BoothView>.Forbidden("企业尚未通过认证，不能申请招聘会展位；请先在“企业认证”页提交营业执照并等待审核");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!fair.EmployerWindowIsOpen(now))
        {
            return ServiceResult<BoothView>.Conflict(now < fair.EmployerWindowOpensAt || fair.State == FairState.Draft ? "企业报名尚未开始" : "企业报名已截止");
        }

        var errors = new ValidationErrors();
        var ids = (draft.PostingIds ?? []).Distinct().ToList();
        var max = options.Value.MaxPostingsPerBooth;
        if (ids.Count == 0 || ids.Count > max)
        {
            errors.Add("postingIds", $"请选择 1 到 {max} 个本企业在招的职位带到招聘会");
        }

        var note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            errors.Add("note", $"备注最多 {NoteMaxLength} 个字符");
        }

        if (ids.Count > 0)
        {
            var own = await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id) && p.EmployerId == employerId)
                .Select(p => new { p.Id, p.Status, p.ExpiresAt, p.Holds }).ToListAsync(cancellationToken);
            foreach (var id in ids)
            {
                var p = own.FirstOrDefault(x => x.Id == id);
                if (p is null)
                {
                    errors.Add("postingIds", $"职位 {id} 不存在或不属于本企业");
                }
                else if (p.Status != PostingStatus.Open || (p.ExpiresAt is { } e && e <= now))
                {
                    errors.Add("postingIds", $"职位 {id} 已关闭或过期");
                }
                else if (p.Holds != PostingHolds.None)
                {
                    errors.Add("postingIds", $"职位 {id} 尚未公开（等待审核），不能带到招聘会");
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return ServiceResult<BoothView>.Invalid(errors);
        }

        // The city read here is the one the booth quota counts: read and stored in one IMMEDIATE transaction, so a city change
        // of the employer lands wholly before (and is stored) or after (and is checked against this application).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var employer = await db.Employers.AsNoTracking().SingleAsync(e => e.Id == employerId, cancellationToken);
        var application = await db.BoothApplications.SingleOrDefaultAsync(b => b.FairId == fairId && b.EmployerId == employerId, cancellationToken);
        if (application is not null && application.Status != BoothStatus.Withdrawn)
        {
            if (application.Status != BoothStatus.Pending)
            {
                return ServiceResult<BoothView>.Conflict($"本企业已申请过这场招聘会的展位（{application.Status.Label()}）");
            }

            // A pending application may still change the postings it brings; its place in the order stays.
            application.PostingIds = ids;
            application.Note = note;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ServiceResult<BoothView>.Ok(new BoothView(application, employer.Name, application.EmployerCityCode, fair.HostCityCode));
        }

        application ??= db.BoothApplications.Add(new BoothApplication { FairId = fairId, EmployerId = employerId, EmployerCityCode = employer.CityCode }).Entity;
        application.EmployerCityCode = employer.CityCode;
        application.PostingIds = ids;
        application.Note = note;
        application.Status = BoothStatus.Pending;
        application.AppliedAt = now;
        application.DecidedAt = null;
        application.DecidedBy = null;
        application.DecisionNote = null;
        application.BoothNumber = null;
        application.WaitlistPosition = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ServiceResult<BoothView>.Conflict("本企业已申请过这场招聘会的展位");
        }

        return ServiceResult<BoothView>.Created(new BoothView(application, employer.Name, application.EmployerCityCode, fair.HostCityCode));
    }

    public async Task<ServiceResult<BoothView>> GetMineAsync(Actor actor, long fairId, CancellationToken cancellationToken)
    {
        var view = actor.EmployerId is { } employerId ? await Views(fairId, null, employerId).FirstOrDefaultAsync(cancellationToken) : null;
        return view is null ? ServiceResult<BoothView>.NotFound("本企业没有申请这场招聘会的展位") : ServiceResult<BoothView>.Ok(view);
    }

    /// <summary>Withdraws the employer's application; an allocated booth goes to the head of the booth waitlist.</summary>
    public async Task<ServiceResult<BoothView>> WithdrawMineAsync(Actor actor, long fairId, CancellationToken cancellationToken)
    {
        if (actor.EmployerId is not { } employerId)
        {
            return ServiceResult<BoothView>.Forbidden("只有企业账号可以撤回展位申请");
        }

        // Read and change inside one IMMEDIATE transaction: two withdrawals at once must not both free (and hand on) the booth.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        var application = await db.BoothApplications.SingleOrDefaultAsync(b => b.FairId == fairId && b.EmployerId == employerId, cancellationToken);
        if (fair is null || application is null || application.Status == BoothStatus.Withdrawn)
        {
            return ServiceResult<BoothView>.NotFound("本企业没有申请这场招聘会的展位");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= fair.StartsAt)
        {
            return ServiceResult<BoothView>.Conflict("招聘会已开始，不能撤回");
        }

        var freed = application.Status == BoothStatus.Allocated ? application.BoothNumber : null;
        application.Status = BoothStatus.Withdrawn;
        application.BoothNumber = null;
        application.WaitlistPosition = null;
        var waitlist = await db.BoothApplications.Where(b => b.FairId == fairId && b.Status == BoothStatus.Waitlisted && b.Id != application.Id)
            .OrderBy(b => b.WaitlistPosition).ToListAsync(cancellationToken);
        if (freed is { } number && waitlist.Count > 0)
        {
            var next = waitlist[0];
            waitlist.RemoveAt(0);
            next.Status = BoothStatus.Allocated;
            next.BoothNumber = number;
            next.WaitlistPosition = null;
            next.AllocatedAt = now;
            await NotifyEmployerAsync(fair, next, now, cancellationToken);
        }

        // Whoever left the waitlist, the rest move up so positions stay 1, 2, 3…
        for (var i = 0; i < waitlist.Count; i++)
        {
            waitlist[i].WaitlistPosition = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var employer = await db.Employers.AsNoTracking().SingleAsync(e => e.Id == employerId, cancellationToken);
        return ServiceResult<BoothView>.Ok(new BoothView(application, employer.Name, application.EmployerCityCode, fair.HostCityCode));
    }

    public async Task<ServiceResult<BoothView>> DecideAsync(Actor actor, long fairId, long applicationId, bool approve, string? reason,
        CancellationToken cancellationToken)
    {
        // Inside one IMMEDIATE transaction, so a decision cannot land on an application the allocation just numbered.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        var application = await db.BoothApplications.SingleOrDefaultAsync(b => b.Id == applicationId && b.FairId == fairId, cancellationToken);
        if (fair is null || application is null || (!fair.IsPublished && !FairService.CanSeeDrafts(actor)))
        {
            return ServiceResult<BoothView>.NotFound($"展位申请 {applicationId} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<BoothView>.Forbidden("只有举办城市的组织方可以审核展位申请");
        }

        if (fair.BoothsAllocatedAt is not null)
        {
            return ServiceResult<BoothView>.Conflict("展位已经分配，不能再审核");
        }

        if (application.Status is not (BoothStatus.Pending or BoothStatus.Approved or BoothStatus.Rejected))
        {
            return ServiceResult<BoothView>.Conflict($"申请状态为“{application.Status.Label()}”，不能审核");
        }

        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!approve && note is null)
        {
            return ServiceResult<BoothView>.Invalid(ValidationErrors.Single("reason", "驳回时请说明原因，企业会看到"));
        }

        if (note is { Length: > NoteMaxLength })
        {
            return ServiceResult<BoothView>.Invalid(ValidationErrors.Single("reason", $"原因最多 {NoteMaxLength} 个字符"));
        }

        application.Status = approve ? BoothStatus.Approved : BoothStatus.Rejected;
        application.DecidedAt = clock.GetUtcNow().UtcDateTime;
        application.DecidedBy = actor.UserId;
        application.DecisionNote = note;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var employer = await db.Employers.AsNoTracking().SingleAsync(e => e.Id == application.EmployerId, cancellationToken);
        return ServiceResult<BoothView>.Ok(new BoothView(application, employer.Name, application.EmployerCityCode, fair.HostCityCode));
    }

    /// <summary>
    /// Organisers of the host city (and admins) see every application; everyone else sees the exhibitors, i.e. allocated booths.
    /// </summary>
    public async Task<ServiceResult<PagedResult<BoothView>>> ListAsync(Actor actor, long fairId, BoothStatus? status, PageRequest page,
        CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || (!fair.IsPublished && !FairService.CanSeeDrafts(actor)))
        {
            return ServiceResult<PagedResult<BoothView>>.NotFound($"招聘会 {fairId} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            status = BoothStatus.Allocated;
        }

        var query = Views(fairId, status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        if (!actor.ActsForCity(fair.HostCityCode))
        {
            // The public sees who exhibits where; notes between an employer and the organisers stay between them.
            foreach (var item in items)
            {
                item.Application.Note = null;
                item.Application.DecisionNote = null;
            }
        }

        return ServiceResult<PagedResult<BoothView>>.Ok(new PagedResult<BoothView>(total, page.Page, page.PageSize, items));
    }

    /// <summary>Allocates once, by <see cref="BoothAllocator"/>; a second run finds the fair marked and does nothing.</summary>
    public async Task<bool> AllocateAsync(long fairId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var fair = await db.Fairs.SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || fair.BoothsAllocatedAt is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var applications = await db.BoothApplications.Where(b => b.FairId == fairId).ToListAsync(cancellationToken);
        var approved = applications.Where(b => b.Status == BoothStatus.Approved).ToList();
        var result = BoothAllocator.Allocate(
            approved.Select(b => new BoothCandidate(b.Id, b.AppliedAt, b.EmployerCityCode != fair.HostCityCode)).ToList(),
            fair.BoothCapacity, fair.OtherCityBoothShare);
        var byId = approved.ToDictionary(b => b.Id);
        foreach (var (id, number) in result.Allocated)
        {
            var b = byId[id];
            b.Status = BoothStatus.Allocated;
            b.BoothNumber = number;
            b.AllocatedAt = now;
            await NotifyEmployerAsync(fair, b, now, cancellationToken);
        }

        foreach (var (id, position) in result.Waitlisted)
        {
            var b = byId[id];
            b.Status = BoothStatus.Waitlisted;
            b.WaitlistPosition = position;
            await NotifyEmployerAsync(fair, b, now, cancellationToken);
        }

        fair.BoothsAllocatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The postings exhibitors (allocated booths) bring; empty before booths are allocated.</summary>
    public async Task<HashSet<long>> ExhibitedPostingIdsAsync(long fairId, CancellationToken cancellationToken)
    {
        var lists = await db.BoothApplications.AsNoTracking().Where(b => b.FairId == fairId && b.Status == BoothStatus.Allocated)
            .Select(b => b.PostingIds).ToListAsync(cancellationToken);
        return lists.SelectMany(l => l).ToHashSet();
    }

    /// <summary>
    /// Fairs of the organiser's city (every city for an admin) with booth applications still waiting for a decision, for
    /// the console's list of today's work; fairs whose booths are allocated can no longer be decided and are left out.
    /// </summary>
    public async Task<IReadOnlyList<PendingBooths>> PendingByFairAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return [];
        }

        var fairs = db.Fairs.AsNoTracking().Where(f => f.BoothsAllocatedAt == null);
        if (!actor.IsAdmin)
        {
            fairs = fairs.Where(f => f.HostCityCode == actor.CityCode);
        }

        var rows = await (from b in db.BoothApplications.AsNoTracking()
                          where b.Status == BoothStatus.Pending
                          join f in fairs on b.FairId equals f.Id
                          group b by new { f.Id, f.Title, f.StartsAt } into g
                          select new { g.Key.Id, g.Key.Title, g.Key.StartsAt, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Id).Select(r => new PendingBooths(r.Id, r.Title, r.StartsAt, r.Count)).ToList();
    }

    private IQueryable<BoothView> Views(long fairId, BoothStatus? status, long? employerId = null)
    {
        var applications = db.BoothApplications.AsNoTracking().Where(b => b.FairId == fairId);
        if (status is { } s)
        {
            applications = applications.Where(b => b.Status == s);
        }

        if (employerId is { } only)
        {
            applications = applications.Where(b => b.EmployerId == only);
        }

        return from b in applications
               join e in db.Employers.AsNoTracking() on b.EmployerId equals e.Id
               join f in db.Fairs.AsNoTracking() on b.FairId equals f.Id
               orderby b.BoothNumber == null, b.BoothNumber, b.AppliedAt, b.Id
               select new BoothView(b, e.Name, b.EmployerCityCode, f.HostCityCode);
    }

    private async Task NotifyEmployerAsync(Fair fair, BoothApplication application, DateTime now, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.EmployerId == application.EmployerId).Select(u => u.Id).ToListAsync(cancellationToken);
        var (title, body) = application.Status == BoothStatus.Allocated
            ? ($"展位已分配：{fair.Title}", $"贵单位的展位号为 {application.BoothNumber} 号，请按时布展。")
            : ($"展位候补：{fair.Title}", $"展位已满，贵单位排在候补第 {application.WaitlistPosition} 位，有展位空出会按顺序递补。");
        var key = $"booth:{fair.Id}:{application.Status.Wire()}:{application.BoothNumber ?? application.WaitlistPosition}";
        foreach (var userId in users)
        {
            if (!await db.Notifications.AnyAsync(n => n.UserId == userId && n.DedupKey == key, cancellationToken))
            {
                db.Notifications.Add(new Notification
                {
                    UserId = userId,
                    Kind = NotificationKinds.BoothAllocation,
                    Title = title,
                    Body = body,
                    Link = $"/api/fairs/{fair.Id}/booths/mine",
                    DedupKey = key,
                    CreatedAt = now,
                });
            }
        }
    }
}
