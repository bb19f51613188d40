using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Api.RateLimiting;
using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Search.Resumes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Resumes;

public sealed record ResumeSearchHighlights(string Major, string Skills, string Snippet);

public sealed record ResumeSearchItem(double Score, ResumeSearchHighlights Highlights, ResumeResponse Resume);

public sealed record ResumeSearchResponse(int Total, int Page, int PageSize, IReadOnlyList<ResumeSearchItem> Items, UnderstoodResponse Understood, string? NextCursor);

public static class ResumeSearchEndpoints
{
    public static void MapResumeSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/resumes/search", SearchAsync).WithTags("Search").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesValidationProblem().ProducesProblems(401, 403)
            .WithSummary("Search graduates' résumés (employers, organisers, admin); contact data masked as everywhere else");

    internal static async Task<Results<Ok<ResumeSearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? q, string? city, string? degree, string? major, int? graduationYear, string[]? skills, int? page, int? pageSize, string? cursor,
        HttpContext http, ResumeSearchService search, ResumeService resumes, CityDirectory cities, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        if (!(actor.IsEmployer || actor.IsOrganiser || actor.IsAdmin))
        {
            return ServiceResults.Problem(ServiceStatus.Forbidden, "只有企业、组织方和管理员可以搜索简历");
        }

        var errors = new ValidationErrors();
        var paging = SearchParameters.Paging(page, pageSize, cursor, sort: null, errors, out _);
        var filters = ParseFilters(q, city, degree, major, graduationYear, skills, cities, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = search.Search(filters with { Page = paging.Page, PageSize = paging.PageSize, Cursor = paging.Cursor });

        // Résumés come from the database so the one masking rule applies; the index holds no contact data at all.
        var views = await resumes.GetManyAsync(actor, result.Items.Select(i => i.Id).ToArray(), cancellationToken);
        var items = result.Items.Where(i => views.ContainsKey(i.Id))
            .Select(i => new ResumeSearchItem(i.Score, new ResumeSearchHighlights(i.MajorHighlight, i.SkillsHighlight, i.Snippet),
                ResumeResponse.From(views[i.Id], cities)))
            .ToArray();
        return TypedResults.Ok(new ResumeSearchResponse(result.Total, result.Page, result.PageSize, items,
            UnderstoodResponse.From(result.Understood), result.NextCursor));
    }

    /// <summary>The filter parameters résumé search and candidate matches share, validated into a request (paging left default).</summary>
    internal static ResumeSearchRequest ParseFilters(string? q, string? city, string? degree, string? major, int? graduationYear, string[]? skills,
        CityDirectory cities, ValidationErrors errors)
    {
        string? cityCode = null;
        if (!string.IsNullOrWhiteSpace(city))
        {
            cityCode = cities.Resolve(city)?.Code;
            if (cityCode is null)
            {
                errors.Add("city", cities.UnknownCityMessage(city));
            }
        }

        EducationLevel? degreeValue = null;
        if (!string.IsNullOrWhiteSpace(degree))
        {
            if (EducationLevels.TryParse(degree, out var level))
            {
                degreeValue = level;
            }
            else
            {
                errors.Add("degree", $"未知学历。可选：{string.Join("、", EducationLevels.AllLabels.Skip(1))}");
            }
        }

        if (graduationYear is < 1980 or > 2100)
        {
            errors.Add("graduationYear", "毕业年份应在 1980 到 2100 之间");
        }

        var skillList = (skills ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (skillList.Count > 10 || skillList.Any(s => s.Length > 40))
        {
            errors.Add("skills", "技能最多 10 项，每项最多 40 个字符");
        }

        if (major is { Length: > 100 })
        {
            errors.Add("major", "专业最多 100 个字符");
        }

        return new ResumeSearchRequest
        {
            Query = q,
            CityCode = cityCode,
            Degree = degreeValue,
            Major = major,
            GraduationYear = graduationYear,
            Skills = skillList,
            // Hidden résumés are not in the index; employers and organisers may read the other two kinds.
            Visibilities = [ResumeVisibility.Public, ResumeVisibility.EmployersOnly],
        };
    }
}
