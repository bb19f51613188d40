using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Postings;

/// <summary>Creates, changes and closes postings with the ownership rules; the HTTP endpoints and feed imports both call it.</summary>
public sealed class PostingService(JobsDbContext db, CityDirectory cities, TimeProvider clock, IEnumerable<IPostingChangeObserver> observers)
{
    /// <summary>How long a posting stays up when its author gives no expiry.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(60);

    /// <summary>The longest a posting may stay up.</summary>
    public static readonly TimeSpan MaxLifetime = PostingRules.MaxLifetime;

    public async Task<PostingView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        return await (from p in db.Postings.AsNoTracking()
                      join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                      where p.Id == id
                      select new PostingView(p, e.Name)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<PagedResult<PostingView>> ListAsync(PostingListQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var postings = db.Postings.AsNoTracking();
        postings = query.Status switch
        {
            PostingListStatus.Open => postings.Where(p => p.Status == PostingStatus.Open && (p.ExpiresAt == null || p.ExpiresAt > now)),
            PostingListStatus.Closed => postings.Where(p => p.Status == PostingStatus.Closed),
            PostingListStatus.Expired => postings.Where(p => p.Status == PostingStatus.Open && p.ExpiresAt != null && p.ExpiresAt <= now),
            _ => postings,
        };
        if (query.CityCodes.Count > 0)
        {
            postings = postings.Where(p => query.CityCodes.Contains(p.CityCode));
        }

        if (query.EmployerId is { } employerId)
        {
            postings = postings.Where(p => p.EmployerId == employerId);
        }

        var total = await postings.CountAsync(cancellationToken);
        var items = await (from p in postings.OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id).Skip(page.Skip).Take(page.PageSize)
                           join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                           select new PostingView(p, e.Name)).ToListAsync(cancellationToken);
        // The join can reorder rows on SQLite; restore the page order.
        items = items.OrderByDescending(v => v.Posting.PostedAt).ThenByDescending(v => v.Posting.Id).ToList();
        return new PagedResult<PostingView>(total, page.Page, page.PageSize, items);
    }

    public async Task<ServiceResult<PostingView>> CreateAsync(Actor actor, PostingDraft draft, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        long employerId;
        if (actor.IsEmployer)
        {
            if (actor.EmployerId is not { } own)
            {
                return ServiceResult<PostingView>.Forbidden("该账号未关联企业");
            }

            if (draft.EmployerId is { } requested && requested != own)
            {
                return ServiceResult<PostingView>.Forbidden("企业账号只能为本企业发布职位");
            }

            employerId = own;
        }
        else if (actor.IsAdmin || actor.IsOrganiser)
        {
            if (draft.EmployerId is not { } requested)
            {
                errors.Add("employerId", "代企业发布职位时必须指定企业");
                employerId = 0;
            }
            else
            {
                employerId = requested;
            }
        }
        else
        {
            return ServiceResult<PostingView>.Forbidden("只有企业、组织方或管理员可以发布职位");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var valid = Validate(draft, now, errors);
        Employer? employer = null;
        if (employerId != 0)
        {
            employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken);
            if (employer is null)
            {
                errors.Add("employerId", $"企业 {employerId} 不存在");
            }
        }

        if (!errors.IsEmpty || valid is null || employer is null)
        {
            return ServiceResult<PostingView>.Invalid(errors);
        }

        if (actor.IsOrganiser && !actor.ActsForCity(valid.CityCode))
        {
            return ServiceResult<PostingView>.Forbidden("组织方只能为本市发布职位");
        }

        var posting = new Posting
        {
            EmployerId = employer.Id,
            Title = valid.Title,
            Description = valid.Description,
            CityCode = valid.CityCode,
            PostedAt = now,
        };
        valid.ApplyTo(posting, now);
        db.Postings.Add(posting);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(posting.Id, cancellationToken);
        return ServiceResult<PostingView>.Created(new PostingView(posting, employer.Name) { Warnings = valid.Warnings });
    }

    public async Task<ServiceResult<PostingView>> UpdateAsync(Actor actor, long id, PostingDraft draft, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
        {
            return ServiceResult<PostingView>.NotFound($"职位 {id} 不存在");
        }

        if (Deny(actor, posting) is { } denied)
        {
            return ServiceResult<PostingView>.Forbidden(denied);
        }

        if (draft.EmployerId is { } requested && requested != posting.EmployerId)
        {
            return ServiceResult<PostingView>.Invalid(ValidationErrors.Single("employerId", "职位不能转给其他企业"));
        }

        if (posting.Status == PostingStatus.Closed)
        {
            return ServiceResult<PostingView>.Conflict("职位已关闭，不能修改");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var valid = Validate(draft, now, errors);
        if (!errors.IsEmpty || valid is null)
        {
            return ServiceResult<PostingView>.Invalid(errors);
        }

        if (actor.IsOrganiser && !actor.ActsForCity(valid.CityCode))
        {
            return ServiceResult<PostingView>.Forbidden("组织方不能把职位移到其他城市");
        }

        posting.Title = valid.Title;
        posting.Description = valid.Description;
        posting.CityCode = valid.CityCode;
        valid.ApplyTo(posting, now);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(posting.Id, cancellationToken);
        var employerName = await db.Employers.Where(e => e.Id == posting.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        return ServiceResult<PostingView>.Ok(new PostingView(posting, employerName) { Warnings = valid.Warnings });
    }

    /// <summary>Closes a posting; closing a closed one again changes nothing and succeeds.</summary>
    public async Task<ServiceResult<PostingView>> CloseAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
        {
            return ServiceResult<PostingView>.NotFound($"职位 {id} 不存在");
        }

        if (Deny(actor, posting) is { } denied)
        {
            return ServiceResult<PostingView>.Forbidden(denied);
        }

        if (posting.Status != PostingStatus.Closed)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            posting.Status = PostingStatus.Closed;
            posting.ClosedAt = now;
            posting.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await NotifyAsync(posting.Id, cancellationToken);
        }

        var employerName = await db.Employers.Where(e => e.Id == posting.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        return ServiceResult<PostingView>.Ok(new PostingView(posting, employerName));
    }

    private async Task NotifyAsync(long id, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.PostingsChangedAsync([id], cancellationToken);
        }
    }

    /// <summary>Null when the actor may change the posting; otherwise why not.</summary>
    private static string? Deny(Actor actor, Posting posting)
    {
        if (actor.IsAdmin)
        {
            return null;
        }

        if (actor.IsEmployer)
        {
            return actor.EmployerId == posting.EmployerId ? null : "只能修改本企业的职位";
        }

        if (actor.IsOrganiser)
        {
            return actor.ActsForCity(posting.CityCode) ? null : "组织方只能管理本市的职位";
        }

        return "没有修改该职位的权限";
    }

    private ValidPosting? Validate(PostingDraft d, DateTime now, ValidationErrors errors)
    {
        var title = d.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "职位名称不能为空");
        }
        else if (title.Length > PostingRules.TitleMaxLength)
        {
            errors.Add("title", $"职位名称最多 {PostingRules.TitleMaxLength} 个字符");
        }

        var description = d.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            errors.Add("description", "职位描述不能为空");
        }
        else if (description.Length > PostingRules.DescriptionMaxLength)
        {
            errors.Add("description", $"职位描述最多 {PostingRules.DescriptionMaxLength} 个字符");
        }

        var city = cities.Resolve(d.City);
        if (city is null)
        {
            errors.Add("city", cities.UnknownCityMessage(d.City));
        }

        string? district = null;
        if (!string.IsNullOrWhiteSpace(d.District))
        {
            district = d.District.Trim();
            if (district.Length > PostingRules.DistrictMaxLength)
            {
                errors.Add("district", $"区县最多 {PostingRules.DistrictMaxLength} 个字符");
            }
            else if (city is not null)
            {
                var known = CityDirectory.FindDistrict(city, district);
                if (known is null && city.Districts.Count > 0)
                {
                    errors.Add("district", $"“{district}”不是{city.Name}的区县。可选：{string.Join("、", city.Districts.Select(x => x.Name))}");
                }

                district = known?.Name ?? district;
            }
        }

        // The legacy label is kept when it is one; any other category text no longer rejects: it is classified into a function.
        var category = PostingCategories.Normalize(d.Category);
        if (d.Category is { Length: > PostingRules.CategoryTextMaxLength })
        {
            errors.Add("category", $"类别最多 {PostingRules.CategoryTextMaxLength} 个字符");
        }

        var negotiable = d.Negotiable ?? false;
        var basis = SalaryBasis.Monthly;
        if (!string.IsNullOrWhiteSpace(d.SalaryBasis))
        {
            if (LabourTerms.SalaryBasisAliases.TryGetValue(LabourTerms.Fold(d.SalaryBasis), out var parsedBasis))
            {
                // 面议 has no basis of its own: the posting is negotiable.
                negotiable |= parsedBasis is null;
                basis = parsedBasis ?? SalaryBasis.Monthly;
            }
            else if (Enum.TryParse(d.SalaryBasis.Trim(), ignoreCase: true, out SalaryBasis named) && Enum.IsDefined(named)
                     && !char.IsAsciiDigit(d.SalaryBasis.Trim()[0]))
            {
                basis = named;
            }
            else
            {
                errors.Add("salaryBasis", "未知计薪方式。可选：月薪、日薪、时薪、年薪、面议");
            }
        }

        var months = d.SalaryMonths ?? PostingRules.MinSalaryMonths;
        if (months is < PostingRules.MinSalaryMonths or > PostingRules.MaxSalaryMonths)
        {
            errors.Add("salaryMonths", $"每年发薪月数应在 {PostingRules.MinSalaryMonths} 到 {PostingRules.MaxSalaryMonths} 之间");
        }

        var unit = basis.Label();
        if (!negotiable && (d.SalaryMin is null || d.SalaryMax is null))
        {
            if (d.SalaryMin is null)
            {
                errors.Add("salaryMin", $"请填写{unit}下限，或标记为面议");
            }

            if (d.SalaryMax is null)
            {
                errors.Add("salaryMax", $"请填写{unit}上限，或标记为面议");
            }
        }

        // Figures are in the published basis; the monthly equivalent is what filters and ranking compare, and its ceiling applies.
        int? monthlyMin = d.SalaryMin is { } pm ? SalaryText.MonthlyOf(pm, basis, months) : null;
        int? monthlyMax = d.SalaryMax is { } px ? SalaryText.MonthlyOf(px, basis, months) : null;
        if (d.SalaryMin is { } min && (min <= 0 || monthlyMin > PostingRules.MaxMonthlySalary))
        {
            errors.Add("salaryMin", $"{unit}下限应大于 0，折合月薪不超过 {PostingRules.MaxMonthlySalary} 元");
        }

        if (d.SalaryMax is { } max && (max <= 0 || monthlyMax > PostingRules.MaxMonthlySalary))
        {
            errors.Add("salaryMax", $"{unit}上限应大于 0，折合月薪不超过 {PostingRules.MaxMonthlySalary} 元");
        }

        if (d.SalaryMin is { } lo && d.SalaryMax is { } hi && lo > hi)
        {
            errors.Add("salaryMax", $"{unit}上限不能低于下限");
        }

        var education = EducationLevel.Any;
        if (!string.IsNullOrWhiteSpace(d.Education) && !EducationLevels.TryParse(d.Education, out education))
        {
            errors.Add("education", $"未知学历要求。可选：{string.Join("、", EducationLevels.AllLabels)}");
        }

        var experience = ExperienceLevel.Any;
        var experienceWelcomes = false;
        if (!string.IsNullOrWhiteSpace(d.Experience) && !ExperienceLevels.TryParse(d.Experience, out experience, out experienceWelcomes))
        {
            errors.Add("experience", $"未知经验要求。可选：{string.Join("、", ExperienceLevels.AllLabels)}");
        }

        var headcount = d.Headcount ?? 1;
        if (headcount is < 1 or > PostingRules.MaxHeadcount)
        {
            errors.Add("headcount", $"招聘人数应在 1 到 {PostingRules.MaxHeadcount} 之间");
        }

        var skills = NormalizeSkills(d.Skills, errors);

        DateTime expiresAt;
        var warnings = new List<string>();
        if (d.ExpiresAt is { } requestedExpiry)
        {
            expiresAt = requestedExpiry.UtcDateTime;
            if (expiresAt <= now)
            {
                errors.Add("expiresAt", "截止日期必须晚于现在");
            }

            expiresAt = PostingTerms.ClampExpiry(expiresAt, now, out var clamped);
            if (clamped is not null)
            {
                warnings.Add(clamped);
            }
        }
        else
        {
            expiresAt = now + DefaultLifetime;
        }

        var keepPosted = !negotiable || d.SalaryMin is not null;
        var terms = PostingTerms.Check(d.Terms with
        {
            Experience = experience,
            ExperienceWelcomesBeginners = experienceWelcomes,
            Description = description,
            SalaryBasis = basis,
            PostedSalaryMin = keepPosted ? d.SalaryMin : null,
            PostedSalaryMax = keepPosted ? d.SalaryMax : null,
            CategoryText = d.Category,
            Title = title,
        }, now, errors.Add);
        if (terms.FunctionWarning is { } functionWarning)
        {
            warnings.Add(functionWarning);
        }

        if (!errors.IsEmpty || city is null || title is null || description is null)
        {
            return null;
        }

        return new ValidPosting(title, description, city.Code, district, category,
            negotiable && d.SalaryMin is null ? null : monthlyMin,
            negotiable && d.SalaryMax is null ? null : monthlyMax,
            months, negotiable, education, experience, headcount, skills, expiresAt, terms, warnings);
    }

    internal static List<string> NormalizeSkills(IReadOnlyList<string>? input, ValidationErrors errors, string field = "skills")
    {
        var skills = new List<string>();
        if (input is null)
        {
            return skills;
        }

        if (input.Count > PostingRules.MaxSkills)
        {
            errors.Add(field, $"技能最多 {PostingRules.MaxSkills} 项");
            return skills;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in input)
        {
            var skill = raw?.Trim();
            if (string.IsNullOrEmpty(skill))
            {
                errors.Add(field, "技能不能为空字符串");
                continue;
            }

            if (skill.Length > PostingRules.SkillMaxLength)
            {
                errors.Add(field, $"单项技能最多 {PostingRules.SkillMaxLength} 个字符");
                continue;
            }

            if (seen.Add(skill))
            {
                skills.Add(skill);
            }
        }

        return skills;
    }

    private sealed record ValidPosting(
        string Title, string Description, string CityCode, string? District, string? Category,
        int? SalaryMin, int? SalaryMax, int SalaryMonths, bool Negotiable,
        EducationLevel Education, ExperienceLevel Experience, int Headcount, List<string> Skills, DateTime ExpiresAt,
        PostingTerms Terms, IReadOnlyList<string> Warnings)
    {
        public void ApplyTo(Posting p, DateTime now)
        {
            Terms.ApplyTo(p);
            p.District = District;
            p.Category = Category;
            p.SalaryMin = SalaryMin;
            p.SalaryMax = SalaryMax;
            p.SalaryMonths = SalaryMonths;
            p.SalaryNegotiable = Negotiable;
            p.Education = Education;
            p.Experience = Experience;
            p.Headcount = Headcount;
            p.Skills = Skills;
            p.ExpiresAt = ExpiresAt;
            p.UpdatedAt = now;
        }
    }
}
