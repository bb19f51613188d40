using System.Collections.Concurrent;
using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// Checks one feed record: the feed-only columns and spellings here, the posting's fields by <see cref="PostingValues.Check"/>
/// (the rules the API applies), and turns it into a <see cref="FeedPostingRow"/>. Every problem of a row is reported, in
/// column order, not only the first, so a city can fix a row in one go. Thread-safe.
/// </summary>
public sealed class FeedValidator(CityDirectory cities, TimeProvider? clock = null, Postings.Compliance.CompliancePolicy? compliance = null)
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

    private City? ResolveCity(string text) => _cities.GetOrAdd(text, _resolveCity);

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

        // The row's problems are collected and reported in column order, whichever check found them.
        var problems = new List<FeedRejection>();
        void Reject(FeedField field, string reason) => problems.Add(new FeedRejection(line, shownId, field.Name(), reason));

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

        if (problems.Count > 0)
        {
            Report(problems, rejections);
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

        // From here the columns are a posting's fields: the feed layer only turns feed spellings into the input of the one
        // check (PostingValues.Check) and keeps what is lenient in feeds (unknown district or function) as warnings.
        var cityText = Optional(record, FeedField.City);
        var city = cityText is null ? null : ResolveCity(cityText);
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

        var functionText = Optional(record, FeedField.Function);
        if (functionText is not null && Jobs.Core.Taxonomy.JobFunctions.Find(functionText) is null)
        {
            warnings.Add(new FeedWarning(line, shownId, FeedField.Function.Name(), $"未知职能“{Shorten(functionText)}”，已按类别和职位名称识别"));
            functionText = null;
        }

        // No salary at all reads as 面议: that is what an advert without a figure means. A salary text that cannot be read
        // is reported here and left out of the check, which would otherwise ask for figures again.
        var salary = new SalaryText { Negotiable = true };
        if (Optional(record, FeedField.Salary) is { } salaryText)
        {
            salary = _salaries.GetOrAdd(salaryText, SalaryText.Parse);
            if (salary.Error is { } salaryError)
            {
                Reject(FeedField.Salary, salaryError);
                salary = new SalaryText { Negotiable = true };
            }
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

        var descriptionText = Optional(record, FeedField.Description);
        var description = descriptionText is null ? null : FeedText.Plain(descriptionText);

        DateTime? expiresAt = null;
        var indefinite = false;
        if (Optional(record, FeedField.ExpiresAt) is { } expiresText)
        {
            if (FeedValues.IsIndefinite(expiresText))
            {
                indefinite = postedAt is not null;
            }
            else if (!FeedDateParser.TryParse(expiresText, out var expires, out var expiresError))
            {
                Reject(FeedField.ExpiresAt, "截止日期：" + expiresError);
            }
            else if (postedAt is not null)
            {
                // A date alone ends with its day, so expiring on the day before posting ends exactly when posting starts.
                expiresAt = expires.EndOfDayUtc;
            }
        }

        var input = new PostingInput
        {
            Title = FeedText.Line(Optional(record, FeedField.Title)),
            Description = description,
            City = cityText,
            District = district,
            Category = Optional(record, FeedField.Category),
            Function = functionText,
            SalaryMin = salary.PostedMin is { } postedMin ? (decimal)postedMin : null,
            SalaryMax = salary.PostedMax is { } postedMax ? (decimal)postedMax : null,
            SalaryMonths = salary.MonthsPerYear,
            Negotiable = salary.Negotiable,
            SalaryBasis = salary.Basis.Label(),
            Education = Optional(record, FeedField.Education),
            Experience = Optional(record, FeedField.Experience),
            Headcount = headcount,
            Skills = SplitSkills(Optional(record, FeedField.Skills)),
            ExpiresAt = expiresAt,
            ExpiresIndefinitely = indefinite,
            Type = Optional(record, FeedField.Type),
            Cohort = Optional(record, FeedField.Cohort),
            Benefits = Optional(record, FeedField.Benefits) is { } benefitsText ? SplitList(benefitsText) : null,
        };
        var context = new PostingCheckContext(cities, postedAt ?? _clock.GetUtcNow().UtcDateTime)
        {
            PostedAt = postedAt,
            ResolveCity = ResolveCity,
            Compliance = compliance,
        };
        var fields = PostingValues.Check(input, context,
            (field, reason) =>
            {
                // A description of tags alone reads as empty to the check; say why.
                if (field == "description" && string.IsNullOrWhiteSpace(description) && descriptionText is not null)
                {
                    reason = "职位描述不能为空（去除HTML后没有文字）";
                }

                problems.Add(new FeedRejection(line, shownId, ColumnOf(field), reason));
            },
            (field, reason) => warnings.Add(new FeedWarning(line, shownId, ColumnOf(field), reason)));

        if (problems.Count > 0 || externalId is null || employerName is null || postedAt is null || fields is null)
        {
            Report(problems, rejections);
            return null;
        }

        // Imported but held: the city sees on the row's line why it is not public yet.
        foreach (var issue in fields.HeldIssues)
        {
            warnings.Add(new FeedWarning(line, shownId, ColumnOf(issue.Field), "已导入，待合规审核：" + issue.Describe()));
        }

        return new FeedPostingRow
        {
            Line = line,
            ExternalId = externalId,
            EmployerName = employerName,
            EmployerCreditCode = creditCode,
            PostedAtUtc = postedAt.Value,
            Closed = closed,
            Fields = fields,
        };
    }

    private static void Report(List<FeedRejection> problems, ICollection<FeedRejection> rejections)
    {
        foreach (var problem in problems.OrderBy(p => FeedFields.TryParse(p.Field, out var f) ? (int)f : int.MaxValue))
        {
            rejections.Add(problem);
        }
    }

    /// <summary>The column a rejection of a posting field points at: the API's JSON name in the feed's own spelling.</summary>
    private static string ColumnOf(string field) => FeedFields.TryParsePostingField(field, out var f) ? f.Name() : field;

    /// <summary>Skills split on any of <c>; ； , ， 、 |</c>, each cleaned to one line, blanks dropped; the posting rule checks the rest.</summary>
    internal static List<string>? SplitSkills(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var skills = new List<string>();
        foreach (var part in text.Split(SkillSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (FeedText.Line(part) is { } skill)
            {
                skills.Add(skill);
            }
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

    private static readonly char[] SkillSeparators = [';', '；', ',', '，', '、', '|', '｜'];

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
