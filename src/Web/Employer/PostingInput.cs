using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Web.Employer;

/// <summary>
/// The posting form as posted: every field a string, so what the employer typed comes back as typed when something is
/// wrong. <see cref="ToDraft"/> builds the same <see cref="PostingDraft"/> the API's PostingRequest builds, so the
/// service's validation (and its messages, keyed by the API's JSON names) is the only one.
/// </summary>
public sealed class PostingInput
{
    public string? Title { get; set; }

    public string? Function { get; set; }

    public string? Category { get; set; }

    public string? City { get; set; }

    public string? District { get; set; }

    public string? SalaryBasis { get; set; }

    public string? SalaryMin { get; set; }

    public string? SalaryMax { get; set; }

    public string? SalaryMonths { get; set; }

    public bool Negotiable { get; set; }

    public string? Education { get; set; }

    public string? Experience { get; set; }

    public string? Type { get; set; }

    public string? Cohort { get; set; }

    public string? AcceptsBeginners { get; set; }

    public string? Headcount { get; set; }

    public string? Skills { get; set; }

    public string? Description { get; set; }

    /// <summary>The last day the posting is up, as a local date (yyyy-MM-dd); empty means the service's default lifetime.</summary>
    public string? ExpiresOn { get; set; }

    /// <summary>Benefit tag codes ticked; posted as repeated <c>benefits</c> fields, read from the form by the page.</summary>
    public List<string>? Benefits { get; set; }

    public static readonly IReadOnlyList<string> SalaryBases = ["月薪", "日薪", "时薪", "年薪", "面议"];

    /// <summary>The form's values for an existing posting: the figures in the basis they were published in.</summary>
    public static PostingInput From(Posting p, CityDirectory cities, TimeZoneInfo zone) => new()
    {
        Title = p.Title,
        Function = p.FunctionCode,
        Category = p.Category,
        City = cities.FindByCode(p.CityCode)?.Name ?? p.CityCode,
        District = p.District,
        SalaryBasis = p.SalaryNegotiable && p.SalaryMin is null ? "面议" : p.SalaryBasis.Label(),
        SalaryMin = Figure(p.PostedSalaryMin ?? p.SalaryMin),
        SalaryMax = Figure(p.PostedSalaryMax ?? p.SalaryMax),
        SalaryMonths = p.SalaryMonths.ToString(CultureInfo.InvariantCulture),
        Negotiable = p.SalaryNegotiable,
        Education = p.Education.Label(),
        Experience = p.Experience.Label(),
        Type = p.Type.Label(),
        Cohort = p.Cohort?.ToString(CultureInfo.InvariantCulture),
        AcceptsBeginners = p.AcceptsBeginners ? "true" : "false",
        Headcount = p.Headcount.ToString(CultureInfo.InvariantCulture),
        Skills = string.Join("、", p.Skills),
        Description = p.Description,
        ExpiresOn = p.ExpiresAt is { } e ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e, DateTimeKind.Utc), zone))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Benefits = p.Benefits.Where(b => b.Source == PostingBenefit.Explicit).Select(b => b.Tag).ToList(),
    };

    /// <summary>
    /// The draft for <see cref="PostingService"/>. Numbers that are not numbers cannot reach the service; they are reported in
    /// <paramref name="formErrors"/> under the API's field name, and the caller saves nothing while there are any.
    /// </summary>
    public PostingDraft ToDraft(TimeZoneInfo zone, ValidationErrors formErrors)
    {
        var basis = Blank(SalaryBasis);
        var negotiable = Negotiable || basis == "面议";
        return new PostingDraft(new Jobs.Core.Postings.PostingInput
        {
            Title = Title,
            Description = Description,
            City = City,
            District = Blank(District),
            Category = Blank(Category),
            Function = Blank(Function),
            SalaryMin = Number(SalaryMin, "salaryMin", formErrors),
            SalaryMax = Number(SalaryMax, "salaryMax", formErrors),
            SalaryMonths = Number(SalaryMonths, "salaryMonths", formErrors),
            Negotiable = negotiable ? true : null,
            SalaryBasis = basis,
            Education = Blank(Education),
            Experience = Blank(Experience),
            Headcount = Number(Headcount, "headcount", formErrors),
            Skills = SplitSkills(Skills),
            ExpiresAt = ExpiresAt(zone, formErrors)?.UtcDateTime,
            Type = Blank(Type),
            Cohort = Blank(Cohort),
            AcceptsBeginners = AcceptsBeginners switch { "true" => true, "false" => false, _ => null },
            Benefits = Benefits is { Count: > 0 } ? Benefits : null,
        }, EmployerId: null);
    }

    /// <summary>Skills as people type lists: 、，, ; or spaces between them.</summary>
    public static IReadOnlyList<string>? SplitSkills(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(['、', '，', ',', ';', '；', '\n', '\r', ' ', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private DateTimeOffset? ExpiresAt(TimeZoneInfo zone, ValidationErrors formErrors)
    {
        if (string.IsNullOrWhiteSpace(ExpiresOn))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            formErrors.Add("expiresAt", "请按 年-月-日 填写截止日期，如 2026-12-31");
            return null;
        }

        // Up to the end of that day where the employer is, not midnight UTC (08:00 there).
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static int? Number(string? text, string field, ValidationErrors formErrors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        formErrors.Add(field, "请填写整数");
        return null;
    }

    private static string? Figure(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Figure(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
