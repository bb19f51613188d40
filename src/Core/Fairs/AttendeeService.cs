using Jobs.Core.Common;
using Jobs.Core.Notifications;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Fairs;

/// <summary>What a graduate sends to register; the team fields are for a contest and ignored for a fair.</summary>
public sealed record AttendeeDraft(string? TeamName, string? ProjectName, string? ProjectSummary, IReadOnlyList<TeamMemberDraft>? Members);

public sealed record TeamMemberDraft(string? Name, string? School);

/// <summary>A registration as its holder and the organisers see it; the waitlist position is live.</summary>
public sealed record AttendeeView(FairRegistration Registration, int? WaitlistPosition, string? DisplayName = null);

public sealed record CheckInView(FairRegistration Registration, string DisplayName);

/// <summary>A registration in the organisers' attendee list and its CSV: the least the door needs.</summary>
public sealed record AttendeeRow(long Seq, string Name, string? Ticket, RegistrationStatus Status, DateTime? CheckedInAt, string? School, string? Major);

/// <summary>Graduates' (and contest teams') registrations, cancellations with promotion, and check-in at the door.</summary>
public sealed class AttendeeService(JobsDbContext db, IFairSeatControl seats, FairRegistrationStore store, OpenFairCache openFairs, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<FairOptions> options)
{
    /// <summary>Doors: check-in opens this long before the start and closes at the end.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(2);

    public async Task<ServiceResult<SeatOutcome>> RegisterAsync(Actor actor, long fairId, AttendeeDraft? draft, CancellationToken cancellationToken)
    {
        if (!actor.IsGraduate || actor.UserId is not { } userId)
        {
            return ServiceResult<SeatOutcome>.Forbidden("只有求职者（毕业生）账号可以报名");
        }

        var fair = await openFairs.GetAsync(db, fairId, cancellationToken);
        if (fair is null || !fair.IsPublished)
        {
            return ServiceResult<SeatOutcome>.NotFound($"招聘会 {fairId} 不存在");
        }

        TeamEntry? team = null;
        if (fair.Kind == FairKind.Contest)
        {
            var errors = new ValidationErrors();
            team = ValidateTeam(draft, errors);
            if (!errors.IsEmpty)
            {
                return ServiceResult<SeatOutcome>.Invalid(errors);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!fair.AttendeeWindowIsOpen(now))
        {
            // Someone already registered still gets their registration back rather than an error.
            var mine = await db.FairRegistrations.AsNoTracking()
                .SingleOrDefaultAsync(r => r.FairId == fairId && r.UserId == userId && r.Status != RegistrationStatus.Cancelled, cancellationToken);
            if (mine is not null)
            {
                return ServiceResult<SeatOutcome>.Ok(new SeatOutcome(mine, false, await PositionAsync(mine, cancellationToken)));
            }

            return ServiceResult<SeatOutcome>.Conflict(now < fair.AttendeeWindowOpensAt || fair.State == FairState.Draft
                ? "报名尚未开始"
                : "报名已截止");
        }

        var outcome = await seats.ClaimAsync(new SeatClaim(fair.Id, fair.TicketSalt, fair.AttendeeCapacity, userId, team, now), cancellationToken);
        return outcome.Created ? ServiceResult<SeatOutcome>.Created(outcome) : ServiceResult<SeatOutcome>.Ok(outcome);
    }

    public async Task<ServiceResult<AttendeeView>> GetMineAsync(Actor actor, long fairId, CancellationToken cancellationToken)
    {
        var mine = actor.UserId is { } userId
            ? await db.FairRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.FairId == fairId && r.UserId == userId, cancellationToken)
            : null;
        return mine is null
            ? ServiceResult<AttendeeView>.NotFound("你没有报名这场活动")
            : ServiceResult<AttendeeView>.Ok(new AttendeeView(mine, await PositionAsync(mine, cancellationToken)));
    }

    /// <summary>The caller's registrations across fairs, latest fair first.</summary>
    public async Task<PagedResult<(FairRegistration Registration, Fair Fair, int? WaitlistPosition)>> ListMineAsync(Actor actor, PageRequest page,
        CancellationToken cancellationToken)
    {
        var userId = actor.UserId ?? -1;
        var mine = from r in db.FairRegistrations.AsNoTracking()
                   join f in db.Fairs.AsNoTracking() on r.FairId equals f.Id
                   where r.UserId == userId
                   select new { r, f };
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(x => x.f.StartsAt).ThenByDescending(x => x.f.Id).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        var items = new List<(FairRegistration, Fair, int?)>(rows.Count);
        foreach (var x in rows.OrderByDescending(x => x.f.StartsAt).ThenByDescending(x => x.f.Id))
        {
            items.Add((x.r, x.f, await PositionAsync(x.r, cancellationToken)));
        }

        return new PagedResult<(FairRegistration, Fair, int?)>(total, page.Page, page.PageSize, items);
    }

    /// <summary>Cancels the caller's registration; a freed seat goes to the head of the waitlist in the same transaction.</summary>
    public async Task<ServiceResult<SeatRelease>> CancelMineAsync(Actor actor, long fairId, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return ServiceResult<SeatRelease>.Forbidden("请先登录");
        }

        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        var mine = fair is null ? null
            : await db.FairRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.FairId == fairId && r.UserId == userId, cancellationToken);
        if (fair is null || mine is null || mine.Status == RegistrationStatus.Cancelled)
        {
            return ServiceResult<SeatRelease>.NotFound("你没有报名这场活动");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (mine.CheckedInAt is not null)
        {
            return ServiceResult<SeatRelease>.Conflict("已签到，不能取消报名");
        }

        if (now >= fair.EndsAt)
        {
            return ServiceResult<SeatRelease>.Conflict("活动已结束，不能取消报名");
        }

        var release = await seats.ReleaseAsync(fair.Id, fair.TicketSalt, userId, now, cancellationToken);
        if (release.CheckedIn)
        {
            return ServiceResult<SeatRelease>.Conflict("已签到，不能取消报名");
        }

        return release.Cancelled is null
            ? ServiceResult<SeatRelease>.NotFound("你没有报名这场活动")
            : ServiceResult<SeatRelease>.Ok(release);
    }

    public async Task<ServiceResult<PagedResult<AttendeeView>>> ListAsync(Actor actor, long fairId, RegistrationStatus? status, PageRequest page,
        CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || (!fair.IsPublished && !FairService.CanSeeDrafts(actor)))
        {
            return ServiceResult<PagedResult<AttendeeView>>.NotFound($"招聘会 {fairId} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<PagedResult<AttendeeView>>.Forbidden("只有举办城市的组织方可以查看报名名单");
        }

        var query = db.FairRegistrations.AsNoTracking().Where(r => r.FairId == fairId);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await (from r in query.OrderBy(r => r.Seq).Skip(page.Skip).Take(page.PageSize)
                          join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                          select new { r, u.DisplayName }).ToListAsync(cancellationToken);
        // Waitlist positions of a page follow from the number of waitlisted arrivals before the page's first row.
        var firstSeq = rows.Count > 0 ? rows.Min(x => x.r.Seq) : 0;
        var waitlistedBefore = await db.FairRegistrations.CountAsync(
            r => r.FairId == fairId && r.Status == RegistrationStatus.Waitlisted && r.Seq < firstSeq, cancellationToken);
        var items = new List<AttendeeView>(rows.Count);
        foreach (var row in rows.OrderBy(x => x.r.Seq))
        {
            int? position = null;
            if (row.r.Status == RegistrationStatus.Waitlisted)
            {
                position = ++waitlistedBefore;
            }

            items.Add(new AttendeeView(row.r, position, row.DisplayName));
        }

        return ServiceResult<PagedResult<AttendeeView>>.Ok(new PagedResult<AttendeeView>(total, page.Page, page.PageSize, items));
    }

    /// <summary>Checks a ticket in once; a second scan of the same ticket is refused with when it was first used.</summary>
    public async Task<ServiceResult<CheckInView>> CheckInAsync(Actor actor, long fairId, string? ticketText, CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || (!fair.IsPublished && !FairService.CanSeeDrafts(actor)))
        {
            return ServiceResult<CheckInView>.NotFound($"招聘会 {fairId} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<CheckInView>.Forbidden("只有举办城市的组织方可以签到");
        }

        var ticket = TicketCodes.Normalize(ticketText);
        if (ticket is null)
        {
            return ServiceResult<CheckInView>.Invalid(ValidationErrors.Single("ticket", "门票号应为 10 位字母数字，如 7K3QD-M9X2B"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now < fair.StartsAt - CheckInOpensBefore || now >= fair.EndsAt)
        {
            return ServiceResult<CheckInView>.Conflict("不在签到时间内：活动开始前 2 小时至活动结束");
        }

        var registration = await db.FairRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.FairId == fairId && r.Ticket == ticket, cancellationToken);
        if (registration is null || registration.Status != RegistrationStatus.Registered)
        {
            return ServiceResult<CheckInView>.NotFound(await WhyNotValidAsync(fair, ticket, cancellationToken));
        }

        // The condition makes two scanners racing on one ticket check it in once.
        var updated = await db.FairRegistrations
            .Where(r => r.Id == registration.Id && r.CheckedInAt == null && r.Status == RegistrationStatus.Registered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, now).SetProperty(r => r.CheckedInBy, actor.UserId), cancellationToken);
        var current = await db.FairRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id, cancellationToken);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == current.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        if (updated == 0)
        {
            var at = current.CheckedInAt is { } t ? TimeZoneInfo.ConvertTimeFromUtc(t, options.Value.Zone).ToString("yyyy-MM-dd HH:mm:ss") : "之前";
            // The door page shows who it is and when they came in; the API answers with the message only.
            return new ServiceResult<CheckInView>(ServiceStatus.Conflict, new CheckInView(current, name), null, $"该门票已于 {at} 签到，不能重复签到");
        }

        return ServiceResult<CheckInView>.Ok(new CheckInView(current, name));
    }

    /// <summary>
    /// Why a well-formed code is no ticket of this fair, so the door can tell the person what to do. Codes are derived, not
    /// stored, once a seat is given up or never given, so cancelled and waitlisted arrivals are recognised by deriving theirs.
    /// </summary>
    private async Task<string> WhyNotValidAsync(Fair fair, string ticket, CancellationToken cancellationToken)
    {
        var unseated = await db.FairRegistrations.AsNoTracking()
            .Where(r => r.FairId == fair.Id && r.Status != RegistrationStatus.Registered)
            .Select(r => new { r.UserId, r.Seq, r.Status }).ToListAsync(cancellationToken);
        var match = unseated.FirstOrDefault(r => TicketCodes.For(fair.TicketSalt, fair.Id, r.UserId, r.Seq) == ticket);
        if (match is not null)
        {
            return match.Status == RegistrationStatus.Cancelled
                ? "报名已取消：这张门票已失效"
                : "候补未确认：仍在候补名单中，还没有入场名额";
        }

        if (await db.FairRegistrations.AsNoTracking().AnyAsync(r => r.FairId != fair.Id && r.Ticket == ticket, cancellationToken))
        {
            return "不是本场招聘会的门票：请核对活动名称和日期";
        }

        return "票号无效：没有这张门票，请核对票号";
    }

    /// <summary>
    /// One page of a fair's registrations for the organisers' list, in arrival order, found by name or ticket code. Only
    /// what the door and the organisers need: name, ticket, status, check-in time, school and major from the résumé.
    /// </summary>
    public async Task<ServiceResult<PagedResult<AttendeeRow>>> SearchAsync(Actor actor, long fairId, string? search, PageRequest page,
        CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || (!fair.IsPublished && !FairService.CanSeeDrafts(actor)))
        {
            return ServiceResult<PagedResult<AttendeeRow>>.NotFound($"招聘会 {fairId} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<PagedResult<AttendeeRow>>.Forbidden("只有举办城市的组织方可以查看报名名单");
        }

        var text = search?.Trim();
        var ticket = TicketCodes.Normalize(text);
        var rows = Rows(fairId, string.IsNullOrEmpty(text) ? null : text, ticket);
        var total = await rows.CountAsync(cancellationToken);
        var items = await Project(rows, page).ToListAsync(cancellationToken);
        return ServiceResult<PagedResult<AttendeeRow>>.Ok(new PagedResult<AttendeeRow>(total, page.Page, page.PageSize, items));
    }

    /// <summary>Every registration of the fair in arrival order, for the export; the caller has been allowed by <see cref="SearchAsync"/>.</summary>
    public IAsyncEnumerable<AttendeeRow> ExportRowsAsync(long fairId) => Project(Rows(fairId, null, null), null).AsAsyncEnumerable();

    private IQueryable<RegistrationOfUser> Rows(long fairId, string? name, string? ticket)
    {
        var rows = from r in db.FairRegistrations.AsNoTracking()
                   where r.FairId == fairId
                   join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                   select new RegistrationOfUser { Registration = r, Name = u.DisplayName };
        return name is null ? rows : rows.Where(x => x.Name.Contains(name) || (ticket != null && x.Registration.Ticket == ticket));
    }

    /// <summary>Arrival order, with school and major from the résumé when there is one; a page of it, or all.</summary>
    private IQueryable<AttendeeRow> Project(IQueryable<RegistrationOfUser> rows, PageRequest? page)
    {
        var joined = (from x in rows
                      join cv in db.Resumes.AsNoTracking() on x.Registration.UserId equals cv.OwnerUserId into cvs
                      from cv in cvs.DefaultIfEmpty()
                      select new
                      {
                          x.Registration.Seq, x.Name, x.Registration.Ticket, x.Registration.Status, x.Registration.CheckedInAt,
                          School = cv == null ? null : cv.School, Major = cv == null ? null : cv.Major,
                      }).OrderBy(a => a.Seq);
        var shown = page is null ? joined : joined.Skip(page.Skip).Take(page.PageSize);
        return shown.Select(a => new AttendeeRow(a.Seq, a.Name, a.Ticket, a.Status, a.CheckedInAt, a.School, a.Major));
    }

    private sealed class RegistrationOfUser
    {
        public required FairRegistration Registration { get; init; }

        public required string Name { get; init; }
    }

    /// <summary>A registered ticket of a published fair, for drawing its QR image.</summary>
    public async Task<FairRegistration?> FindTicketAsync(long fairId, string? ticketText, CancellationToken cancellationToken)
    {
        var ticket = TicketCodes.Normalize(ticketText);
        return ticket is null
            ? null
            : await db.FairRegistrations.AsNoTracking()
                .SingleOrDefaultAsync(r => r.FairId == fairId && r.Ticket == ticket && r.Status == RegistrationStatus.Registered, cancellationToken);
    }

    public async Task<int?> PositionAsync(FairRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Waitlisted)
        {
            return null;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        return await store.WaitlistPositionAsync(connection, null, registration, cancellationToken);
    }

    private static TeamEntry? ValidateTeam(AttendeeDraft? draft, ValidationErrors errors)
    {
        var teamName = draft?.TeamName?.Trim() ?? "";
        var projectName = draft?.ProjectName?.Trim() ?? "";
        if (teamName.Length == 0 || teamName.Length > FairRules.TeamNameMaxLength)
        {
            errors.Add("teamName", $"请填写队名（最多 {FairRules.TeamNameMaxLength} 个字符）");
        }

        if (projectName.Length == 0 || projectName.Length > FairRules.TeamNameMaxLength)
        {
            errors.Add("projectName", $"请填写参赛项目名称（最多 {FairRules.TeamNameMaxLength} 个字符）");
        }

        var summary = string.IsNullOrWhiteSpace(draft?.ProjectSummary) ? null : draft.ProjectSummary.Trim();
        if (summary is { Length: > FairRules.ProjectSummaryMaxLength })
        {
            errors.Add("projectSummary", $"项目简介最多 {FairRules.ProjectSummaryMaxLength} 个字符");
        }

        var members = new List<TeamMember>();
        foreach (var (m, i) in (draft?.Members ?? []).Select((m, i) => (m, i)))
        {
            var name = m?.Name?.Trim() ?? "";
            if (name.Length == 0 || name.Length > FairRules.MemberNameMaxLength)
            {
                errors.Add($"members[{i}].name", $"请填写队员姓名（最多 {FairRules.MemberNameMaxLength} 个字符）");
                continue;
            }

            members.Add(new TeamMember { Name = name, School = string.IsNullOrWhiteSpace(m!.School) ? null : m.School.Trim() });
        }

        if ((draft?.Members?.Count ?? 0) + 1 > FairRules.MaxTeamSize)
        {
            errors.Add("members", $"每队 1 到 {FairRules.MaxTeamSize} 人（含报名的队长），队员最多 {FairRules.MaxTeamSize - 1} 人");
        }

        return errors.IsEmpty ? new TeamEntry(teamName, projectName, summary, members) : null;
    }
}
