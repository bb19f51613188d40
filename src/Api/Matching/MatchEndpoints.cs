using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Api.RateLimiting;
using Jobs.Api.Resumes;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Search.Matching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Matching;

public sealed record MatchPartResponse(string Part, string Label, double Weight, double Fit, double Points, string? Reason);

/// <summary>A score and what it is made of: <c>score</c> is the sum of the parts' <c>points</c>.</summary>
public sealed record MatchExplanationResponse(double Score, IReadOnlyList<MatchPartResponse> Parts, IReadOnlyList<string> Reasons)
{
    public static MatchExplanationResponse From(MatchExplanation e) => new(e.Score,
        e.Parts.Select(p => new MatchPartResponse(PartName(p.Kind), p.Label, p.Weight, p.Fit, p.Points, p.Reason)).ToArray(), e.Reasons);

    private static string PartName(MatchPartKind kind) => kind switch
    {
        MatchPartKind.Text => "text",
        MatchPartKind.City => "city",
        MatchPartKind.Education => "education",
        MatchPartKind.Salary => "salary",
        MatchPartKind.Experience => "experience",
        MatchPartKind.Cohort => "cohort",
        _ => "freshness",
    };
}

public sealed record PostingMatchItem(
    long Id, string Title, string EmployerName, long EmployerId, string City, string CityCode, string? District, int? SalaryMin, int? SalaryMax,
    int SalaryMonths, string Education, string Experience, DateTime PostedAt, double Score, SearchHighlights Highlights,
    MatchExplanationResponse Explanation)
{
    /// <summary>Pay as published (8-10K·13薪, 200元/天, 面议).</summary>
    public string SalaryText { get; init; } = "";

    public string Type { get; init; } = "全职";

    public string? Cohort { get; init; }

    public bool AcceptsBeginners { get; init; }

    public IReadOnlyList<string> Benefits { get; init; } = [];
}

public sealed record PostingMatchesResponse(int Total, int Page, int PageSize, IReadOnlyList<PostingMatchItem> Items, string? NextCursor);

public sealed record CandidateMatchItem(double Score, MatchExplanationResponse Explanation, ResumeResponse Resume);

public sealed record CandidateMatchesResponse(int Total, int Page, int PageSize, IReadOnlyList<CandidateMatchItem> Items, string? NextCursor);

public static class MatchEndpoints
{
    public static void MapMatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/resumes/{id:long}/matches", PostingsForResumeAsync).WithTags("Matching").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesValidationProblem().ProducesProblems(401, 403, 404)
            .WithSummary("Postings that fit a résumé, best first, each score explained (the résumé's graduate, organisers, admin)")
            .WithDescription("Takes the filters and paging of GET /api/postings/search; filters narrow the list but never change a score. "
                + "Closed or expired postings and postings asking for a higher degree never match.");
        app.MapGet("/api/postings/{id:long}/matches", CandidatesForPostingAsync).WithTags("Matching").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesValidationProblem().ProducesProblems(401, 403, 404)
            .WithSummary("Graduates who fit a posting, best first, each score explained (the posting's employer, organisers, admin)")
            .WithDescription("Takes the filters and paging of GET /api/resumes/search. Hidden résumés and degrees below the requirement "
                + "never match; contact data is masked as everywhere else.");
    }

    internal static async Task<Results<Ok<PostingMatchesResponse>, ValidationProblem, ProblemHttpResult>> PostingsForResumeAsync(
        long id, string? q, string[]? city, string? district, string? category, string? education, int? salaryMin, int? salaryMax,
        string? experience, int? postedWithinDays, long? employerId, int? page, int? pageSize, string? cursor,
        string? type, string? cohort, bool? beginners, string[]? benefit,
        HttpContext http, ResumeService resumes, PostingMatchService matcher, CityDirectory cities, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var view = await resumes.GetAsync(actor, id, cancellationToken);
        if (view.Value is not { } resume)
        {
            return ServiceResults.Problem(view.Status, view.Message);
        }

        if (!(actor.IsAdmin || actor.IsOrganiser || resume.Resume.OwnerUserId == actor.UserId))
        {
            return ServiceResults.Problem(ServiceStatus.Forbidden, "只有简历本人、组织方和管理员可以查看简历的匹配职位");
        }

        var errors = new ValidationErrors();
        var paging = SearchParameters.Paging(page, pageSize, cursor, sort: null, errors, out _);
        var filters = Jobs.Search.Postings.PostingSearchFilters.ParseFilters(q, city, district, category, education, salaryMin, salaryMax, experience,
            postedWithinDays, employerId, cities, errors);
        filters = Jobs.Search.Postings.PostingSearchFilters.ParseModelFilters(filters, type, cohort, beginners, benefit, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await matcher.MatchAsync(resume.Resume, filters with { Page = paging.Page, PageSize = paging.PageSize, Cursor = paging.Cursor },
            cancellationToken);
        var items = result.Items.Select(m =>
        {
            var h = m.Posting;
            return new PostingMatchItem(h.Id, h.Title, h.EmployerName, h.EmployerId, cities.FindByCode(h.CityCode)?.Name ?? h.CityCode, h.CityCode,
                h.District, h.SalaryMin, h.SalaryMax, h.SalaryMonths, h.Education.Label(), m.Experience.Label(), h.PostedAt, m.Explanation.Score,
                new SearchHighlights(h.TitleHighlight, h.DescriptionHighlight), MatchExplanationResponse.From(m.Explanation))
            {
                SalaryText = h.SalaryText,
                Type = h.Type.Label(),
                Cohort = h.Cohort is { } c ? $"{c}届" : null,
                AcceptsBeginners = h.AcceptsBeginners,
                Benefits = h.Benefits,
            };
        }).ToArray();
        return TypedResults.Ok(new PostingMatchesResponse(result.Total, result.Page, result.PageSize, items, result.NextCursor));
    }

    internal static async Task<Results<Ok<CandidateMatchesResponse>, ValidationProblem, ProblemHttpResult>> CandidatesForPostingAsync(
        long id, string? q, string? city, string? degree, string? major, int? graduationYear, string[]? skills, int? page, int? pageSize,
        string? cursor, HttpContext http, PostingCandidatesService candidates, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var posting = await candidates.PostingForAsync(actor, id, cancellationToken);
        if (posting.Value is not { } view)
        {
            return ServiceResults.Problem(posting.Status, posting.Message);
        }

        var errors = new ValidationErrors();
        var paging = SearchParameters.Paging(page, pageSize, cursor, sort: null, errors, out _);
        var filters = ResumeSearchEndpoints.ParseFilters(q, city, degree, major, graduationYear, skills, cities, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await candidates.ListAsync(actor, view.Posting, filters with { Page = paging.Page, PageSize = paging.PageSize, Cursor = paging.Cursor },
            cancellationToken);
        var items = result.Items
            .Select(i => new CandidateMatchItem(i.Match.Explanation.Score, MatchExplanationResponse.From(i.Match.Explanation), ResumeResponse.From(i.Resume, cities)))
            .ToArray();
        return TypedResults.Ok(new CandidateMatchesResponse(result.Total, result.Page, result.PageSize, items, result.NextCursor));
    }
}
