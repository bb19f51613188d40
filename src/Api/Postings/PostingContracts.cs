using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Api.Postings;

/// <summary>A posting as an employer submits it. Education and experience take the Chinese labels (本科, 1-3年).</summary>
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
    public PostingDraft ToDraft() => new(Title, Description, City, District, Category, SalaryMin, SalaryMax, SalaryMonths, Negotiable,
        Education, Experience, Headcount, Skills, ExpiresAt, EmployerId);
}

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
    /// <summary>The city feeds that list this posting (one posting for the same vacancy in two feeds); empty for postings made here.</summary>
    public IReadOnlyList<PostingSourceResponse>? Sources { get; init; }

    public static PostingResponse From(PostingView view, CityDirectory cities, DateTime utcNow)
    {
        var p = view.Posting;
        var status = p.Status == PostingStatus.Closed ? "closed" : p.IsExpired(utcNow) ? "expired" : "open";
        return new PostingResponse(p.Id, p.EmployerId, view.EmployerName, p.Title, p.Description,
            cities.FindByCode(p.CityCode)?.Name ?? p.CityCode, p.CityCode, p.District, p.Category,
            p.SalaryMin, p.SalaryMax, p.SalaryMonths, p.SalaryNegotiable, FormatSalary(p),
            p.Education.Label(), p.Experience.Label(), p.Headcount, p.Skills, p.PostedAt, p.UpdatedAt, p.ExpiresAt, status);
    }

    /// <summary>The way job boards print pay: 8-12K·13薪, 6000-8000元, 面议.</summary>
    public static string FormatSalary(Posting p)
    {
        if (p.SalaryMin is not { } min || p.SalaryMax is not { } max)
        {
            return "面议";
        }

        var range = min >= 1000 && max >= 1000 && min % 100 == 0 && max % 100 == 0
            ? $"{K(min)}-{K(max)}K"
            : $"{min}-{max}元";
        return p.SalaryMonths > 12 ? $"{range}·{p.SalaryMonths}薪" : range;

        static string K(int yuan) => (yuan / 1000m).ToString("0.#", CultureInfo.InvariantCulture);
    }
}

public sealed record PagedResponse<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items)
{
    public static PagedResponse<T> From<TSource>(PagedResult<TSource> page, Func<TSource, T> map) =>
        new(page.Total, page.Page, page.PageSize, page.Items.Select(map).ToArray());
}

/// <summary>A city feed that lists a posting: the publishing city, the feed's own id for it, and whether the feed still lists it.</summary>
public sealed record PostingSourceResponse(string City, string CityName, string ExternalId, bool Active);
