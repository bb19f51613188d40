using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// Checks one feed record against feed format v1 and the posting rules (<see cref="PostingRules"/>, the limits
/// <see cref="PostingService"/> applies) and normalises it into a <see cref="FeedPostingRow"/>. Every problem of a row
/// is reported, not only the first, so a city can fix a row in one go. Thread-safe.
/// </summary>
public sealed class FeedValidator(CityDirectory cities, TimeProvider? clock = null)
{
    public const int ExternalIdMaxLength = 100;

    /// <summary>How far in the future a posted_at may lie: clocks and time zones of city systems drift.</summary>
    public static readonly TimeSpan PostedAtTolerance = TimeSpan.FromDays(1);

    private static readonly FeedField[] AllFields = Enum.GetValues<FeedField>();

    // Messages must not depend on the server's culture ("1.000.000" in some).
    private static readonly string MaxFieldLengthText = FeedReader.MaxFieldLength.ToString("N0", CultureInfo.InvariantCulture);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // Feeds repeat a few cities and salary texts thousands of times; both lookups are pure.
    private readonly BoundedCache<City?> _cities = new(1024);
    private readonly BoundedCache<SalaryText> _salaries = new(4096);
    private readonly Func<string, City?> _resolveCity = cities.Resolve;

    /// <summary>The external id as compared for uniqueness: one-line clean-up, nothing else (ids are case-sensitive).</summary>
    public static string? NormalizeExternalId(string? raw) => FeedText.Line(raw);

    /// <summary>The row, or null when it was rejected (then at least one rejection was added).</summary>
    public FeedPostingRow? Validate(FeedRecord record, ICollection<FeedRejection> rejections, ICollection<FeedWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = record.Line;
        var externalId = NormalizeExternalId(record[FeedField.ExternalId]);
        var shownId = externalId is null ? null : externalId.Length <= ExternalIdMaxLength ? externalId : externalId[..ExternalIdMaxLength] + "…";
        if (record.Error is not null)
        {
            rejections.Add(new FeedRejection(line, shownId, FeedRejection.WholeRecord, record.Error));
            return null;
        }

        var before = rejections.Count;
        void Reject(FeedField field, string reason) => rejections.Add(new FeedRejection(line, shownId, field.Name(), reason));

        void RejectMissing(FeedField field) => Reject(field, $"{Label(field)}不能为空");

        // A value cut at the reader's cap is unusable whatever it says, and in a JSON line nothing after it was read;
        // so the row is reported for that alone, not for fields that may only look missing.
        foreach (var field in AllFields)
        {
            if (record.IsOverLong(field))
            {
                Reject(field, field == FeedField.Description
                    ? $"职位描述过长（超过{MaxFieldLengthText}个字符），上限为{PostingRules.DescriptionMaxLength}个字符"
                    : $"{Label(field)}过长（超过{MaxFieldLengthText}个字符）");
            }
        }

        if (rejections.Count != before)
        {
            return null;
        }

        if (externalId is null)
        {
            Reject(FeedField.ExternalId, "外部编号（external_id）不能为空");
        }
        else if (externalId.Length > ExternalIdMaxLength)
        {
            Reject(FeedField.ExternalId, $"外部编号最多 {ExternalIdMaxLength} 个字符");
        }

        var title = FeedText.Line(Optional(record, FeedField.Title));
        if (title is null)
        {
            RejectMissing(FeedField.Title);
        }
        else if (title.Length > PostingRules.TitleMaxLength)
        {
            Reject(FeedField.Title, $"职位名称最多 {PostingRules.TitleMaxLength} 个字符");
        }

        var employerName = FeedText.Line(Optional(record, FeedField.EmployerName));
        if (employerName is null)
        {
            RejectMissing(FeedField.EmployerName);
        }
        else if (employerName.Length > EmployerService.NameMaxLength)
        {
            Reject(FeedField.EmployerName, $"企业名称最多 {EmployerService.NameMaxLength} 个字符");
        }

        string? creditCode = null;
        if (Optional(record, FeedField.EmployerCreditCode) is { } rawCode)
        {
            // Codes are typed by hand: full-width characters, spaces between groups and lower case are the usual slips.
            creditCode = rawCode.Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
            if (CreditCode.Validate(creditCode) is { } codeError)
            {
                Reject(FeedField.EmployerCreditCode, codeError);
            }
        }

        City? city = null;
        var cityText = Optional(record, FeedField.City);
        if (cityText is null)
        {
            RejectMissing(FeedField.City);
        }
        else
        {
            city = _cities.GetOrAdd(cityText, _resolveCity);
            if (city is null)
            {
                Reject(FeedField.City, cities.UnknownCityMessage(cityText));
            }
        }

        string? district = null;
        if (Optional(record, FeedField.District) is { } districtText && city is not null)
        {
            district = CityDirectory.FindDistrict(city, districtText)?.Name;
            if (district is null)
            {
                warnings.Add(new FeedWarning(line, shownId, FeedField.District.Name(),
                    $"“{Shorten(districtText)}”不是{city.Name}的区县，已留空。可选：{string.Join("、", city.Districts.Select(d => d.Name))}"));
            }
        }

        // A category text that is not one of the legacy labels is no longer a warning: it is classified into a function below.
        var categoryText = Optional(record, FeedField.Category);
        var category = categoryText is null ? null : FeedValues.NormalizeCategory(categoryText);
        var functionText = Optional(record, FeedField.Function);
        if (functionText is not null && Jobs.Core.Taxonomy.JobFunctions.Find(functionText) is null)
        {
            warnings.Add(new FeedWarning(line, shownId, FeedField.Function.Name(), $"未知职能“{Shorten(functionText)}”，已按类别和职位名称识别"));
            functionText = null;
        }

        // No salary at all reads as 面议: that is what an advert without a figure means.
        var salary = new SalaryText { Negotiable = true };
        if (Optional(record, FeedField.Salary) is { } salaryText)
        {
            salary = _salaries.GetOrAdd(salaryText, SalaryText.Parse);
            if (salary.Error is { } salaryError)
            {
                Reject(FeedField.Salary, salaryError);
            }
        }

        var education = EducationLevel.Any;
        if (Optional(record, FeedField.Education) is { } educationText && !FeedValues.TryParseEducation(educationText, out education))
        {
            Reject(FeedField.Education, $"未知学历要求“{Shorten(educationText)}”。可选：{string.Join("、", EducationLevels.AllLabels)}");
        }

        var experience = ExperienceLevel.Any;
        var experienceWelcomes = false;
        if (Optional(record, FeedField.Experience) is { } experienceText
            && !FeedValues.TryParseExperience(experienceText, out experience, out experienceWelcomes))
        {
            Reject(FeedField.Experience, $"未知经验要求“{Shorten(experienceText)}”。可选：{string.Join("、", ExperienceLevels.AllLabels)}，或“N年以上”");
        }

        int? headcount = null;
        if (Optional(record, FeedField.Headcount) is { } headcountText)
        {
            headcount = FeedValues.ParseHeadcount(headcountText, out var headcountValid);
            if (!headcountValid)
            {
                Reject(FeedField.Headcount, $"招聘人数应为 1 到 {PostingRules.MaxHeadcount} 之间的整数（或“若干”），实际为“{Shorten(headcountText)}”");
            }
        }

        var skills = ParseSkills(Optional(record, FeedField.Skills), out var skillsError);
        if (skillsError is not null)
        {
            Reject(FeedField.Skills, skillsError);
        }

        var descriptionText = Optional(record, FeedField.Description);
        var description = descriptionText is null ? null : FeedText.Plain(descriptionText);
        if (string.IsNullOrEmpty(description))
        {
            if (descriptionText is not null)
            {
                Reject(FeedField.Description, "职位描述不能为空（去除HTML后没有文字）");
            }
            else
            {
                RejectMissing(FeedField.Description);
            }

            description = null;
        }
        else if (description.Length > PostingRules.DescriptionMaxLength)
        {
            Reject(FeedField.Description, $"职位描述最多 {PostingRules.DescriptionMaxLength} 个字符（去除HTML后为{description.Length}个字符）");
        }

        DateTime? postedAt = null;
        var postedText = Optional(record, FeedField.PostedAt);
        if (postedText is null)
        {
            RejectMissing(FeedField.PostedAt);
        }
        else if (!FeedDateParser.TryParse(postedText, out var posted, out var postedError))
        {
            Reject(FeedField.PostedAt, "发布日期：" + postedError);
        }
        else if (posted.Utc > _clock.GetUtcNow().UtcDateTime + PostedAtTolerance)
        {
            Reject(FeedField.PostedAt, $"发布日期“{Shorten(postedText)}”晚于当前时间");
        }
        else
        {
            postedAt = posted.Utc;
        }

        DateTime? expiresAt = null;
        if (Optional(record, FeedField.ExpiresAt) is { } expiresText)
        {
            if (FeedValues.IsIndefinite(expiresText))
            {
                // 长期有效: as long as a posting may stay up.
                expiresAt = postedAt + PostingRules.MaxLifetime;
            }
            else if (!FeedDateParser.TryParse(expiresText, out var expires, out var expiresError))
            {
                Reject(FeedField.ExpiresAt, "截止日期：" + expiresError);
            }
            else
            {
                expiresAt = expires.EndOfDayUtc;
                // A date alone ends with its day, so expiring on the day before posting ends exactly when posting starts.
                if (postedAt is { } p && (expires.HasTime ? expiresAt < p : expiresAt <= p))
                {
                    Reject(FeedField.ExpiresAt, "截止日期早于发布日期");
                }
                else if (postedAt is { } p2)
                {
                    expiresAt = PostingTerms.ClampExpiry(expiresAt.Value, p2, out var clamped);
                    if (clamped is not null)
                    {
                        warnings.Add(new FeedWarning(line, shownId, FeedField.ExpiresAt.Name(), clamped));
                    }
                }
            }
        }

        var closed = false;
        if (Optional(record, FeedField.Status) is { } statusText)
        {
            switch (statusText.Trim().ToLowerInvariant())
            {
                case "open" or "招聘中" or "开放" or "開放":
                    break;
                case "closed" or "关闭" or "關閉" or "已关闭" or "已關閉" or "停止招聘" or "已结束" or "已結束" or "已下线":
                    closed = true;
                    break;
                default:
                    Reject(FeedField.Status, $"未知状态“{Shorten(statusText)}”，应为 open 或 closed");
                    break;
            }
        }

        var terms = PostingTerms.Check(new PostingTermsInput
        {
            Type = Optional(record, FeedField.Type),
            Cohort = Optional(record, FeedField.Cohort),
            Benefits = Optional(record, FeedField.Benefits) is { } benefitsText ? SplitList(benefitsText) : null,
            Experience = experience,
            ExperienceWelcomesBeginners = experienceWelcomes,
            Description = description,
            SalaryBasis = salary.Basis,
            PostedSalaryMin = salary.PostedMin,
            PostedSalaryMax = salary.PostedMax,
            Function = functionText,
            CategoryText = categoryText,
            Title = title,
        }, postedAt ?? _clock.GetUtcNow().UtcDateTime, (field, reason) =>
            rejections.Add(new FeedRejection(line, shownId, FeedFields.TryParse(field, out var f) ? f.Name() : field, reason)));
        if (terms.FunctionWarning is { } functionWarning)
        {
            warnings.Add(new FeedWarning(line, shownId, FeedField.Function.Name(), functionWarning));
        }

        if (rejections.Count != before || externalId is null || title is null || employerName is null || city is null
            || description is null || postedAt is null)
        {
            return null;
        }

        return new FeedPostingRow
        {
            Line = line,
            ExternalId = externalId,
            Title = title,
            EmployerName = employerName,
            EmployerCreditCode = creditCode,
            CityCode = city.Code,
            District = district,
            Category = category,
            SalaryMin = salary.Min,
            SalaryMax = salary.Max,
            SalaryMonths = salary.MonthsPerYear,
            SalaryNegotiable = salary.Negotiable,
            SalaryBasis = salary.Basis,
            Education = education,
            Experience = experience,
            Headcount = headcount,
            Skills = skills,
            Description = description,
            PostedAtUtc = postedAt.Value,
            ExpiresAtUtc = expiresAt,
            Closed = closed,
            Terms = terms,
        };
    }

    /// <summary>Skills split on any of <c>; ； , ， 、 |</c>, trimmed, blanks dropped, de-duplicated ignoring case as the posting service does.</summary>
    internal static List<string> ParseSkills(string? text, out string? error)
    {
        error = null;
        var skills = new List<string>();
        if (text is null)
        {
            return skills;
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var cut = rest.IndexOfAny(SkillSeparators);
            var part = (cut < 0 ? rest : rest[..cut]).Trim();
            rest = cut < 0 ? default : rest[(cut + 1)..];
            if (part.IsEmpty || part.IsWhiteSpace())
            {
                continue;
            }

            if (part.Length > PostingRules.SkillMaxLength)
            {
                error ??= $"单项技能最多 {PostingRules.SkillMaxLength} 个字符：“{Shorten(part.ToString())}”";
                continue;
            }

            // Thirty at most, so a linear scan beats hashing.
            var duplicate = false;
            foreach (var existing in skills)
            {
                if (part.Equals(existing, StringComparison.OrdinalIgnoreCase))
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                var skill = FeedText.Line(part.ToString());
                if (skill is not null)
                {
                    skills.Add(skill);
                }
            }
        }

        if (skills.Count > PostingRules.MaxSkills)
        {
            error ??= $"技能最多 {PostingRules.MaxSkills} 项，实际为{skills.Count}项";
        }

        return skills;
    }

    private static List<string> SplitList(string text)
    {
        var items = new List<string>();
        foreach (var part in text.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            items.Add(part);
        }

        return items;
    }

    private static readonly char[] ListSeparators = [';', '；', ',', '，', '、', '|', '｜', '/'];

    private static readonly SearchValues<char> SkillSeparators = SearchValues.Create(";；,，、|｜");

    /// <summary>Null when absent or blank.</summary>
    private static string? Optional(FeedRecord record, FeedField field) =>
        string.IsNullOrWhiteSpace(record[field]) ? null : record[field];

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 40 ? t : t[..40] + "…";
    }

    private static string Label(FeedField field) => field switch
    {
        FeedField.ExternalId => "外部编号",
        FeedField.Title => "职位名称",
        FeedField.EmployerName => "企业名称",
        FeedField.EmployerCreditCode => "统一社会信用代码",
        FeedField.City => "城市",
        FeedField.District => "区县",
        FeedField.Category => "行业类别",
        FeedField.Salary => "薪资",
        FeedField.Education => "学历要求",
        FeedField.Experience => "经验要求",
        FeedField.Headcount => "招聘人数",
        FeedField.Skills => "技能",
        FeedField.Description => "职位描述",
        FeedField.PostedAt => "发布日期",
        FeedField.ExpiresAt => "截止日期",
        FeedField.Status => "状态",
        FeedField.Type => "职位类型",
        FeedField.Function => "职能",
        FeedField.Cohort => "届别",
        FeedField.Benefits => "福利",
        _ => field.Name(),
    };
}

/// <summary>A memo for pure lookups that stops growing at its limit, so hostile input cannot make it grow without bound.</summary>
internal sealed class BoundedCache<TValue>(int limit)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public TValue GetOrAdd(string key, Func<string, TValue> compute)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = compute(key);
        if (_entries.Count < limit)
        {
            _entries.TryAdd(key, value);
        }

        return value;
    }
}
