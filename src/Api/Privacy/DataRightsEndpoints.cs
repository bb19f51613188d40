using System.Globalization;
using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Common;
using Jobs.Core.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jobs.Api.Privacy;

/// <summary>The password, typed again: closing an account must not be one stolen session away.</summary>
public sealed record DeleteAccountRequest(string? Password);

/// <summary>A person's data rights: download everything stored about me, close my account (with a cooling-off), change my mind.</summary>
public static class DataRightsEndpoints
{
    public static IEndpointRouteBuilder MapDataRightsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Data rights").RequireAuthorization();
        group.MapGet("/export", ExportAsync).ProducesProblems(401, 404)
            .WithSummary("Everything stored about the signed-in person, as one JSON document (sent as a file download)");
        group.MapDelete("", RequestDeletionAsync).RequireRateLimiting(RateLimitPolicies.SignIn).ProducesProblems(400, 401, 403, 429)
            .WithSummary("Close the account, confirmed with the password: the résumé is hidden at once, personal data is erased after the cooling-off (Privacy:DeletionCoolingOffDays)");
        group.MapGet("/deletion", DeletionStatusAsync).ProducesProblems(401, 404)
            .WithSummary("The pending account closure and when erasure happens; 404 when none is pending");
        group.MapDelete("/deletion", CancelDeletionAsync).ProducesProblems(401, 404)
            .WithSummary("Cancel a pending account closure during the cooling-off; the résumé is shown as before");
        return app;
    }

    internal static async Task<Results<Ok<PersonalDataExport>, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpContext http, PersonalDataExporter exporter, CancellationToken cancellationToken)
    {
        var result = await exporter.ExportAsync(http.User.ToActor(), cancellationToken);
        if (result.Value is { } export)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{PersonalDataExporter.FileName(export.ExportedAt)}\"";
            // Personal data: no shared cache may keep a copy.
            http.Response.Headers.CacheControl = "no-store";
        }

        return result.ToOk(e => e);
    }

    internal static async Task<Results<Accepted<DeletionStatus>, ValidationProblem, ProblemHttpResult>> RequestDeletionAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeleteAccountRequest? request, HttpContext http, AccountDeletionService deletion,
        CancellationToken cancellationToken)
    {
        var result = await deletion.RequestAsync(http.User.ToActor(), request?.Password, cancellationToken);
        switch (result.Status)
        {
            case ServiceStatus.Ok:
                return TypedResults.Accepted("/api/me/deletion", result.Value!);
            case ServiceStatus.Invalid:
                return ServiceResults.Validation(result.Errors!);
            case ServiceStatus.NotFound:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            case ServiceStatus.TooManyRequests:
                // A refusal for speed carries the wait as the span of its status.
                var wait = result.Value is { } w ? w.DueAt - w.RequestedAt : TimeSpan.FromSeconds(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ServiceResults.Problem(result.Status, result.Message);
            default:
                return ServiceResults.Problem(result.Status, result.Message);
        }
    }

    internal static async Task<Results<Ok<DeletionStatus>, ValidationProblem, ProblemHttpResult>> DeletionStatusAsync(
        HttpContext http, AccountDeletionService deletion, CancellationToken cancellationToken) =>
        (await deletion.StatusAsync(http.User.ToActor(), cancellationToken)).ToOk(s => s);

    internal static async Task<Results<NoContent, ProblemHttpResult>> CancelDeletionAsync(
        HttpContext http, AccountDeletionService deletion, CancellationToken cancellationToken)
    {
        var result = await deletion.CancelAsync(http.User.ToActor(), cancellationToken);
        return result.Status == ServiceStatus.Ok ? TypedResults.NoContent() : ServiceResults.Problem(result.Status, result.Message);
    }
}
