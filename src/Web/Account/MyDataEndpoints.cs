using System.Text.Json;
using Jobs.Core.Common;
using Jobs.Core.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jobs.Web.Account;

/// <summary>The download behind /me/data: the same export as <c>GET /api/me/export</c>, for the signed-in browser, as a file.</summary>
public static class MyDataEndpoints
{
    public const string ExportPath = "/me/data/export";

    public static IEndpointRouteBuilder MapMyDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    internal static async Task<IResult> ExportAsync(HttpContext http, PersonalDataExporter exporter, CancellationToken cancellationToken)
    {
        var result = await exporter.ExportAsync(http.User.ToActor(), cancellationToken);
        if (result.Value is not { } export)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, PersonalDataExporter.FileJson);
        return Results.File(bytes, "application/json; charset=utf-8", PersonalDataExporter.FileName(export.ExportedAt));
    }
}
