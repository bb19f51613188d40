using System.Text.Json;
using Jobs.Core.Common;
using System.Text.Json.Serialization;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings.Compliance;
using Jobs.Core.Regions;

namespace Jobs.Core.Postings;

/// <summary>
/// Every stored field of a posting as the API, a feed row or the demo generator submits it, before checking. Property
/// names are the API's JSON names; the feed reader fills them from its columns (feed-format concerns such as salary text,
/// HTML in descriptions or 若干 as a headcount are resolved before, in the feed layer).
/// </summary>
public sealed record PostingInput
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>A city code, name or spelling (南京, nanjing).</summary>
    public string? City { get; init; }

    public string? District { get; init; }

    /// <summary>Free category text: kept when it is one of the 16 legacy labels, otherwise only classified into a function.</summary>
    public string? Category { get; init; }

    /// <summary>The job function by code, name or alias; classified from category and title when absent.</summary>
    public string? Function { get; init; }

    /// <summary>The lower figure in the published basis (200 for 200元/天); monthly CNY when no basis is given.</summary>
    public decimal? SalaryMin { get; init; }

    public decimal? SalaryMax { get; init; }

    public int? SalaryMonths { get; init; }

    public bool? Negotiable { get; init; }

    /// <summary>月薪 (default), 日薪, 时薪, 年薪 or 面议.</summary>
    public string? SalaryBasis { get; init; }

    public string? Education { get; init; }

    public string? Experience { get; init; }

    public int? Headcount { get; init; }

    public IReadOnlyList<string>? Skills { get; init; }

    /// <summary>UTC.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>长期有效: the posting stays up as long as postings may (<see cref="PostingRules.MaxLifetime"/>).</summary>
    public bool ExpiresIndefinitely { get; init; }

    public string? Type { get; init; }

    public string? Cohort { get; init; }

    public bool? AcceptsBeginners { get; init; }

    public IReadOnlyList<string>? Benefits { get; init; }
}

/// <summary>What a check needs besides the input: the city directory and the times the rules are measured from.</summary>
public sealed record PostingCheckContext(CityDirectory Cities, DateTime Now)
{
    /// <summary>When the posting went up, if not <see cref="Now"/> (feed rows and demo data carry their own date).</summary>
    public DateTime? PostedAt { get; init; }

    /// <summary>The expiry of a posting that gives none; null leaves it open (a feed row stays while its feed lists it).</summary>
    public TimeSpan? DefaultLifetime { get; init; }

    /// <summary>City lookup; feeds pass a memoised one because they repeat a few cities thousands of times.</summary>
    public Func<string, City?>? ResolveCity { get; init; }

    /// <summary>The configured outcome of each compliance rule; the rules file's defaults when null.</summary>
    public CompliancePolicy? Compliance { get; init; }
}

/// <summary>
/// The checked fields of a posting: the one definition of what a posting may hold. <see cref="Check"/> is the only
/// validator (API, feeds and demo data call it) and <see cref="ApplyTo"/> the only code that copies the fields onto a
/// <see cref="Posting"/>.
/// </summary>
public sealed record PostingValues
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string CityCode { get; init; }

    /// <summary>The district's canonical name, or null.</summary>
    public string? District { get; init; }

    /// <summary>One of <see cref="PostingCategories.All"/>, or null.</summary>
    public string? Category { get; init; }

    /// <summary>Monthly CNY equivalent; null when negotiable without figures.</summary>
    public int? SalaryMin { get; init; }

    public int? SalaryMax { get; init; }

    public int SalaryMonths { get; init; } = PostingRules.MinSalaryMonths;

    public bool SalaryNegotiable { get; init; }

    public EducationLevel Education { get; init; }

    public ExperienceLevel Experience { get; init; }

    public int Headcount { get; init; } = 1;

    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>UTC; null when the posting stays up until closed (feed rows without an expiry).</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Type and cohort, accepts-beginners, benefit tags, salary as published and the job function.</summary>
    public PostingTerms Terms { get; init; } = PostingTerms.Default;

    /// <summary>
    /// Compliance findings whose rule holds the posting for review (empty when none). Not content: it follows from the
    /// fields and the configuration, so it takes no part in equality or a feed row's content hash.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ComplianceIssue> HeldIssues { get; init; } = [];

    // Equal when their JSON is: the import's content hash is that JSON, so the two cannot disagree, and a new property takes
    // part without anyone remembering to add it here (record equality would compare the lists by reference).
    public bool Equals(PostingValues? other) =>
        other is not null && (ReferenceEquals(this, other) || JsonSerializer.Serialize(this) == JsonSerializer.Serialize(other));

    public override int GetHashCode() => HashCode.Combine(Title, CityCode, SalaryMin, SalaryMax, Education, Experience, Skills.Count);

    /// <summary>A new posting with these fields; the caller adds the bookkeeping.</summary>
    public Posting ToPosting()
    {
        var p = new Posting { Title = Title, Description = Description, CityCode = CityCode };
        ApplyTo(p);
        return p;
    }

    /// <summary>Writes every field onto the posting; bookkeeping (ids, employer, posted/updated times, status) stays with the caller.</summary>
    public void ApplyTo(Posting p)
    {
        p.Title = Title;
        p.Description = Description;
        p.CityCode = CityCode;
        p.District = District;
        p.Category = Category;
        p.SalaryMin = SalaryMin;
        p.SalaryMax = SalaryMax;
        p.SalaryMonths = SalaryMonths;
        p.SalaryNegotiable = SalaryNegotiable;
        p.Education = Education;
        p.Experience = Experience;
        p.Headcount = Headcount;
        p.Skills = Skills.ToList();
        p.ExpiresAt = ExpiresAt;
        Terms.ApplyTo(p);
    }

    /// <summary>
    /// Checks every field the same way for every entry path and reports each problem, not only the first, so a row or a
    /// form can be fixed in one go. <paramref name="reject"/> receives the API's JSON field name and a Chinese reason;
    /// <paramref name="warn"/> what was changed on the way in (an expiry clamped, a function not recognised). Null when
    /// anything was rejected.
    /// </summary>
    public static PostingValues? Check(PostingInput input, PostingCheckContext context, Action<string, string> reject, Action<string, string> warn)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var rejected = false;
        void Reject(string field, string reason)
        {
            rejected = true;
            reject(field, reason);
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Reject("title", "职位名称不能为空");
        }
        else if (title.Length > PostingRules.TitleMaxLength)
        {
            Reject("title", $"职位名称最多 {PostingRules.TitleMaxLength} 个字符");
        }

        var description = input.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            Reject("description", "职位描述不能为空");
        }
        else if (description.Length > PostingRules.DescriptionMaxLength)
        {
            Reject("description", $"职位描述最多 {PostingRules.DescriptionMaxLength} 个字符，实际为{description.Length}个字符");
        }

        City? city = null;
        if (string.IsNullOrWhiteSpace(input.City))
        {
            Reject("city", "城市不能为空");
        }
        else if ((city = (context.ResolveCity ?? context.Cities.Resolve)(input.City)) is null)
        {
            Reject("city", context.Cities.UnknownCityMessage(input.City));
        }

        string? district = null;
        if (!string.IsNullOrWhiteSpace(input.District))
        {
            district = input.District.Trim();
            if (district.Length > PostingRules.DistrictMaxLength)
            {
                Reject("district", $"区县最多 {PostingRules.DistrictMaxLength} 个字符");
            }
            else if (city is not null)
            {
                var known = CityDirectory.FindDistrict(city, district);
                if (known is null && city.Districts.Count > 0)
                {
                    Reject("district", $"“{district}”不是{city.Name}的区县。可选：{string.Join("、", city.Districts.Select(x => x.Name))}");
                }

                district = known?.Name ?? district;
            }
        }

        // The legacy label is kept when it is one; any other category text is classified into a function (PostingTerms).
        var category = FeedValues.NormalizeCategory(input.Category);
        if (input.Category is { Length: > PostingRules.CategoryTextMaxLength })
        {
            Reject("category", $"类别最多 {PostingRules.CategoryTextMaxLength} 个字符");
        }

        var salary = CheckSalary(input, Reject);

        var education = EducationLevel.Any;
        if (!string.IsNullOrWhiteSpace(input.Education) && !FeedValues.TryParseEducation(input.Education, out education))
        {
            Reject("education", $"未知学历要求“{Shorten(input.Education)}”。可选：{string.Join("、", EducationLevels.AllLabels)}");
        }

        var experience = ExperienceLevel.Any;
        var experienceWelcomes = false;
        if (!string.IsNullOrWhiteSpace(input.Experience)
            && !FeedValues.TryParseExperience(input.Experience, out experience, out experienceWelcomes))
        {
            Reject("experience", $"未知经验要求“{Shorten(input.Experience)}”。可选：{string.Join("、", ExperienceLevels.AllLabels)}，或“N年以上”");
        }

        var headcount = input.Headcount ?? 1;
        if (headcount is < 1 or > PostingRules.MaxHeadcount)
        {
            Reject("headcount", $"招聘人数应在 1 到 {PostingRules.MaxHeadcount} 之间");
        }

        var skills = CheckSkills(input.Skills, "skills", Reject);
        var expiresAt = CheckExpiry(input, context, Reject, warn);

        var terms = PostingTerms.Check(new PostingTermsInput
        {
            Type = input.Type,
            Cohort = input.Cohort,
            AcceptsBeginners = input.AcceptsBeginners,
            Benefits = input.Benefits,
            Experience = experience,
            ExperienceWelcomesBeginners = experienceWelcomes,
            Description = description,
            SalaryBasis = salary.Basis,
            PostedSalaryMin = salary.PostedMin,
            PostedSalaryMax = salary.PostedMax,
            Function = input.Function,
            CategoryText = input.Category,
            Title = title,
        }, context.Now, Reject);
        if (terms.FunctionWarning is { } functionWarning)
        {
            warn("function", functionWarning);
        }

        var held = CheckCompliance(input, title, description, skills, salary.Negotiable, context.Compliance ?? CompliancePolicy.Default, Reject, warn);

        if (rejected || title is null || description is null || city is null)
        {
            return null;
        }

        return new PostingValues
        {
            Title = title,
            Description = description,
            CityCode = city.Code,
            District = district,
            Category = category,
            SalaryMin = salary.Min,
            SalaryMax = salary.Max,
            SalaryMonths = salary.Months,
            SalaryNegotiable = salary.Negotiable,
            Education = education,
            Experience = experience,
            Headcount = headcount,
            Skills = skills,
            ExpiresAt = expiresAt,
            Terms = terms,
            HeldIssues = held,
        };
    }

    /// <summary>
    /// The compliance check of title, description, skills and salary: each finding is rejected, returned as a warning or
    /// kept to hold the posting, as the policy says for its rule. Returns the findings that hold.
    /// </summary>
    private static List<ComplianceIssue> CheckCompliance(PostingInput input, string? title, string? description, List<string> skills,
        bool negotiable, CompliancePolicy policy, Action<string, string> reject, Action<string, string> warn)
    {
        var issues = ComplianceChecker.CheckText(title, description, skills);
        if (ComplianceChecker.CheckSalary(negotiable, input.SalaryMin, input.SalaryMax) is { } salary)
        {
            issues.Add(salary);
        }

        var held = new List<ComplianceIssue>();
        foreach (var issue in issues)
        {
            switch (policy.OutcomeOf(issue.Rule))
            {
                case ComplianceOutcome.Reject:
                    reject(issue.Field, issue.Describe());
                    break;
                case ComplianceOutcome.Hold:
                    held.Add(issue);
                    break;
                default:
                    warn(issue.Field, "合规提醒：" + issue.Describe());
                    break;
            }
        }

        return held;
    }

    /// <summary>
    /// Skills trimmed and de-duplicated ignoring case; at most <see cref="PostingRules.MaxSkills"/>, each at most
    /// <see cref="PostingRules.SkillMaxLength"/> characters. Résumés share the rule under their own field name.
    /// </summary>
    public static List<string> CheckSkills(IReadOnlyList<string>? input, string field, Action<string, string> reject)
    {
        var skills = new List<string>();
        if (input is null)
        {
            return skills;
        }

        var blank = false;
        var tooLong = false;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in input)
        {
            var skill = raw?.Trim();
            if (string.IsNullOrEmpty(skill))
            {
                if (!blank)
                {
                    reject(field, "技能不能为空字符串");
                }

                blank = true;
            }
            else if (skill.Length > PostingRules.SkillMaxLength)
            {
                if (!tooLong)
                {
                    reject(field, $"单项技能最多 {PostingRules.SkillMaxLength} 个字符：“{Shorten(skill)}”");
                }

                tooLong = true;
            }
            else if (seen.Add(skill))
            {
                skills.Add(skill);
            }
        }

        if (skills.Count > PostingRules.MaxSkills)
        {
            reject(field, $"技能最多 {PostingRules.MaxSkills} 项，实际为{skills.Count}项");
        }

        return skills;
    }

    /// <summary>
    /// An expiry beyond <paramref name="from"/> + <see cref="PostingRules.MaxLifetime"/> becomes that maximum; the warning
    /// says so (null when nothing was changed).
    /// </summary>
    public static DateTime ClampExpiry(DateTime expiresAt, DateTime from, out string? warning)
    {
        var max = from + PostingRules.MaxLifetime;
        if (expiresAt <= max)
        {
            warning = null;
            return expiresAt;
        }

        warning = $"截止日期超过最长有效期（{PostingRules.MaxLifetime.TotalDays:0}天），已改为 {max:yyyy-MM-dd}";
        return max;
    }

    private static DateTime? CheckExpiry(PostingInput input, PostingCheckContext context, Action<string, string> reject, Action<string, string> warn)
    {
        var from = context.PostedAt ?? context.Now;
        if (input.ExpiresIndefinitely)
        {
            return from + PostingRules.MaxLifetime;
        }

        if (input.ExpiresAt is not { } expiresAt)
        {
            return context.DefaultLifetime is { } lifetime ? from + lifetime : null;
        }

        if (expiresAt <= from)
        {
            reject("expiresAt", context.PostedAt is null ? "截止日期必须晚于现在" : "截止日期早于发布日期");
            return null;
        }

        expiresAt = ClampExpiry(expiresAt, from, out var clamped);
        if (clamped is not null)
        {
            warn("expiresAt", clamped);
        }

        return expiresAt;
    }

    private readonly record struct CheckedSalary(int? Min, int? Max, int Months, bool Negotiable, SalaryBasis Basis, double? PostedMin, double? PostedMax);

    private static CheckedSalary CheckSalary(PostingInput input, Action<string, string> reject)
    {
        var negotiable = input.Negotiable ?? false;
        var basis = SalaryBasis.Monthly;
        if (!string.IsNullOrWhiteSpace(input.SalaryBasis))
        {
            if (LabourTerms.SalaryBasisAliases.TryGetValue(LabourTerms.Fold(input.SalaryBasis), out var parsedBasis))
            {
                // 面议 has no basis of its own: the posting is negotiable.
                negotiable |= parsedBasis is null;
                basis = parsedBasis ?? SalaryBasis.Monthly;
            }
            else if (Enum.TryParse(input.SalaryBasis.Trim(), ignoreCase: true, out SalaryBasis named) && Enum.IsDefined(named)
                     && !char.IsAsciiDigit(input.SalaryBasis.Trim()[0]))
            {
                basis = named;
            }
            else
            {
                reject("salaryBasis", "未知计薪方式。可选：月薪、日薪、时薪、年薪、面议");
            }
        }

        var months = input.SalaryMonths ?? PostingRules.MinSalaryMonths;
        if (months is < PostingRules.MinSalaryMonths or > PostingRules.MaxSalaryMonths)
        {
            reject("salaryMonths", $"每年发薪月数应在 {PostingRules.MinSalaryMonths} 到 {PostingRules.MaxSalaryMonths} 之间");
            months = PostingRules.MinSalaryMonths;
        }

        var unit = basis.Label();
        if (!negotiable)
        {
            if (input.SalaryMin is null)
            {
                reject("salaryMin", $"请填写{unit}下限，或标记为面议");
            }

            if (input.SalaryMax is null)
            {
                reject("salaryMax", $"请填写{unit}上限，或标记为面议");
            }
        }

        // Figures are in the published basis; the monthly equivalent is what filters and ranking compare, and its ceiling applies.
        int? monthlyMin = input.SalaryMin is { } pm and > 0 ? SalaryText.MonthlyOf(pm, basis, months) : null;
        int? monthlyMax = input.SalaryMax is { } px and > 0 ? SalaryText.MonthlyOf(px, basis, months) : null;
        if (input.SalaryMin is { } min && (min <= 0 || monthlyMin > PostingRules.MaxMonthlySalary))
        {
            reject("salaryMin", $"{unit}下限应大于 0，折合月薪不超过 {PostingRules.MaxMonthlySalary} 元");
        }

        if (input.SalaryMax is { } max && (max <= 0 || monthlyMax > PostingRules.MaxMonthlySalary))
        {
            reject("salaryMax", $"{unit}上限应大于 0，折合月薪不超过 {PostingRules.MaxMonthlySalary} 元");
        }

        if (input.SalaryMin is { } lo && input.SalaryMax is { } hi && lo > hi)
        {
            reject("salaryMax", $"{unit}上限不能低于下限");
        }

        // Negotiable with figures keeps them (面议, usually 8-12K); without figures there is nothing as published either.
        var keepPosted = !negotiable || input.SalaryMin is not null;
        return new CheckedSalary(
            negotiable && input.SalaryMin is null ? null : monthlyMin,
            negotiable && input.SalaryMax is null ? null : monthlyMax,
            months, negotiable, basis,
            keepPosted && input.SalaryMin is { } postedMin ? (double)postedMin : null,
            keepPosted && input.SalaryMax is { } postedMax ? (double)postedMax : null);
    }

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 40 ? t : t[..40] + "…";
    }
}
