using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jobs.Web.Admin;

/// <summary>The admin console's form endpoints that are not pages: ending an organiser's appointment from the list.</summary>
public static class AdminPages
{
    public const string Path = "/admin";

    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder app)
    {
        // A plain form in each row of the organiser list; the site's antiforgery middleware checks its token first.
        app.MapPost(Path + "/organisers/{id:long}/remove", RemoveAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RemoveAsync(long id, HttpContext http, OrganiserAccounts organisers, CancellationToken cancellationToken)
    {
        var result = await organisers.RemoveAsync(http.User.ToActor(), id, cancellationToken);
        if (result.Status == ServiceStatus.Ok)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = $"{Path}?done=removed";
            return Results.Empty;
        }

        return Results.NotFound();
    }
}
