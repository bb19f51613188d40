using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Api.Postings;

/// <summary>
/// A posting as an employer submits it. Education and experience take the Chinese labels (本科, 1-3年) or the usual
/// spellings (初中, 技校, 无经验可培训). Salary figures are per <c>salaryBasis</c> (月薪 when absent).
/// </summary>
public sealed record PostingRequest(
    string? Title,
    string? Description,
    string? City,
    string? District,
    string? Category,
    int? SalaryMin,
    int? SalaryMax,
    int? SalaryMonths,
    bool? Negotiable,
    string? Education,
    string? Experience,
    int? Headcount,
    List<string>? Skills,
    DateTimeOffset? ExpiresAt,
    long? EmployerId)
{
    /// <summary>月薪 (default), 日薪, 时薪, 年薪 or 面议.</summary>
    public string? SalaryBasis { get; init; }

    /// <summary>全职 (default), 兼职, 实习, 校招 or a usual spelling (社招, 暑期实习, 管培生).</summary>
    public string? Type { get; init; }

    /// <summary>届别 for 校招 and 实习: 2026届 or 2026.</summary>
    public string? Cohort { get; init; }

    /// <summary>Beginners welcome; derived from experience and description when absent.</summary>
    public bool? AcceptsBeginners { get; init; }

    /// <summary>Benefit tags by name or alias (五险一金, 包吃住, 双休); more are extracted from the description.</summary>
    public List<string>? Benefits { get; init; }

    /// <summary>
    /// The job function (职能) by code, name or alias (backend, 后端开发, java开发); supersedes <c>category</c>. When absent it
    /// is classified from <c>category</c> (any text) and the title.
    /// </summary>
    public string? Function { get; init; }

    public PostingDraft ToDraft() => new(new PostingInput
    {
        Title = Title,
        Description = Description,
        City = City,
        District = District,
        Category = Category,
        Function = Function,
        SalaryMin = SalaryMin,
        SalaryMax = SalaryMax,
        SalaryMonths = SalaryMonths,
        Negotiable = Negotiable,
        SalaryBasis = SalaryBasis,
        Education = Education,
        Experience = Experience,
        Headcount = Headcount,
        Skills = Skills,
        ExpiresAt = ExpiresAt?.UtcDateTime,
        Type = Type,
        Cohort = Cohort,
        AcceptsBeginners = AcceptsBeginners,
        Benefits = Benefits,
    }, EmployerId);
}

/// <summary>A benefit tag of a posting: its name, whether the employer named it or it was found in the description, and the text.</summary>
public sealed record PostingBenefitResponse(string Tag, string Name, string Source, string? Evidence);

public sealed record PostingResponse(
    long Id,
    long EmployerId,
    string EmployerName,
    string Title,
    string Description,
    string City,
    string CityCode,
    string? District,
    string? Category,
    int? SalaryMin,
    int? SalaryMax,
    int SalaryMonths,
    bool Negotiable,
    string SalaryDisplay,
    string Education,
    string Experience,
    int Headcount,
    IReadOnlyList<string> Skills,
    DateTime PostedAt,
    DateTime UpdatedAt,
    DateTime? ExpiresAt,
    string Status)
{
    /// <summary>月薪, 日薪, 时薪 or 年薪: how the pay was published (<see cref="SalaryDisplay"/> shows it so).</summary>
    public string SalaryBasis { get; init; } = "月薪";

    public string Type { get; init; } = "全职";

    /// <summary>届别 as 2026届, for 校招 and 实习.</summary>
    public string? Cohort { get; init; }

    public bool AcceptsBeginners { get; init; }

    public IReadOnlyList<PostingBenefitResponse> Benefits { get; init; } = [];

    /// <summary>The job function (职能) code; null when none was given or recognised. Supersedes <c>category</c>.</summary>
    public string? FunctionCode { get; init; }

    public string? FunctionName { get; init; }

    public string? FunctionGroupCode { get; init; }

    public string? FunctionGroupName { get; init; }

    /// <summary>What was changed on the way in (an expiry clamped to the maximum); only on create and update.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>
    /// Why the posting is not public yet (employerUnverified, complianceReview); empty when nothing holds it. Only those
    /// who manage the posting ever see a held one.
    /// </summary>
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>
    /// Why the posting is held for compliance review: each finding's rule, law, field and words. Only on held postings (their
    /// managers are the only ones who ever see them); null otherwise.
    /// </summary>
    public IReadOnlyList<Jobs.Api.Compliance.ComplianceFindingResponse>? ComplianceFindings { get; init; }

    /// <summary>The reviewer's reason when the posting was sent back for changes; null otherwise.</summary>
    public string? ComplianceReturnedReason { get; init; }

    /// <summary>The city feeds that list this posting (one posting for the same vacancy in two feeds); empty for postings made here.</summary>
    public IReadOnlyList<PostingSourceResponse>? Sources { get; init; }

    internal static string[] HoldNames(PostingHolds holds) =>
        Enum.GetValues<PostingHolds>().Where(h => h != PostingHolds.None && holds.HasFlag(h))
            .Select(h => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(h.ToString())).ToArray();

    public static PostingResponse From(PostingView view, CityDirectory cities, DateTime utcNow)
    {
        var p = view.Posting;
        var function = Jobs.Core.Taxonomy.JobFunctions.ByCode(p.FunctionCode);
        var status = p.Status == PostingStatus.Closed ? "closed" : p.IsExpired(utcNow) ? "expired" : "open";
        return new PostingResponse(p.Id, p.EmployerId, view.EmployerName, p.Title, p.Description,
            cities.FindByCode(p.CityCode)?.Name ?? p.CityCode, p.CityCode, p.District, p.Category,
            p.SalaryMin, p.SalaryMax, p.SalaryMonths, p.SalaryNegotiable, FormatSalary(p),
            p.Education.Label(), p.Experience.Label(), p.Headcount, p.Skills, p.PostedAt, p.UpdatedAt, p.ExpiresAt, status)
        {
            SalaryBasis = p.SalaryNegotiable && p.SalaryMin is null ? "面议" : p.SalaryBasis.Label(),
            Type = p.Type.Label(),
            Cohort = p.Cohort is { } c ? $"{c}届" : null,
            AcceptsBeginners = p.AcceptsBeginners,
            Benefits = p.Benefits.Select(b => new PostingBenefitResponse(b.Tag, BenefitTags.NameOf(b.Tag), b.Source, b.Evidence)).ToArray(),
            Warnings = view.Warnings.Count > 0 ? view.Warnings : null,
            FunctionCode = function?.Code,
            FunctionName = function?.Name,
            FunctionGroupCode = function?.Group.Code,
            FunctionGroupName = function?.Group.Name,
            Holds = HoldNames(p.Holds),
            ComplianceFindings = p.Holds.HasFlag(PostingHolds.ComplianceReview) && view.ComplianceFindings.Count > 0
                ? view.ComplianceFindings.Select(Jobs.Api.Compliance.ComplianceFindingResponse.From).ToArray()
                : null,
            ComplianceReturnedReason = view.ComplianceReturnedReason,
        };
    }

    /// <summary>Pay as it was published: 8-12K·13薪, 200元/天, 面议.</summary>
    public static string FormatSalary(Posting p) => Jobs.Core.Postings.SalaryDisplay.Format(p);
}

public sealed record PagedResponse<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items)
{
    public static PagedResponse<T> From<TSource>(PagedResult<TSource> page, Func<TSource, T> map) =>
        new(page.Total, page.Page, page.PageSize, page.Items.Select(map).ToArray());
}

/// <summary>A city feed that lists a posting: the publishing city, the feed's own id for it, and whether the feed still lists it.</summary>
public sealed record PostingSourceResponse(string City, string CityName, string ExternalId, bool Active);
