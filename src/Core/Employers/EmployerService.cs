using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Employers;

public sealed record EmployerDraft(string? Name, string? CreditCode, string? City, string? Industry, string? Size, string? Description);

public sealed record EmployerListQuery(string? CityCode, string? NameContains);

public sealed class EmployerService(JobsDbContext db, CityDirectory cities)
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

        employer.Name = valid.Name;
        employer.CreditCode = valid.CreditCode;
        employer.CityCode = valid.CityCode;
        employer.Industry = valid.Industry;
        employer.Size = valid.Size;
        employer.Description = valid.Description;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<Employer>.Ok(employer);
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

        if (draft.Industry is { Length: > 50 })
        {
            errors.Add(prefix + "industry", "行业最多 50 个字符");
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
            Size = string.IsNullOrWhiteSpace(draft.Size) ? null : draft.Size.Trim(),
            Description = string.IsNullOrEmpty(description) ? null : description,
        };
    }
}
