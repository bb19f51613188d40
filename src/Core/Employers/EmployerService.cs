using Jobs.Core.ChangeLog;
using Jobs.Core.Common;
using Jobs.Core.Fairs;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Employers;

public sealed record EmployerDraft(string? Name, string? CreditCode, string? City, string? Industry, string? Size, string? Description);

public sealed record EmployerListQuery(string? CityCode, string? NameContains);

/// <summary>
/// Told inside the transaction that records an employer's identity change, before it commits: verification sends the
/// employer back to review (<see cref="VerificationIdentityObserver"/>).
/// </summary>
public interface IEmployerIdentityObserver
{
    Task IdentityChangedAsync(Employer employer, IReadOnlyList<EmployerChange> changes, CancellationToken cancellationToken);
}

public sealed class EmployerService(
    JobsDbContext db,
    CityDirectory cities,
    TimeProvider clock,
    IEnumerable<IEmployerIdentityObserver> identityObservers,
    IEnumerable<IPostingChangeObserver> postingObservers)
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 5000;

    public Task<Employer?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<PagedResult<Employer>> ListAsync(EmployerListQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var employers = db.Employers.AsNoTracking();
        if (query.CityCode is { } city)
        {
            employers = employers.Where(e => e.CityCode == city);
        }

        if (!string.IsNullOrWhiteSpace(query.NameContains))
        {
            var text = query.NameContains.Trim();
            employers = employers.Where(e => e.Name.Contains(text));
        }

        var total = await employers.CountAsync(cancellationToken);
        var items = await employers.OrderBy(e => e.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<Employer>(total, page.Page, page.PageSize, items);
    }

    public async Task<ServiceResult<Employer>> UpdateAsync(Actor actor, long id, EmployerDraft draft, CancellationToken cancellationToken)
    {
        // One IMMEDIATE transaction: the booth check, the change and its record must see and leave one state, also against
        // a booth application being filed at the same time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employer is null)
        {
            return ServiceResult<Employer>.NotFound($"企业 {id} 不存在");
        }

        var allowed = actor.IsAdmin || (actor.IsEmployer && actor.EmployerId == id);
        if (!allowed)
        {
            return ServiceResult<Employer>.Forbidden("只能修改本企业的信息");
        }

        var errors = new ValidationErrors();
        var valid = ValidateNew(draft, errors, "");
        if (!errors.IsEmpty || valid is null)
        {
            return ServiceResult<Employer>.Invalid(errors);
        }

        if (valid.CreditCode != employer.CreditCode && valid.CreditCode is { } code
            && await db.Employers.AnyAsync(e => e.CreditCode == code && e.Id != id, cancellationToken))
        {
            return ServiceResult<Employer>.Conflict("该统一社会信用代码已有企业注册");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (valid.CityCode != employer.CityCode && await BoothStatusWouldChangeAsync(id, valid.CityCode, now, cancellationToken) is { } fairs)
        {
            return ServiceResult<Employer>.Conflict(
                $"本企业在{string.Join("、", fairs.Select(t => $"“{t}”"))}有待审核或已分配的展位申请，更改所在城市会改变其外地企业身份（展位名额按申请时的城市计算）；"
                + "请先撤回这些申请，再更改城市");
        }

        var changes = new List<EmployerChange>();
        void Record(string field, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new EmployerChange
                {
                    EmployerId = id, Field = field, OldValue = before, NewValue = after, ActorUserId = actor.UserId, ChangedAt = now,
                });
            }
        }

        Record(EmployerFields.Name, employer.Name, valid.Name);
        Record(EmployerFields.CreditCode, employer.CreditCode, valid.CreditCode);
        Record(EmployerFields.City, employer.CityCode, valid.CityCode);

        employer.Name = valid.Name;
        employer.CreditCode = valid.CreditCode;
        employer.CityCode = valid.CityCode;
        employer.Industry = valid.Industry;
        employer.IndustryCode = valid.IndustryCode;
        employer.Size = valid.Size;
        employer.Description = valid.Description;
        db.EmployerChanges.AddRange(changes);
        if (changes.Count > 0)
        {
            foreach (var observer in identityObservers)
            {
                await observer.IdentityChangedAsync(employer, changes, cancellationToken);
            }
        }

        // The search index holds the employer's name with each posting: a new name must be findable; any identity change
        // may also have held the postings again (verification).
        List<long> postingIds = [];
        if (changes.Count > 0)
        {
            postingIds = await db.Postings.AsNoTracking().Where(p => p.EmployerId == id).Select(p => p.Id).ToListAsync(cancellationToken);
            IndexChangeLog.Add(db, IndexChangeKind.Posting, postingIds, now);
        }

        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (changes.Count > 0)
        {
            foreach (var observer in postingObservers)
            {
                await observer.PostingsChangedAsync(postingIds, cancellationToken);
            }
        }

        return ServiceResult<Employer>.Ok(employer);
    }

    /// <summary>
    /// The employer's identity changes, newest first: for the employer itself, the organisers of its city and admins.
    /// </summary>
    public async Task<ServiceResult<PagedResult<EmployerChange>>> ListChangesAsync(Actor actor, long id, PageRequest page,
        CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employer is null)
        {
            return ServiceResult<PagedResult<EmployerChange>>.NotFound($"企业 {id} 不存在");
        }

        if (!(actor.IsEmployer && actor.EmployerId == id) && !actor.ActsForCity(employer.CityCode))
        {
            return ServiceResult<PagedResult<EmployerChange>>.Forbidden("只有本企业、所在城市的组织方或管理员可以查看企业信息变更记录");
        }

        var changes = db.EmployerChanges.AsNoTracking().Where(c => c.EmployerId == id);
        var total = await changes.CountAsync(cancellationToken);
        var items = await changes.OrderByDescending(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return ServiceResult<PagedResult<EmployerChange>>.Ok(new PagedResult<EmployerChange>(total, page.Page, page.PageSize, items));
    }

    /// <summary>
    /// Titles of the fairs (not yet over) where moving to <paramref name="newCityCode"/> would turn a live booth application
    /// (pending, approved or allocated) from host-city to other-city or back; null when there is none.
    /// </summary>
    internal async Task<List<string>?> BoothStatusWouldChangeAsync(long employerId, string newCityCode, DateTime now, CancellationToken cancellationToken)
    {
        var live = await (from b in db.BoothApplications.AsNoTracking()
                          where b.EmployerId == employerId
                                && (b.Status == BoothStatus.Pending || b.Status == BoothStatus.Approved || b.Status == BoothStatus.Allocated)
                          join f in db.Fairs.AsNoTracking() on b.FairId equals f.Id
                          where f.EndsAt > now
                          select new { f.Id, f.Title, f.HostCityCode, b.EmployerCityCode }).ToListAsync(cancellationToken);
        var affected = live.Where(x => (x.EmployerCityCode != x.HostCityCode) != (newCityCode != x.HostCityCode))
            .OrderBy(x => x.Id).Select(x => x.Title).ToList();
        return affected.Count > 0 ? affected : null;
    }

    /// <summary>A new, unsaved employer when the draft is valid; field errors are prefixed (company.name) for nested input.</summary>
    public Employer? ValidateNew(EmployerDraft draft, ValidationErrors errors, string prefix)
    {
        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(prefix + "name", "企业名称不能为空");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add(prefix + "name", $"企业名称最多 {NameMaxLength} 个字符");
        }

        var creditCode = draft.CreditCode?.Trim().ToUpperInvariant();
        if (CreditCode.Validate(creditCode) is { } reason)
        {
            errors.Add(prefix + "creditCode", reason);
        }

        var city = cities.Resolve(draft.City);
        if (city is null)
        {
            errors.Add(prefix + "city", cities.UnknownCityMessage(draft.City));
        }

        var description = draft.Description?.Trim();
        if (description is { Length: > DescriptionMaxLength })
        {
            errors.Add(prefix + "description", $"企业简介最多 {DescriptionMaxLength} 个字符");
        }

        Taxonomy.Industry? industry = null;
        if (draft.Industry is { Length: > 50 })
        {
            errors.Add(prefix + "industry", "行业最多 50 个字符");
        }
        else if (!string.IsNullOrWhiteSpace(draft.Industry))
        {
            industry = Taxonomy.Industries.Find(draft.Industry);
            if (industry is null)
            {
                errors.Add(prefix + "industry",
                    $"未知行业“{draft.Industry.Trim()}”。请填写国民经济行业门类（GB/T 4754-2017）代码 A–T 或名称，如：{string.Join("、", Taxonomy.Industries.All.Select(i => i.CommonName))}");
            }
        }

        if (draft.Size is { Length: > 30 })
        {
            errors.Add(prefix + "size", "规模最多 30 个字符");
        }

        if (name is null || city is null || creditCode is null || !errors.IsEmpty)
        {
            return null;
        }

        return new Employer
        {
            Name = name,
            CreditCode = creditCode,
            CityCode = city.Code,
            Industry = string.IsNullOrWhiteSpace(draft.Industry) ? null : draft.Industry.Trim(),
            IndustryCode = industry?.Code,
            Size = string.IsNullOrWhiteSpace(draft.Size) ? null : draft.Size.Trim(),
            Description = string.IsNullOrEmpty(description) ? null : description,
        };
    }
}
