using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Employers;

/// <summary>An employer; <c>industry</c> is optional and must name a GB/T 4754-2017 section (A–T) by code, name, common name or alias.</summary>
public sealed record EmployerRequest(string? Name, string? CreditCode, string? City, string? Industry, string? Size, string? Description);

public sealed record EmployerResponse(
    long Id, string Name, string? CreditCode, string City, string CityCode, string? Industry, string? Size, string? Description)
{
    /// <summary>The GB/T 4754-2017 section (A–T) of <c>industry</c>.</summary>
    public string? IndustryCode { get; init; }

    /// <summary>The section's common name (制造业 → 制造业, I → 软件/IT/互联网 …).</summary>
    public string? IndustryName { get; init; }

    public static EmployerResponse From(Employer e, CityDirectory cities) =>
        new(e.Id, e.Name, e.CreditCode, cities.FindByCode(e.CityCode)?.Name ?? e.CityCode, e.CityCode, e.Industry, e.Size, e.Description)
        {
            IndustryCode = e.IndustryCode,
            IndustryName = Jobs.Core.Taxonomy.Industries.ByCode(e.IndustryCode)?.CommonName,
        };
}

/// <summary>
/// One recorded identity change. For <c>city</c> the values are city codes, with the names beside them.
/// </summary>
public sealed record EmployerChangeResponse(
    long Id, string Field, string? OldValue, string? NewValue, string? OldCityName, string? NewCityName, long? ActorUserId, DateTime ChangedAt)
{
    public static EmployerChangeResponse From(EmployerChange c, CityDirectory cities)
    {
        string? CityName(string? code) => c.Field == EmployerFields.City && code is not null ? cities.FindByCode(code)?.Name ?? code : null;
        return new(c.Id, c.Field, c.OldValue, c.NewValue, CityName(c.OldValue), CityName(c.NewValue), c.ActorUserId, c.ChangedAt);
    }
}

public static class EmployerEndpoints
{
    public static RouteGroupBuilder MapEmployerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/employers").WithTags("Employers");
        group.MapGet("/", ListAsync).ProducesValidationProblem().WithSummary("Employers, filtered by city or a part of the name");
        group.MapGet("/{id:long}", GetAsync).ProducesProblems(404).WithSummary("One employer");
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Change an employer's profile (its own account or admin); name, credit code and city changes are recorded");
        group.MapGet("/{id:long}/changes", ChangesAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404)
            .WithSummary("An employer's recorded name, credit code and city changes, newest first (the employer, its city's organisers, admins)");
        return group;
    }

    internal static async Task<Results<Ok<PagedResponse<EmployerResponse>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, string? city, string? name, EmployerService employers, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        string? cityCode = null;
        if (city is not null)
        {
            cityCode = cities.Resolve(city)?.Code;
            if (cityCode is null)
            {
                errors.Add("city", cities.UnknownCityMessage(city));
            }
        }

        if (name is { Length: > 100 })
        {
            errors.Add("name", "名称关键词最多 100 个字符");
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await employers.ListAsync(new EmployerListQuery(cityCode, name), paging, cancellationToken);
        return TypedResults.Ok(PagedResponse<EmployerResponse>.From(result, e => EmployerResponse.From(e, cities)));
    }

    internal static async Task<Results<Ok<EmployerResponse>, ProblemHttpResult>> GetAsync(
        long id, EmployerService employers, CityDirectory cities, CancellationToken cancellationToken)
    {
        var employer = await employers.GetAsync(id, cancellationToken);
        return employer is null ? ServiceResults.NotFound($"企业 {id} 不存在") : TypedResults.Ok(EmployerResponse.From(employer, cities));
    }

    internal static async Task<Results<Ok<EmployerResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, EmployerRequest request, HttpContext http, EmployerService employers, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await employers.UpdateAsync(http.User.ToActor(), id,
            new EmployerDraft(request.Name, request.CreditCode, request.City, request.Industry, request.Size, request.Description), cancellationToken);
        return result.ToOk(e => EmployerResponse.From(e, cities));
    }

    internal static async Task<Results<Ok<PagedResponse<EmployerChangeResponse>>, ValidationProblem, ProblemHttpResult>> ChangesAsync(
        long id, int? page, int? pageSize, HttpContext http, EmployerService employers, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await employers.ListChangesAsync(http.User.ToActor(), id, paging, cancellationToken);
        return result.ToOk(p => PagedResponse<EmployerChangeResponse>.From(p, c => EmployerChangeResponse.From(c, cities)));
    }
}
