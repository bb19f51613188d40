using Jobs.Core.ChangeLog;
using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Privacy;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Resumes;

/// <summary>Graduates' résumés and their applications, with visibility and contact masking applied for each reader.</summary>
public sealed class ResumeService(JobsDbContext db, CityDirectory cities, TimeProvider clock, IEnumerable<IResumeChangeObserver> observers,
    ContactDisclosure disclosure)
{
    public const int MaxPreferredCities = 5;
    public const int MaxExperiences = 20;
    public const int MaxDesiredTitles = 5;
    public const int DesiredTitleMaxLength = 30;
    public const int TextMaxLength = 2000;

    public const string DeletionPendingMessage = "账号正在注销冷静期内，请先撤销注销申请（我的数据页面）";

    /// <summary>One résumé for reading its content (matching, alerts): contact data only for its owner, nothing recorded.</summary>
    public Task<ServiceResult<ResumeView>> GetAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        ReadAsync(actor, id, where: null, cancellationToken);

    /// <summary>
    /// One résumé opened on its own, as the résumé page or <c>GET /api/resumes/{id}</c>: the contact data the reader is
    /// entitled to, recorded under <paramref name="where"/> when it goes to someone other than the owner.
    /// </summary>
    public Task<ServiceResult<ResumeView>> OpenAsync(Actor actor, long id, string where, CancellationToken cancellationToken) =>
        ReadAsync(actor, id, where, cancellationToken);

    private async Task<ServiceResult<ResumeView>> ReadAsync(Actor actor, long id, string? where, CancellationToken cancellationToken)
    {
        var resume = await db.Resumes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resume is null)
        {
            return ServiceResult<ResumeView>.NotFound($"简历 {id} 不存在");
        }

        var applied = await AppliedToActorsEmployerAsync(actor, [resume.Id], cancellationToken);
        var hasApplied = applied.Contains(resume.Id);
        if (!ResumeAccess.CanRead(actor, resume, hasApplied))
        {
            // Not readable looks the same as missing, so hidden résumés do not leak their existence.
            return ServiceResult<ResumeView>.NotFound($"简历 {id} 不存在");
        }

        if (ResumeAccess.IsOwner(actor, resume))
        {
            return ServiceResult<ResumeView>.Ok(ContactDisclosure.ForOwner(resume));
        }

        return ServiceResult<ResumeView>.Ok(where is null
            ? disclosure.ForList(actor, resume, hasApplied)
            : await disclosure.RevealAsync(actor, resume, hasApplied, where, cancellationToken));
    }

    /// <summary>The résumés among <paramref name="ids"/> that the actor may read, as a list shows them (never contact data).</summary>
    public async Task<IReadOnlyDictionary<long, ResumeView>> GetManyAsync(Actor actor, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, ResumeView>();
        }

        var rows = await db.Resumes.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var applied = await AppliedToActorsEmployerAsync(actor, ids, cancellationToken);
        return rows.Where(r => ResumeAccess.CanRead(actor, r, applied.Contains(r.Id)))
            .ToDictionary(r => r.Id, r => disclosure.ForList(actor, r, applied.Contains(r.Id)));
    }

    public async Task<ResumeView?> GetMineAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return null;
        }

        var resume = await db.Resumes.AsNoTracking().SingleOrDefaultAsync(r => r.OwnerUserId == userId, cancellationToken);
        return resume is null ? null : ContactDisclosure.ForOwner(resume);
    }

    public async Task<PagedResult<ResumeView>> ListAsync(Actor actor, ResumeListQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var resumes = db.Resumes.AsNoTracking();
        if (!actor.IsAdmin)
        {
            resumes = actor.IsEmployer || actor.IsOrganiser
                ? resumes.Where(r => r.Visibility == ResumeVisibility.Public || r.Visibility == ResumeVisibility.EmployersOnly)
                : resumes.Where(r => r.Visibility == ResumeVisibility.Public);
        }

        if (query.Degree is { } degree)
        {
            resumes = resumes.Where(r => r.Degree == degree);
        }

        if (query.CityCode is { } city)
        {
            resumes = resumes.Where(r => r.PreferredCities.Contains(city));
        }

        var total = await resumes.CountAsync(cancellationToken);
        var items = await resumes.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var applied = await AppliedToActorsEmployerAsync(actor, items.Select(r => r.Id).ToArray(), cancellationToken);
        return new PagedResult<ResumeView>(total, page.Page, page.PageSize,
            items.Select(r => disclosure.ForList(actor, r, applied.Contains(r.Id))).ToList());
    }

    public async Task<ServiceResult<ResumeView>> CreateAsync(Actor actor, ResumeDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsGraduate || actor.UserId is not { } userId)
        {
            return ServiceResult<ResumeView>.Forbidden("只有毕业生账号可以创建简历");
        }

        if (await db.Resumes.AnyAsync(r => r.OwnerUserId == userId, cancellationToken))
        {
            return ServiceResult<ResumeView>.Conflict("每个账号只有一份简历，请修改已有简历");
        }

        if (await Privacy.AccountDeletionService.IsPendingAsync(db, userId, cancellationToken))
        {
            return ServiceResult<ResumeView>.Conflict(DeletionPendingMessage);
        }

        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        var resume = new Resume
        {
            OwnerUserId = userId, FullName = "", School = "", Major = "", Contact = new ContactDetails(), CreatedAt = now,
        };
        Apply(draft, resume, now, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResult<ResumeView>.Invalid(errors);
        }

        db.Resumes.Add(resume);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two concurrent creates for one account: the unique index keeps one.
                return ServiceResult<ResumeView>.Conflict("每个账号只有一份简历，请修改已有简历");
            }

            // The id exists only after the insert; the log row joins it in the same transaction.
            IndexChangeLog.Add(db, IndexChangeKind.Resume, resume.Id, now);
            await IndexChangeLog.SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await NotifyAsync(resume.Id, cancellationToken);
        return ServiceResult<ResumeView>.Created(ContactDisclosure.ForOwner(resume));
    }

    public async Task<ServiceResult<ResumeView>> UpdateAsync(Actor actor, long id, ResumeDraft draft, CancellationToken cancellationToken)
    {
        var resume = await db.Resumes.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resume is null)
        {
            return ServiceResult<ResumeView>.NotFound($"简历 {id} 不存在");
        }

        if (!ResumeAccess.IsOwner(actor, resume) && !actor.IsAdmin)
        {
            return ServiceResult<ResumeView>.Forbidden("只能修改自己的简历");
        }

        // Saving would show a résumé the pending closure hid; cancel the closure first.
        if (resume.HiddenReason is ResumeHiddenReason.DeletionRequested or ResumeHiddenReason.Erased)
        {
            return ServiceResult<ResumeView>.Conflict(DeletionPendingMessage);
        }

        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(draft, resume, now, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResult<ResumeView>.Invalid(errors);
        }

        // An update is what the retention period waits for: the notice goes, and a résumé hidden for age is the owner's again.
        resume.RetentionNoticeAt = null;
        if (resume.HiddenReason == ResumeHiddenReason.Retention)
        {
            resume.HiddenReason = ResumeHiddenReason.None;
            resume.VisibilityBeforeHiding = null;
        }

        IndexChangeLog.Add(db, IndexChangeKind.Resume, resume.Id, now);
        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await NotifyAsync(resume.Id, cancellationToken);
        // An admin's edit answers without the contact data; opening the résumé shows (and records) it.
        return ServiceResult<ResumeView>.Ok(ResumeAccess.IsOwner(actor, resume) ? ContactDisclosure.ForOwner(resume) : disclosure.ForList(actor, resume, false));
    }

    public async Task<ServiceResult<Application>> ApplyAsync(Actor actor, long postingId, string? coverLetter, CancellationToken cancellationToken)
    {
        if (!actor.IsGraduate || actor.UserId is not { } userId)
        {
            return ServiceResult<Application>.Forbidden("只有毕业生可以投递简历");
        }

        var posting = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken);
        // A held posting is not public: to a graduate it does not exist yet.
        if (posting is null || posting.Holds != PostingHolds.None)
        {
            return ServiceResult<Application>.NotFound($"职位 {postingId} 不存在");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!posting.IsActive(now))
        {
            return ServiceResult<Application>.Conflict("职位已关闭或已过期，不能投递");
        }

        var resumeId = await db.Resumes.Where(r => r.OwnerUserId == userId).Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (resumeId is null)
        {
            return ServiceResult<Application>.Conflict("请先创建简历再投递");
        }

        if (await Privacy.AccountDeletionService.IsPendingAsync(db, userId, cancellationToken))
        {
            return ServiceResult<Application>.Conflict(DeletionPendingMessage);
        }

        if (coverLetter is { Length: > TextMaxLength })
        {
            return ServiceResult<Application>.Invalid(ValidationErrors.Single("coverLetter", $"求职信最多 {TextMaxLength} 个字符"));
        }

        if (await db.Applications.AnyAsync(a => a.PostingId == postingId && a.ResumeId == resumeId, cancellationToken))
        {
            return ServiceResult<Application>.Conflict("已经投递过该职位");
        }

        var application = new Application
        {
            PostingId = postingId, ResumeId = resumeId.Value, EmployerId = posting.EmployerId,
            CoverLetter = string.IsNullOrWhiteSpace(coverLetter) ? null : coverLetter.Trim(), CreatedAt = now,
            Stage = ApplicationStage.Submitted, StageChangedAt = now,
        };
        db.Applications.Add(application);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ServiceResult<Application>.Conflict("已经投递过该职位");
        }

        // The history starts with the submission, so counts of applications per city come from the same table as interviews.
        db.ApplicationStageChanges.Add(new ApplicationStageChange
        {
            ApplicationId = application.Id, ToStage = ApplicationStage.Submitted, At = now, ByUserId = userId, CityCode = posting.CityCode,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<Application>.Created(application);
    }

    private async Task NotifyAsync(long id, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.ResumesChangedAsync([id], cancellationToken);
        }
    }

    private async Task<HashSet<long>> AppliedToActorsEmployerAsync(Actor actor, IReadOnlyCollection<long> resumeIds, CancellationToken cancellationToken)
    {
        if (!actor.IsEmployer || actor.EmployerId is not { } employerId || resumeIds.Count == 0)
        {
            return [];
        }

        var ids = await db.Applications.AsNoTracking()
            .Where(a => a.EmployerId == employerId && resumeIds.Contains(a.ResumeId))
            .Select(a => a.ResumeId).Distinct().ToListAsync(cancellationToken);
        return ids.ToHashSet();
    }

    private void Apply(ResumeDraft d, Resume r, DateTime now, ValidationErrors errors)
    {
        r.FullName = Required(d.FullName, "fullName", "姓名", 50, errors);
        r.School = Required(d.School, "school", "学校", 100, errors);
        r.Major = Required(d.Major, "major", "专业", 100, errors);

        if (string.IsNullOrWhiteSpace(d.Degree))
        {
            errors.Add("degree", "请填写学历");
        }
        else if (!EducationLevels.TryParse(d.Degree, out var degree) || degree == EducationLevel.Any)
        {
            errors.Add("degree", $"未知学历。可选：{string.Join("、", EducationLevels.AllLabels.Skip(1))}");
        }
        else
        {
            r.Degree = degree;
        }

        var maxYear = now.Year + 6;
        if (d.GraduationYear is not { } year)
        {
            errors.Add("graduationYear", "请填写毕业年份");
        }
        else if (year < 1980 || year > maxYear)
        {
            errors.Add("graduationYear", $"毕业年份应在 1980 到 {maxYear} 之间");
        }
        else
        {
            r.GraduationYear = year;
        }

        r.Skills = PostingService.NormalizeSkills(d.Skills, errors);
        r.DesiredTitles = NormalizeDesiredTitles(d.DesiredTitles, errors);

        var preferred = new List<string>();
        var cityInput = d.PreferredCities ?? [];
        if (cityInput.Count > MaxPreferredCities)
        {
            errors.Add("preferredCities", $"意向城市最多 {MaxPreferredCities} 个");
        }
        else
        {
            for (var i = 0; i < cityInput.Count; i++)
            {
                var city = cities.Resolve(cityInput[i]);
                if (city is null)
                {
                    errors.Add($"preferredCities[{i}]", cities.UnknownCityMessage(cityInput[i]));
                }
                else if (!preferred.Contains(city.Code))
                {
                    preferred.Add(city.Code);
                }
            }
        }

        r.PreferredCities = preferred;

        if (d.ExpectedSalaryMin is { } min && (min <= 0 || min > PostingRules.MaxMonthlySalary))
        {
            errors.Add("expectedSalaryMin", $"期望月薪应在 1 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (d.ExpectedSalaryMax is { } max && (max <= 0 || max > PostingRules.MaxMonthlySalary))
        {
            errors.Add("expectedSalaryMax", $"期望月薪应在 1 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (d.ExpectedSalaryMin is { } lo && d.ExpectedSalaryMax is { } hi && lo > hi)
        {
            errors.Add("expectedSalaryMax", "期望月薪上限不能低于下限");
        }

        r.ExpectedSalaryMin = d.ExpectedSalaryMin;
        r.ExpectedSalaryMax = d.ExpectedSalaryMax;

        r.Experiences = ValidateExperiences(d.Experiences, errors);

        r.SelfIntroduction = Optional(d.SelfIntroduction, "selfIntroduction", "自我介绍", TextMaxLength, errors);

        if (d.Visibility is null)
        {
            r.Visibility = ResumeVisibility.EmployersOnly;
        }
        else if (TryParseVisibility(d.Visibility, out var visibility))
        {
            r.Visibility = visibility;
        }
        else
        {
            errors.Add("visibility", "可见范围应为 public（公开）、employersOnly（仅企业）或 hidden（隐藏）");
        }

        r.ContactVisibleToEmployers = d.ContactVisibleToEmployers ?? false;

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(d.Phone))
        {
            if (ContactRules.IsMobilePhone(d.Phone.Trim()))
            {
                phone = ContactRules.NormalizePhone(d.Phone);
            }
            else
            {
                errors.Add("phone", "手机号格式不正确（11 位，以 13–19 开头）");
            }
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(d.Email))
        {
            if (ContactRules.IsEmail(d.Email.Trim()))
            {
                email = d.Email.Trim();
            }
            else
            {
                errors.Add("email", "邮箱格式不正确");
            }
        }

        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(d.IdNumber))
        {
            var id = d.IdNumber.Trim().ToUpperInvariant();
            if (ContactRules.IsIdNumber(id))
            {
                idNumber = id;
            }
            else
            {
                errors.Add("idNumber", "身份证号不正确（18 位，校验位不符或出生日期无效）");
            }
        }

        r.Contact = new ContactDetails { Phone = phone, Email = email, IdNumber = idNumber };
        r.UpdatedAt = now;
    }

    private static List<WorkExperience> ValidateExperiences(IReadOnlyList<WorkExperienceDraft>? input, ValidationErrors errors)
    {
        var list = new List<WorkExperience>();
        if (input is null)
        {
            return list;
        }

        if (input.Count > MaxExperiences)
        {
            errors.Add("experiences", $"经历最多 {MaxExperiences} 条");
            return list;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var x = input[i];
            var prefix = $"experiences[{i}]";
            if (x is null)
            {
                errors.Add(prefix, "经历不能为空");
                continue;
            }

            var organisation = Required(x.Organisation, $"{prefix}.organisation", "单位名称", 100, errors);
            var title = Required(x.Title, $"{prefix}.title", "职务", 100, errors);
            var start = ParseYearMonth(x.Start);
            if (start is null)
            {
                errors.Add($"{prefix}.start", "开始时间格式应为 yyyy-MM，例如 2024-07");
            }

            DateOnly? end = null;
            if (!string.IsNullOrWhiteSpace(x.End))
            {
                end = ParseYearMonth(x.End);
                if (end is null)
                {
                    errors.Add($"{prefix}.end", "结束时间格式应为 yyyy-MM，留空表示至今");
                }
                else if (start is not null && end < start)
                {
                    errors.Add($"{prefix}.end", "结束时间不能早于开始时间");
                }
            }

            var description = Optional(x.Description, $"{prefix}.description", "经历描述", TextMaxLength, errors);
            if (start is not null)
            {
                list.Add(new WorkExperience
                {
                    Organisation = organisation, Title = title, Start = start.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    End = end?.ToString("yyyy-MM", CultureInfo.InvariantCulture), Description = description,
                });
            }
        }

        return list;
    }

    private static DateOnly? ParseYearMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM", "yyyy-M", "yyyy/MM", "yyyy/M", "yyyy.MM", "yyyy.M"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    public static bool TryParseVisibility(string text, out ResumeVisibility visibility)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "public" or "公开": visibility = ResumeVisibility.Public; return true;
            case "employersonly" or "employers_only" or "employers-only" or "employers" or "仅企业": visibility = ResumeVisibility.EmployersOnly; return true;
            case "hidden" or "隐藏": visibility = ResumeVisibility.Hidden; return true;
            default: visibility = default; return false;
        }
    }

    private static string Required(string? value, string field, string label, int maxLength, ValidationErrors errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            errors.Add(field, $"{label}不能为空");
            return "";
        }

        if (v.Length > maxLength)
        {
            errors.Add(field, $"{label}最多 {maxLength} 个字符");
        }

        return v;
    }

    private static string? Optional(string? value, string field, string label, int maxLength, ValidationErrors errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (v.Length > maxLength)
        {
            errors.Add(field, $"{label}最多 {maxLength} 个字符");
        }

        return v;
    }

    private static List<string> NormalizeDesiredTitles(IReadOnlyList<string>? input, ValidationErrors errors)
    {
        var titles = new List<string>();
        if (input is null)
        {
            return titles;
        }

        if (input.Count > MaxDesiredTitles)
        {
            errors.Add("desiredTitles", $"意向职位最多 {MaxDesiredTitles} 个");
            return titles;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var title = input[i]?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                errors.Add($"desiredTitles[{i}]", "意向职位不能为空");
            }
            else if (title.Length > DesiredTitleMaxLength)
            {
                errors.Add($"desiredTitles[{i}]", $"意向职位最多 {DesiredTitleMaxLength} 个字符");
            }
            else if (!titles.Contains(title, StringComparer.OrdinalIgnoreCase))
            {
                titles.Add(title);
            }
        }

        return titles;
    }
}
