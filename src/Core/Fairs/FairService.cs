using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Fairs;

/// <summary>What an organiser sends to create or replace a fair; missing windows get defaults from the start time.</summary>
public sealed record FairDraft(
    string? Kind,
    string? Title,
    string? Description,
    string? HostCity,
    string? Venue,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? BoothCapacity,
    int? AttendeeCapacity,
    IReadOnlyList<string>? Themes,
    DateTimeOffset? EmployerWindowOpensAt,
    DateTimeOffset? EmployerWindowClosesAt,
    DateTimeOffset? AttendeeWindowOpensAt,
    DateTimeOffset? AttendeeWindowClosesAt,
    double? OtherCityBoothShare);

public sealed record FairListQuery(
    string? CityCode,
    string? RegionCode,
    DateOnly? From,
    DateOnly? To,
    string? Theme,
    FairKind? Kind,
    FairState? State,
    long? SeasonId);

/// <summary>A fair with its live counts.</summary>
public sealed record FairView(Fair Fair, FairCounts Counts);

public sealed record FairCounts(int Registered, int Waitlisted, int CheckedIn, int BoothApplications, int BoothsAllocated);

/// <summary>Fairs themselves: create, replace, publish, delete a draft, list and read. Registration lives in its own services.</summary>
public sealed class FairService(JobsDbContext db, CityDirectory cities, TimeProvider clock, IOptions<FairOptions> options, FairLifecycle lifecycle)
{
    public static bool CanSeeDrafts(Actor actor) => actor.IsAdmin || actor.IsOrganiser;

    public async Task<ServiceResult<FairView>> GetAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fair is null || (!fair.IsPublished && !CanSeeDrafts(actor)))
        {
            return ServiceResult<FairView>.NotFound($"招聘会 {id} 不存在");
        }

        return ServiceResult<FairView>.Ok(new FairView(fair, await CountsAsync(id, cancellationToken)));
    }

    public async Task<FairCounts> CountsAsync(long fairId, CancellationToken cancellationToken)
    {
        var registrations = await db.FairRegistrations.AsNoTracking().Where(r => r.FairId == fairId)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count(), CheckedIn = g.Count(r => r.CheckedInAt != null) })
            .ToListAsync(cancellationToken);
        var booths = await db.BoothApplications.AsNoTracking().Where(b => b.FairId == fairId)
            .GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new FairCounts(
            registrations.Where(r => r.Key == RegistrationStatus.Registered).Sum(r => r.Count),
            registrations.Where(r => r.Key == RegistrationStatus.Waitlisted).Sum(r => r.Count),
            registrations.Sum(r => r.CheckedIn),
            booths.Where(b => b.Key != BoothStatus.Withdrawn).Sum(b => b.Count),
            booths.Where(b => b.Key == BoothStatus.Allocated).Sum(b => b.Count));
    }

    public async Task<PagedResult<Fair>> ListAsync(Actor actor, FairListQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var fairs = db.Fairs.AsNoTracking();
        if (!CanSeeDrafts(actor))
        {
            fairs = fairs.Where(f => f.PublishedAt != null);
        }

        if (query.CityCode is { } city)
        {
            fairs = fairs.Where(f => f.HostCityCode == city);
        }

        if (query.RegionCode is { } region)
        {
            fairs = fairs.Where(f => f.RegionCode == region);
        }

        // A fair is in a date range when any of its days is.
        if (query.From is { } from)
        {
            var fromUtc = LocalDayStartUtc(from);
            fairs = fairs.Where(f => f.EndsAt > fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = LocalDayStartUtc(to.AddDays(1));
            fairs = fairs.Where(f => f.StartsAt < toUtc);
        }

        if (query.Theme is { } theme)
        {
            fairs = fairs.Where(f => f.Themes.Contains(theme));
        }

        if (query.Kind is { } kind)
        {
            fairs = fairs.Where(f => f.Kind == kind);
        }

        if (query.State is { } state)
        {
            fairs = fairs.Where(f => f.State == state);
        }

        if (query.SeasonId is { } season)
        {
            fairs = fairs.Where(f => f.SeasonId == season);
        }

        var total = await fairs.CountAsync(cancellationToken);
        var items = await fairs.OrderBy(f => f.StartsAt).ThenBy(f => f.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<Fair>(total, page.Page, page.PageSize, items);
    }

    public async Task<ServiceResult<FairView>> CreateAsync(Actor actor, FairDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return ServiceResult<FairView>.Forbidden("只有组织方可以创建招聘会");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var fair = NewFair(actor, draft, now, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResult<FairView>.Invalid(errors);
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<FairView>.Forbidden("组织方只能为本市创建招聘会");
        }

        fair.UpdatedAt = now;
        db.Fairs.Add(fair);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<FairView>.Created(new FairView(fair, new FairCounts(0, 0, 0, 0, 0)));
    }

    public async Task<ServiceResult<FairView>> UpdateAsync(Actor actor, long id, FairDraft draft, CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fair is null || (!fair.IsPublished && !CanSeeDrafts(actor)))
        {
            return ServiceResult<FairView>.NotFound($"招聘会 {id} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<FairView>.Forbidden("只有举办城市的组织方可以修改招聘会");
        }

        if (fair.State is FairState.Held or FairState.Archived)
        {
            return ServiceResult<FairView>.Conflict("招聘会已举办，不能再修改");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var changed = new Fair { Title = "", HostCityCode = "", RegionCode = "", Venue = "", TicketSalt = fair.TicketSalt };
        Apply(draft, changed, now, errors, fair);
        if (!errors.IsEmpty)
        {
            return ServiceResult<FairView>.Invalid(errors);
        }

        if (fair.State != FairState.Draft && FrozenOnceOpen(fair, changed))
        {
            // Seats, booths and tickets were handed out against these numbers and times; changing them would break promises made.
            return ServiceResult<FairView>.Conflict("报名开始后不能修改类型、举办城市、时间、报名窗口、容量和外地展位比例，只能修改名称、介绍、场馆和主题");
        }

        if (!actor.ActsForCity(changed.HostCityCode))
        {
            return ServiceResult<FairView>.Forbidden("组织方只能把招聘会交给本市举办；换到其他城市请联系管理员");
        }

        fair.Kind = changed.Kind;
        fair.Title = changed.Title;
        fair.Description = changed.Description;
        fair.HostCityCode = changed.HostCityCode;
        fair.RegionCode = changed.RegionCode;
        fair.Venue = changed.Venue;
        fair.StartsAt = changed.StartsAt;
        fair.EndsAt = changed.EndsAt;
        fair.BoothCapacity = changed.BoothCapacity;
        fair.AttendeeCapacity = changed.AttendeeCapacity;
        fair.Themes = changed.Themes;
        fair.EmployerWindowOpensAt = changed.EmployerWindowOpensAt;
        fair.EmployerWindowClosesAt = changed.EmployerWindowClosesAt;
        fair.AttendeeWindowOpensAt = changed.AttendeeWindowOpensAt;
        fair.AttendeeWindowClosesAt = changed.AttendeeWindowClosesAt;
        fair.OtherCityBoothShare = changed.OtherCityBoothShare;
        fair.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<FairView>.Ok(new FairView(fair, await CountsAsync(id, cancellationToken)));
    }

    /// <summary>Makes a draft public; the deadline job (run here at once) opens it when its first window opens.</summary>
    public async Task<ServiceResult<FairView>> PublishAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fair is null || !CanSeeDrafts(actor))
        {
            return ServiceResult<FairView>.NotFound($"招聘会 {id} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<FairView>.Forbidden("只有举办城市的组织方可以发布招聘会");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!fair.IsPublished)
        {
            if (fair.AttendeeWindowClosesAt <= now || fair.EmployerWindowClosesAt <= now)
            {
                return ServiceResult<FairView>.Conflict("报名窗口已经过去，请先修改时间再发布");
            }

            fair.PublishedAt = now;
            fair.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await lifecycle.AdvanceAsync(fair.Id, cancellationToken);
            await db.Entry(fair).ReloadAsync(cancellationToken);
        }

        return ServiceResult<FairView>.Ok(new FairView(fair, await CountsAsync(id, cancellationToken)));
    }

    /// <summary>Only an unpublished draft can be deleted: nobody outside the organisers has seen it.</summary>
    public async Task<ServiceResult<long>> DeleteAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var fair = await db.Fairs.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fair is null || !CanSeeDrafts(actor))
        {
            return ServiceResult<long>.NotFound($"招聘会 {id} 不存在");
        }

        if (!actor.ActsForCity(fair.HostCityCode))
        {
            return ServiceResult<long>.Forbidden("只有举办城市的组织方可以删除招聘会");
        }

        if (fair.IsPublished)
        {
            return ServiceResult<long>.Conflict("已发布的招聘会不能删除");
        }

        db.Fairs.Remove(fair);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<long>.Ok(id);
    }

    /// <summary>Validates a new fair without storing it; season planning builds a season's fairs through here.</summary>
    public Fair NewFair(Actor actor, FairDraft draft, DateTime now, ValidationErrors errors)
    {
        var fair = new Fair { Title = "", HostCityCode = "", RegionCode = "", Venue = "", TicketSalt = TicketCodes.NewSalt(), CreatedBy = actor.UserId, CreatedAt = now };
        Apply(draft, fair, now, errors);
        fair.UpdatedAt = now;
        return fair;
    }

    public DateTime LocalDayStartUtc(DateOnly day) => LocalTime(day, TimeOnly.MinValue).UtcDateTime;

    /// <summary>A local date and time in the member cities' zone (<see cref="FairOptions.TimeZone"/>).</summary>
    public DateTimeOffset LocalTime(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, options.Value.Zone.GetUtcOffset(local));
    }

    private static bool FrozenOnceOpen(Fair current, Fair changed) =>
        current.Kind != changed.Kind || current.HostCityCode != changed.HostCityCode || current.StartsAt != changed.StartsAt
        || current.EndsAt != changed.EndsAt || current.BoothCapacity != changed.BoothCapacity || current.AttendeeCapacity != changed.AttendeeCapacity
        || current.EmployerWindowOpensAt != changed.EmployerWindowOpensAt || current.EmployerWindowClosesAt != changed.EmployerWindowClosesAt
        || current.AttendeeWindowOpensAt != changed.AttendeeWindowOpensAt || current.AttendeeWindowClosesAt != changed.AttendeeWindowClosesAt
        || Math.Abs(current.OtherCityBoothShare - changed.OtherCityBoothShare) > 1e-9;

    /// <summary>Validates the draft into <paramref name="fair"/>. When replacing, <paramref name="current"/> keeps windows that were not sent.</summary>
    private void Apply(FairDraft draft, Fair fair, DateTime now, ValidationErrors errors, Fair? current = null)
    {
        switch (draft.Kind?.Trim().ToLowerInvariant())
        {
            case null or "" or "fair":
                fair.Kind = FairKind.Fair;
                break;
            case "contest":
                fair.Kind = FairKind.Contest;
                break;
            default:
                errors.Add("kind", "kind 应为 fair（招聘会）或 contest（创业大赛）");
                break;
        }

        fair.Title = Required(draft.Title, "title", "名称", FairRules.TitleMaxLength, errors);
        fair.Venue = Required(draft.Venue, "venue", "场馆", FairRules.VenueMaxLength, errors);
        fair.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        if (fair.Description is { Length: > FairRules.DescriptionMaxLength })
        {
            errors.Add("description", $"介绍最多 {FairRules.DescriptionMaxLength} 个字符");
        }

        var city = cities.Resolve(draft.HostCity);
        if (city is null)
        {
            errors.Add("hostCity", string.IsNullOrWhiteSpace(draft.HostCity) ? "请填写举办城市" : $"未知城市“{draft.HostCity}”，可选：{cities.ValidNamesText}");
        }
        else
        {
            fair.HostCityCode = city.Code;
            fair.RegionCode = city.RegionCode;
        }

        if (draft.StartsAt is not { } starts || draft.EndsAt is not { } ends)
        {
            if (draft.StartsAt is null)
            {
                errors.Add("startsAt", "请填写开始时间（带时区，如 2027-03-20T09:00:00+08:00）");
            }

            if (draft.EndsAt is null)
            {
                errors.Add("endsAt", "请填写结束时间（带时区，如 2027-03-20T16:00:00+08:00）");
            }

            return;
        }

        if (starts.Year is < FairRules.MinYear or > FairRules.MaxYear || ends.Year is < FairRules.MinYear or > FairRules.MaxYear)
        {
            errors.Add(starts.Year is < FairRules.MinYear or > FairRules.MaxYear ? "startsAt" : "endsAt",
                $"日期应在 {FairRules.MinYear} 年到 {FairRules.MaxYear} 年之间");
            return;
        }

        fair.StartsAt = starts.UtcDateTime;
        fair.EndsAt = ends.UtcDateTime;
        if (fair.EndsAt <= fair.StartsAt)
        {
            errors.Add("endsAt", "结束时间必须晚于开始时间");
        }
        else if (fair.EndsAt - fair.StartsAt > FairRules.MaxDuration)
        {
            errors.Add("endsAt", "一场活动最长 7 天");
        }

        if (current is null && fair.StartsAt <= now)
        {
            errors.Add("startsAt", "开始时间必须在未来");
        }

        fair.BoothCapacity = draft.BoothCapacity ?? current?.BoothCapacity ?? (fair.Kind == FairKind.Contest ? 0 : -1);
        if (fair.Kind == FairKind.Fair && (fair.BoothCapacity < 1 || fair.BoothCapacity > FairRules.MaxBooths))
        {
            errors.Add("boothCapacity", $"展位数应在 1 到 {FairRules.MaxBooths} 之间");
        }
        else if (fair.Kind == FairKind.Contest && (fair.BoothCapacity < 0 || fair.BoothCapacity > FairRules.MaxBooths))
        {
            errors.Add("boothCapacity", $"展位数应在 0 到 {FairRules.MaxBooths} 之间");
        }

        fair.AttendeeCapacity = draft.AttendeeCapacity ?? current?.AttendeeCapacity ?? -1;
        if (fair.AttendeeCapacity < 1 || fair.AttendeeCapacity > FairRules.MaxAttendees)
        {
            errors.Add("attendeeCapacity", fair.Kind == FairKind.Contest
                ? $"参赛队伍名额应在 1 到 {FairRules.MaxAttendees} 之间"
                : $"求职者名额应在 1 到 {FairRules.MaxAttendees} 之间");
        }

        fair.Themes = [];
        foreach (var theme in draft.Themes ?? current?.Themes ?? [])
        {
            var t = theme?.Trim() ?? "";
            if (t.Length == 0 || t.Length > FairRules.ThemeMaxLength)
            {
                errors.Add("themes", $"每个主题 1 到 {FairRules.ThemeMaxLength} 个字符");
            }
            else if (!fair.Themes.Contains(t))
            {
                fair.Themes.Add(t);
            }
        }

        if (fair.Themes.Count > FairRules.MaxThemes)
        {
            errors.Add("themes", $"最多 {FairRules.MaxThemes} 个主题");
        }

        fair.OtherCityBoothShare = draft.OtherCityBoothShare ?? current?.OtherCityBoothShare ?? options.Value.OtherCityBoothShare;
        if (fair.OtherCityBoothShare is < 0 or > 1 || double.IsNaN(fair.OtherCityBoothShare))
        {
            errors.Add("otherCityBoothShare", "外地企业展位比例应在 0 到 1 之间");
        }

        var defaults = FairRules.DefaultWindows(fair.StartsAt, now);
        fair.EmployerWindowOpensAt = draft.EmployerWindowOpensAt?.UtcDateTime ?? current?.EmployerWindowOpensAt ?? defaults.Opens;
        fair.EmployerWindowClosesAt = draft.EmployerWindowClosesAt?.UtcDateTime ?? current?.EmployerWindowClosesAt ?? defaults.EmployerCloses;
        fair.AttendeeWindowOpensAt = draft.AttendeeWindowOpensAt?.UtcDateTime ?? current?.AttendeeWindowOpensAt ?? defaults.Opens;
        fair.AttendeeWindowClosesAt = draft.AttendeeWindowClosesAt?.UtcDateTime ?? current?.AttendeeWindowClosesAt ?? defaults.AttendeeCloses;
        if (fair.EmployerWindowClosesAt <= fair.EmployerWindowOpensAt)
        {
            errors.Add("employerWindowClosesAt", "企业报名截止时间必须晚于开始时间");
        }

        if (fair.EmployerWindowClosesAt > fair.StartsAt)
        {
            errors.Add("employerWindowClosesAt", "企业报名须在活动开始前截止，以便分配展位");
        }

        if (fair.AttendeeWindowClosesAt <= fair.AttendeeWindowOpensAt)
        {
            errors.Add("attendeeWindowClosesAt", "求职者报名截止时间必须晚于开始时间");
        }

        if (fair.AttendeeWindowClosesAt > fair.EndsAt)
        {
            errors.Add("attendeeWindowClosesAt", "求职者报名最晚在活动结束时截止");
        }
    }

    private static string Required(string? value, string field, string label, int maxLength, ValidationErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(field, $"请填写{label}");
        }
        else if (text.Length > maxLength)
        {
            errors.Add(field, $"{label}最多 {maxLength} 个字符");
        }

        return text;
    }
}
