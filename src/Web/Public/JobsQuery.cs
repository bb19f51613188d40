using System.Globalization;
using System.Text;
using Jobs.Core.Common;
using Jobs.Search.Postings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Jobs.Web.Public;

/// <summary>
/// A search page's state as its query string carries it: the API's filter parameters (<see cref="PostingSearchQuery"/>, same
/// names, same validation), the sort and the page. Every filter link and the pager are built from it, so back/forward,
/// bookmarks and sharing keep the search.
/// </summary>
public sealed record JobsQuery
{
    public const int PageSize = 20;

    /// <summary>Pages a page number may reach: the search collects at most <see cref="PostingSearchService.MaxDepth"/> hits.</summary>
    public const int MaxPage = PostingSearchService.MaxDepth / PageSize;

    public PostingSearchQuery Filters { get; init; } = new();

    public PostingSort Sort { get; init; } = PostingSort.Relevance;

    public int Page { get; init; } = 1;

    /// <summary>False lists every posting in rank order: no per-employer cap, no folding (the "相似职位" link uses it).</summary>
    public bool Diversify { get; init; } = true;

    /// <summary>Reads the query string; numbers that are not numbers and unknown sorts are reported under the API's field names.</summary>
    public static JobsQuery From(IQueryCollection query, ValidationErrors errors)
    {
        var sort = PostingSort.Relevance;
        var sortText = Text(query, "sort");
        if (sortText is not null && !(Enum.TryParse(sortText, ignoreCase: true, out sort) && Enum.IsDefined(sort)))
        {
            errors.Add("sort", "排序应为 relevance、newest 或 salary");
            sort = PostingSort.Relevance;
        }

        var page = Int(query, "page", errors, "页码应为整数") ?? 1;
        if (page < 1)
        {
            page = 1;
        }

        bool? beginners = null;
        if (Text(query, "beginners") is { } b)
        {
            if (bool.TryParse(b, out var parsed))
            {
                beginners = parsed;
            }
            else
            {
                errors.Add("beginners", "beginners 应为 true 或 false");
            }
        }

        return new JobsQuery
        {
            Filters = new PostingSearchQuery
            {
                Q = Text(query, "q"),
                City = Many(query, "city"),
                District = Text(query, "district"),
                Category = Text(query, "category"),
                Education = Text(query, "education"),
                SalaryMin = Int(query, "salaryMin", errors, "月薪应为整数（元）"),
                SalaryMax = Int(query, "salaryMax", errors, "月薪应为整数（元）"),
                Experience = Text(query, "experience"),
                PostedWithinDays = Int(query, "postedWithinDays", errors, "发布天数应为整数"),
                EmployerId = Int(query, "employerId", errors, "单位编号应为整数"),
                Type = Text(query, "type"),
                Cohort = Text(query, "cohort"),
                Beginners = beginners,
                Benefit = Many(query, "benefit"),
                Function = Many(query, "function"),
                FunctionGroup = Many(query, "functionGroup"),
            },
            Sort = sort,
            Page = Math.Min(page, MaxPage),
            Diversify = !string.Equals(Text(query, "diversify"), "false", StringComparison.OrdinalIgnoreCase),
        };
    }

    public bool HasFilters =>
        Filters.City.Count > 0 || Filters.District is not null || Filters.Category is not null || Filters.Education is not null
        || Filters.SalaryMin is not null || Filters.SalaryMax is not null || Filters.Experience is not null
        || Filters.PostedWithinDays is not null || Filters.EmployerId is not null || Filters.Type is not null || Filters.Cohort is not null
        || Filters.Beginners is not null || Filters.Benefit.Count > 0 || Filters.Function.Count > 0 || Filters.FunctionGroup.Count > 0;

    /// <summary>The same search with other filters (page back to 1 unless given).</summary>
    public JobsQuery With(Func<PostingSearchQuery, PostingSearchQuery> change) => this with { Filters = change(Filters), Page = 1 };

    public JobsQuery AtPage(int page) => this with { Page = page };

    public static IReadOnlyList<string> Toggle(IReadOnlyList<string> values, string value) =>
        values.Contains(value, StringComparer.Ordinal) ? values.Where(v => v != value).ToArray() : [.. values, value];

    /// <summary>The address of this search on <paramref name="path"/>.</summary>
    public string Href(string path = "/jobs")
    {
        var sb = new StringBuilder(path);
        var first = true;
        void Add(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            sb.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        var f = Filters;
        Add("q", f.Q?.Trim());
        foreach (var c in f.City)
        {
            Add("city", c);
        }

        Add("district", f.District);
        Add("category", f.Category);
        foreach (var v in f.FunctionGroup)
        {
            Add("functionGroup", v);
        }

        foreach (var v in f.Function)
        {
            Add("function", v);
        }

        Add("education", f.Education);
        Add("experience", f.Experience);
        Add("salaryMin", f.SalaryMin?.ToString(CultureInfo.InvariantCulture));
        Add("salaryMax", f.SalaryMax?.ToString(CultureInfo.InvariantCulture));
        Add("postedWithinDays", f.PostedWithinDays?.ToString(CultureInfo.InvariantCulture));
        Add("employerId", f.EmployerId?.ToString(CultureInfo.InvariantCulture));
        Add("type", f.Type);
        Add("cohort", f.Cohort);
        Add("beginners", f.Beginners is { } b ? (b ? "true" : "false") : null);
        foreach (var v in f.Benefit)
        {
            Add("benefit", v);
        }

        if (Sort != PostingSort.Relevance)
        {
            Add("sort", Sort.ToString().ToLowerInvariant());
        }

        if (!Diversify)
        {
            Add("diversify", "false");
        }

        if (Page > 1)
        {
            Add("page", Page.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var value = query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return value?.Trim();
    }

    private static string[] Many(IQueryCollection query, string name) =>
        query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).Take(20).ToArray();

    private static int? Int(IQueryCollection query, string name, ValidationErrors errors, string message)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(name, message);
        return null;
    }
}

/// <summary>Absolute addresses for canonical links, JSON-LD and the sitemap.</summary>
public sealed class PublicUrls(IOptions<WebOptions> options)
{
    public string BaseUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    public string Absolute(HttpRequest request, string path) => BaseUrl(request) + path;
}

/// <summary>A filter value as a link: its label, its count when the search counts it, and where it leads.</summary>
public sealed record FacetLink(string Label, int? Count, string Href, bool Selected);
