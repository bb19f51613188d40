using System.Globalization;
using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Core.Common;
using Jobs.Core.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Privacy;

/// <summary>
/// One showing of one contact field to someone other than its owner. <c>viewer</c> is the employer's name (or 平台管理员),
/// <c>fieldLabel</c> 手机号/邮箱/身份证号, <c>whereLabel</c> 简历详情（接口）and the like, <c>atText</c> the local time in Chinese.
/// <c>viewerUserId</c> only in the admins' audit.
/// </summary>
public sealed record ContactViewResponse(long Id, long ResumeId, DateTime At, string AtText, string Viewer, string ViewerKind, long? EmployerId,
    string Field, string FieldLabel, string Where, string WhereLabel, long? ViewerUserId)
{
    public static ContactViewResponse From(ContactViewEntry entry, TimeZoneInfo zone, bool forAdmin)
    {
        var v = entry.View;
        return new(v.Id, v.ResumeId, v.At, TimeZoneInfo.ConvertTimeFromUtc(v.At, zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
            entry.ViewerName, v.EmployerId is null ? "admin" : "employer", v.EmployerId, v.Field, ContactFields.Label(v.Field), v.Where,
            ContactDisclosure.WhereLabel(v.Where), forAdmin ? v.ViewerUserId : null);
    }
}

/// <summary>An employer stopped for passing the daily limit; <c>open</c> while it is not cleared (the employer stays stopped).</summary>
public sealed record ContactFlagResponse(long Id, long EmployerId, string EmployerName, string Day, DateTime FlaggedAt, int Revealed, int Limit, bool Open,
    DateTime? ClearedAt, long? ClearedByUserId, string? ClearNote)
{
    public static ContactFlagResponse From(ContactFlagEntry entry)
    {
        var f = entry.Flag;
        return new(f.Id, f.EmployerId, entry.EmployerName, f.Day, f.FlaggedAt, f.Revealed, f.Limit, f.ClearedAt is null, f.ClearedAt, f.ClearedByUserId,
            f.ClearNote);
    }
}

public sealed record ClearFlagRequest(string? Note);

/// <summary>Who saw a graduate's contact data (the graduate's list, the admins' audit by employer) and the harvesting flags.</summary>
public static class ContactViewEndpoints
{
    public static void MapContactViewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/contact-views", MineAsync).WithTags("Privacy").RequireAuthorization().ProducesValidationProblem().ProducesProblems(401)
            .WithSummary("Who saw the signed-in graduate's phone, email or ID number: one item per field per response, newest first");

        var admin = app.MapGroup("/api/admin").WithTags("Privacy").RequireAuthorization();
        admin.MapGet("/contact-views", ByEmployerAsync).ProducesValidationProblem().ProducesProblems(401, 403)
            .WithSummary("Audit: the contact data one employer's people saw, newest first (employerId required); admin only");
        admin.MapGet("/contact-flags", FlagsAsync).ProducesValidationProblem().ProducesProblems(401, 403)
            .WithSummary("Employers stopped for revealing too many graduates' contact data in a day (open ones first; open=true for only those); admin only");
        admin.MapPost("/contact-flags/{id:long}/clear", ClearAsync).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Clear a flag: the employer sees contact data again, its daily count starting from now; admin only");
    }

    internal static async Task<Results<Ok<PagedResponse<ContactViewResponse>>, ValidationProblem>> MineAsync(
        int? page, int? pageSize, HttpContext http, ContactDisclosure disclosure, IOptions<ContactPrivacyOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var actor = http.User.ToActor();
        var result = actor.UserId is { } userId
            ? await disclosure.ListForOwnerAsync(userId, paging, cancellationToken)
            : new PagedResult<ContactViewEntry>(0, paging.Page, paging.PageSize, []);
        var zone = options.Value.Zone;
        return TypedResults.Ok(PagedResponse<ContactViewResponse>.From(result, e => ContactViewResponse.From(e, zone, forAdmin: false)));
    }

    internal static async Task<Results<Ok<PagedResponse<ContactViewResponse>>, ValidationProblem, ProblemHttpResult>> ByEmployerAsync(
        long? employerId, int? page, int? pageSize, HttpContext http, ContactDisclosure disclosure, IOptions<ContactPrivacyOptions> options,
        CancellationToken cancellationToken)
    {
        if (!http.User.ToActor().IsAdmin)
        {
            return ServiceResults.Problem(ServiceStatus.Forbidden, "只有平台管理员可以审计联系方式的查看记录");
        }

        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (employerId is null)
        {
            errors.Add("employerId", "请指定企业（employerId）");
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await disclosure.ListForEmployerAsync(employerId!.Value, paging, cancellationToken);
        var zone = options.Value.Zone;
        return TypedResults.Ok(PagedResponse<ContactViewResponse>.From(result, e => ContactViewResponse.From(e, zone, forAdmin: true)));
    }

    internal static async Task<Results<Ok<PagedResponse<ContactFlagResponse>>, ValidationProblem, ProblemHttpResult>> FlagsAsync(
        bool? open, int? page, int? pageSize, HttpContext http, ContactDisclosure disclosure, CancellationToken cancellationToken)
    {
        if (!http.User.ToActor().IsAdmin)
        {
            return ServiceResults.Problem(ServiceStatus.Forbidden, "只有平台管理员可以查看异常标记");
        }

        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await disclosure.ListFlagsAsync(open == true, paging, cancellationToken);
        return TypedResults.Ok(PagedResponse<ContactFlagResponse>.From(result, ContactFlagResponse.From));
    }

    internal static async Task<Results<Ok<ContactFlagResponse>, ValidationProblem, ProblemHttpResult>> ClearAsync(
        long id, ClearFlagRequest? request, HttpContext http, ContactDisclosure disclosure, CancellationToken cancellationToken)
    {
        var result = await disclosure.ClearFlagAsync(http.User.ToActor(), id, request?.Note, cancellationToken);
        return result.ToOk(ContactFlagResponse.From);
    }
}
