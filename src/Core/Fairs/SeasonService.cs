using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Fairs;

public sealed record SeasonProposalDraft(string? Region, string? Kind, DateOnly? From, DateOnly? To, int? Count, IReadOnlyList<DateOnly>? AvoidDates,
    IReadOnlyList<string>? HostCities, string? PreviousHost);

public sealed record SeasonProposal(Region Region, FairKind Kind, SeasonRequest Request, SeasonPlan Plan);

public sealed record SeasonSlotDraft(DateOnly? Date, string? HostCity, string? Title, string? Venue);

/// <summary>A season to create: the (possibly edited) slots of a proposal and the defaults every fair of it starts with.</summary>
public sealed record SeasonDraft(string? Name, string? Region, string? Kind, DateOnly? From, DateOnly? To, int? BoothCapacity, int? AttendeeCapacity,
    IReadOnlyList<string>? Themes, IReadOnlyList<SeasonSlotDraft>? Slots);

public sealed record SeasonView(FairSeason Season, IReadOnlyList<Fair> Fairs);

/// <summary>Plans a season by <see cref="SeasonPlanner"/>'s rule and creates its fairs as drafts for each host city to finish.</summary>
public sealed class SeasonService(JobsDbContext db, CityDirectory cities, FairService fairs, TimeProvider clock, IOptions<FairOptions> options)
{
    public const int MaxSlots = SeasonPlanner.MaxFairs;

    public async Task<ServiceResult<SeasonProposal>> ProposeAsync(Actor actor, SeasonProposalDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return ServiceResult<SeasonProposal>.Forbidden("只有组织方可以规划招聘季");
        }

        var errors = new ValidationErrors();
        var region = ResolveRegion(actor, draft.Region, errors);
        var kind = ParseKind(draft.Kind, errors);
        if (draft.From is null)
        {
            errors.Add("from", "请填写开始日期（如 2027-03-01）");
        }

        if (draft.To is null)
        {
            errors.Add("to", "请填写结束日期（如 2027-06-30）");
        }

        if (draft.Count is null)
        {
            errors.Add("count", "请填写场次数");
        }

        CheckYears(draft.From, draft.To, errors);

        var hosts = new List<string>();
        foreach (var text in draft.HostCities ?? [])
        {
            var city = cities.Resolve(text);
            if (city is null || (region is not null && city.RegionCode != region.Code))
            {
                errors.Add("hostCities", $"“{text}”不是{region?.Name ?? "该区域"}的成员城市");
            }
            else
            {
                hosts.Add(city.Code);
            }
        }

        string? previous = null;
        if (!string.IsNullOrWhiteSpace(draft.PreviousHost))
        {
            previous = cities.Resolve(draft.PreviousHost)?.Code;
            if (previous is null)
            {
                errors.Add("previousHost", $"未知城市“{draft.PreviousHost}”");
            }
        }

        if (!errors.IsEmpty || region is null)
        {
            return ServiceResult<SeasonProposal>.Invalid(errors);
        }

        if (hosts.Count == 0)
        {
            hosts = region.Cities.Select(c => c.Code).ToList();
        }

        if (previous is null && hosts.Count > 1)
        {
            // The rotation carries on from the region's last fair of this kind before the season, so no city hosts twice running.
            var before = fairs.LocalDayStartUtc(draft.From!.Value);
            previous = await db.Fairs.AsNoTracking().Where(f => f.RegionCode == region.Code && f.Kind == kind && f.StartsAt < before)
                .OrderByDescending(f => f.StartsAt).Select(f => f.HostCityCode).FirstOrDefaultAsync(cancellationToken);
        }

        var request = new SeasonRequest(draft.From!.Value, draft.To!.Value, draft.Count!.Value, hosts, draft.AvoidDates ?? [], previous);
        var plan = SeasonPlanner.Propose(request);
        if (!plan.IsValid)
        {
            foreach (var problem in plan.Problems)
            {
                errors.Add("season", problem);
            }

            return ServiceResult<SeasonProposal>.Invalid(errors);
        }

        return ServiceResult<SeasonProposal>.Ok(new SeasonProposal(region, kind, request, plan));
    }

    public async Task<ServiceResult<SeasonView>> CreateAsync(Actor actor, SeasonDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return ServiceResult<SeasonView>.Forbidden("只有组织方可以规划招聘季");
        }

        var errors = new ValidationErrors();
        var region = ResolveRegion(actor, draft.Region, errors);
        var kind = ParseKind(draft.Kind, errors);
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > FairRules.TitleMaxLength)
        {
            errors.Add("name", $"请填写招聘季名称（最多 {FairRules.TitleMaxLength} 个字符）");
        }

        if (draft.From is null || draft.To is null || draft.To < draft.From)
        {
            errors.Add("to", "请填写开始和结束日期，结束不早于开始");
        }

        CheckYears(draft.From, draft.To, errors);
        var slots = draft.Slots ?? [];
        if (slots.Count == 0 || slots.Count > MaxSlots)
        {
            errors.Add("slots", $"请提交 1 到 {MaxSlots} 个场次（可先调用 /api/fairs/seasons/proposal 获取建议）");
        }

        if (!errors.IsEmpty || region is null)
        {
            return ServiceResult<SeasonView>.Invalid(errors);
        }

        if (!actor.IsAdmin && cities.FindByCode(actor.CityCode)?.RegionCode != region.Code)
        {
            return ServiceResult<SeasonView>.Forbidden("组织方只能规划本区域的招聘季");
        }

        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<Fair>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var slotErrors = new ValidationErrors();
            var city = cities.Resolve(slot.HostCity);
            if (slot.Date is not { } date)
            {
                errors.Add($"slots[{i}].date", "请填写日期");
                continue;
            }

            if (date < draft.From || date > draft.To)
            {
                errors.Add($"slots[{i}].date", "日期不在招聘季范围内");
                continue;
            }

            if (city is null || city.RegionCode != region.Code)
            {
                errors.Add($"slots[{i}].hostCity", $"“{slot.HostCity}”不是{region.Name}的成员城市");
                continue;
            }

            var title = string.IsNullOrWhiteSpace(slot.Title)
                ? $"{name}·{city.Name}站"
                : slot.Title.Trim();
            var fair = fairs.NewFair(actor, new FairDraft(kind.Wire(), title, null, city.Code,
                    string.IsNullOrWhiteSpace(slot.Venue) ? $"{city.FullName}（场馆待定）" : slot.Venue,
                    fairs.LocalTime(date, o.DefaultStartTime), fairs.LocalTime(date, o.DefaultEndTime),
                    draft.BoothCapacity ?? (kind == FairKind.Contest ? 0 : 100), draft.AttendeeCapacity ?? (kind == FairKind.Contest ? 50 : 1000),
                    draft.Themes, null, null, null, null, null),
                now, slotErrors);
            foreach (var (field, messages) in slotErrors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add($"slots[{i}].{field}", message);
                }
            }

            created.Add(fair);
        }

        if (!errors.IsEmpty)
        {
            return ServiceResult<SeasonView>.Invalid(errors);
        }

        var season = new FairSeason { Name = name, RegionCode = region.Code, Kind = kind, From = draft.From!.Value, To = draft.To!.Value, CreatedBy = actor.UserId, CreatedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.FairSeasons.Add(season);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var fair in created)
        {
            fair.SeasonId = season.Id;
            db.Fairs.Add(fair);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<SeasonView>.Created(new SeasonView(season, created.OrderBy(f => f.StartsAt).ToList()));
    }

    public async Task<ServiceResult<SeasonView>> GetAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var season = await db.FairSeasons.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (season is null)
        {
            return ServiceResult<SeasonView>.NotFound($"招聘季 {id} 不存在");
        }

        var list = db.Fairs.AsNoTracking().Where(f => f.SeasonId == id);
        if (!FairService.CanSeeDrafts(actor))
        {
            list = list.Where(f => f.PublishedAt != null);
        }

        return ServiceResult<SeasonView>.Ok(new SeasonView(season, await list.OrderBy(f => f.StartsAt).ToListAsync(cancellationToken)));
    }

    private static void CheckYears(DateOnly? from, DateOnly? to, ValidationErrors errors)
    {
        foreach (var (date, field) in new[] { (from, "from"), (to, "to") })
        {
            if (date is { Year: < FairRules.MinYear or > FairRules.MaxYear })
            {
                errors.Add(field, $"日期应在 {FairRules.MinYear} 年到 {FairRules.MaxYear} 年之间");
            }
        }
    }

    private Region? ResolveRegion(Actor actor, string? text, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            var region = cities.FindRegion(text.Trim());
            if (region is null)
            {
                errors.Add("region", $"未知区域“{text}”，可选：{string.Join("、", cities.Regions.Select(r => $"{r.Code}（{r.Name}）"))}");
            }

            return region;
        }

        return cities.FindByCode(actor.CityCode) is { } own ? cities.FindRegion(own.RegionCode) : cities.DefaultRegion;
    }

    private static FairKind ParseKind(string? text, ValidationErrors errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "fair":
                return FairKind.Fair;
            case "contest":
                return FairKind.Contest;
            default:
                errors.Add("kind", "kind 应为 fair（招聘会）或 contest（创业大赛）");
                return FairKind.Fair;
        }
    }
}
