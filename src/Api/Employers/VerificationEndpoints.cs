using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Employers;

/// <summary>A verification submission (multipart): the unified social credit code, legal name, city and the licence file (JPG, PNG or PDF).</summary>
public sealed class VerificationForm
{
    public string? CreditCode { get; set; }

    public string? LegalName { get; set; }

    public string? City { get; set; }

    public IFormFile? Licence { get; set; }
}

public sealed record RejectVerificationRequest(string? Reason);

/// <summary>
/// One submission or decision record. <c>source</c>: employer, identityChange, import, migration; <c>status</c>: pending,
/// approved, rejected, superseded. <c>licenceUrl</c> is set when a licence file is kept (only reviewers may open it).
/// </summary>
public sealed record VerificationSubmissionResponse(
    long Id, long EmployerId, string EmployerName, string Source, string Status, string StatusText, string? CreditCode, string LegalName,
    string City, string CityCode, string? LicenceUrl, string? LicenceContentType, long? LicenceBytes, DateTime SubmittedAt, long? SubmittedBy,
    DateTime? DecidedAt, long? DecidedBy, string? Reason)
{
    public static VerificationSubmissionResponse From(VerificationSubmission s, string employerName, CityDirectory cities) =>
        new(s.Id, s.EmployerId, employerName, s.Source.Name(), s.Status.Name(), s.Status.Describe(), s.CreditCode, s.LegalName,
            cities.FindByCode(s.CityCode)?.Name ?? s.CityCode, s.CityCode, s.LicenceFile is null ? null : $"/api/verifications/{s.Id}/licence",
            s.LicenceContentType, s.LicenceBytes, s.SubmittedAt, s.SubmittedBy, s.DecidedAt, s.DecidedBy, s.Reason);
}

/// <summary>An employer's verification: <c>status</c> unverified, pending, verified or rejected, with its history newest first.</summary>
public sealed record EmployerVerificationResponse(
    long EmployerId, string Status, string StatusText, string? RejectionReason, IReadOnlyList<VerificationSubmissionResponse> History);

public static class VerificationEndpoints
{
    public static void MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        var employer = app.MapGroup("/api/employers/{id:long}/verification").WithTags("Employer verification").RequireAuthorization();
        employer.MapGet("/", GetAsync).ProducesProblems(401, 403, 404)
            .WithSummary("An employer's verification status and history (the employer, its city's organisers, admins)");
        // The role check runs in the authorization middleware, before the handler reads (binds) the upload.
        employer.MapPost("/", SubmitAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Employer, Roles.Admin))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimitBytes(app)))
            .WithFormOptions(multipartBodyLengthLimit: UploadLimitBytes(app))
            .ProducesProblems(400, 401, 403, 404, 409, 413)
            .WithSummary("Submit for verification (multipart: creditCode, legalName, city, licence); the identity becomes the employer's, status pending");

        var reviews = app.MapGroup("/api/verifications").WithTags("Employer verification")
            .RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin));
        reviews.MapGet("/", ListAsync).ProducesProblems(400, 401, 403)
            .WithSummary("Verification submissions (status=pending|approved|rejected|superseded, city); organisers see their city only");
        reviews.MapGet("/{id:long}", GetSubmissionAsync).ProducesProblems(401, 403, 404).WithSummary("One submission");
        reviews.MapGet("/{id:long}/licence", LicenceAsync).ProducesProblems(401, 403, 404)
            .WithSummary("The submitted licence file (reviewers of the employer's city and admins only)");
        reviews.MapPost("/{id:long}/approve", ApproveAsync).ProducesProblems(401, 403, 404, 409)
            .WithSummary("Approve: the employer is verified and its postings go public");
        reviews.MapPost("/{id:long}/reject", RejectAsync).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Reject with a reason the employer sees; it may submit again");
    }

    private static long UploadLimitBytes(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<VerificationOptions>>().Value.LicenceMaxBytes + 64 * 1024;

    internal static async Task<Results<Ok<EmployerVerificationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, HttpContext http, VerificationService verification, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await verification.GetStateAsync(http.User.ToActor(), id, cancellationToken);
        return result.ToOk(s => ToResponse(s, cities));
    }

    internal static async Task<Results<Created<VerificationSubmissionResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        long id, [FromForm] VerificationForm form, HttpContext http, VerificationService verification, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        await using var content = form.Licence?.OpenReadStream();
        var upload = form.Licence is { } file && content is not null ? new LicenceUpload(content, file.FileName, file.Length) : null;
        var result = await verification.SubmitAsync(http.User.ToActor(), id, new VerificationDraft(form.CreditCode, form.LegalName, form.City), upload,
            cancellationToken);
        return result.ToCreated(s => VerificationSubmissionResponse.From(s, s.LegalName, cities), _ => $"/api/employers/{id}/verification");
    }

    internal static async Task<Results<Ok<PagedResponse<VerificationSubmissionResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? status, string? city, int? page, int? pageSize, HttpContext http, VerificationService verification, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        SubmissionStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<SubmissionStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", "status 应为 pending、approved、rejected 或 superseded");
            }
        }

        string? cityCode = null;
        if (!string.IsNullOrWhiteSpace(city))
        {
            cityCode = cities.Resolve(city)?.Code;
            if (cityCode is null)
            {
                errors.Add("city", cities.UnknownCityMessage(city));
            }
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await verification.ListAsync(http.User.ToActor(), wanted, cityCode, paging, cancellationToken);
        return result.ToOk(p => PagedResponse<VerificationSubmissionResponse>.From(p,
            v => VerificationSubmissionResponse.From(v.Submission, v.Employer.Name, cities)));
    }

    internal static async Task<Results<Ok<VerificationSubmissionResponse>, ValidationProblem, ProblemHttpResult>> GetSubmissionAsync(
        long id, HttpContext http, VerificationService verification, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await verification.GetSubmissionAsync(http.User.ToActor(), id, cancellationToken);
        return result.ToOk(v => VerificationSubmissionResponse.From(v.Submission, v.Employer.Name, cities));
    }

    internal static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> LicenceAsync(
        long id, HttpContext http, VerificationService verification, CancellationToken cancellationToken)
    {
        var result = await verification.GetLicenceAsync(http.User.ToActor(), id, cancellationToken);
        if (result.Value is not { } file)
        {
            return ServiceResults.Problem(result.Status, result.Message);
        }

        LicenceHeaders(http);
        return TypedResults.PhysicalFile(file.Path, file.ContentType, file.FileName);
    }

    /// <summary>The licence is a personal document: never cached on the way, never sniffed into something else.</summary>
    public static void LicenceHeaders(HttpContext http)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
    }

    internal static async Task<Results<Ok<VerificationSubmissionResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, HttpContext http, VerificationService verification, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await verification.DecideAsync(http.User.ToActor(), id, approve: true, null, cancellationToken);
        return result.ToOk(v => VerificationSubmissionResponse.From(v.Submission, v.Employer.Name, cities));
    }

    internal static async Task<Results<Ok<VerificationSubmissionResponse>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long id, RejectVerificationRequest request, HttpContext http, VerificationService verification, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        var result = await verification.DecideAsync(http.User.ToActor(), id, approve: false, request.Reason, cancellationToken);
        return result.ToOk(v => VerificationSubmissionResponse.From(v.Submission, v.Employer.Name, cities));
    }

    private static EmployerVerificationResponse ToResponse(VerificationState state, CityDirectory cities)
    {
        var e = state.Employer;
        var reason = e.Verification == VerificationStatus.Rejected
            ? state.History.FirstOrDefault(h => h.Status == SubmissionStatus.Rejected)?.Reason
            : null;
        return new EmployerVerificationResponse(e.Id, e.Verification.Name(), e.Verification.Describe(), reason,
            state.History.Select(h => VerificationSubmissionResponse.From(h, e.Name, cities)).ToArray());
    }
}
