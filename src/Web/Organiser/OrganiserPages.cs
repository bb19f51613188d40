using Jobs.Core.Common;
using Jobs.Core.Employers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jobs.Web.Organiser;

/// <summary>Rules the organiser review pages share, and the licence download the pages link to.</summary>
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
}
