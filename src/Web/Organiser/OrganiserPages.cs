using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Fairs;
using Jobs.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jobs.Web.Organiser;

/// <summary>Rules the organiser pages share, and the downloads the pages link to (a licence, a fair's attendee list).</summary>
public static class OrganiserPages
{
    /// <summary>Organisers review their own city; admins any.</summary>
    public const string Roles = "organiser,admin";

    public static IEndpointRouteBuilder MapOrganiserEndpoints(this IEndpointRouteBuilder app)
    {
        // The same rule as GET /api/verifications/{id}/licence, for a signed-in reviewer's browser (the site cookie).
        app.MapGet("/organiser/verifications/{id:long}/licence", LicenceAsync)
            .RequireAuthorization(p => p.RequireRole("organiser", "admin"))
            .ExcludeFromDescription();
        // Signed in is enough to reach it; the attendee service decides (organisers of the host city, admins), so a
        // graduate or another city's organiser gets a plain 403 rather than the sign-in cookie's redirect to /denied.
        app.MapGet("/organiser/fairs/{id:long}/attendees.csv", AttendeesCsvAsync)
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LicenceAsync(long id, HttpContext http, VerificationService verification, CancellationToken cancellationToken)
    {
        var result = await verification.GetLicenceAsync(http.User.ToActor(), id, cancellationToken);
        if (result.Value is not { } file)
        {
            return Results.Problem(result.Message, statusCode: result.Status == ServiceStatus.Forbidden
                ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file.Path, file.ContentType, file.FileName);
    }

    private static async Task<IResult> AttendeesCsvAsync(long id, HttpContext http, AttendeeService attendees, LocalTime time,
        CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var allowed = actor.IsOrganiser || actor.IsAdmin
            ? await attendees.SearchAsync(actor, id, null, new PageRequest(1, 1), cancellationToken)
            : ServiceResult<PagedResult<AttendeeRow>>.Forbidden("只有举办城市的组织方可以导出报名名单");
        if (allowed.Status != ServiceStatus.Ok)
        {
            return Results.Problem(allowed.Message, statusCode: allowed.Status == ServiceStatus.Forbidden
                ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(async body =>
        {
            await AttendeeCsv.WriteAsync(body, attendees.ExportRowsAsync(id), time, cancellationToken);
        }, SpreadsheetCsv.ContentType, $"fair-{id}-attendees.csv");
    }
}
