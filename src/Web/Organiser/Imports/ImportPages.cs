using Jobs.Core.Common;
using Jobs.Core.Imports;
using Jobs.Core.Imports.Feeds;
using Jobs.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobs.Web.Organiser.Imports;

/// <summary>A feed file sent from the imports page's form (the field names are the API upload's).</summary>
public sealed class ImportPageUpload
{
    public string? City { get; set; }

    public IFormFile? File { get; set; }

    public string? Format { get; set; }

    public string? Encoding { get; set; }
}

/// <summary>
/// The imports pages' endpoints that are not pages: the upload (a feed file is larger than any page form may be, so it
/// gets the API upload's own body limit and rate limit), and a run's problems as CSV files.
/// </summary>
public static class ImportPages
{
    public const string Path = "/organiser/imports";

    public static IEndpointRouteBuilder MapImportPages(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + 1024 * 1024;
        // Authorization runs before the body is read; the site's antiforgery check runs on the form (the token is in it).
        app.MapPost(Path + "/upload", UploadAsync)
            .RequireAuthorization(p => p.RequireRole(OrganiserPages.Roles.Split(',')))
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit)
            .ExcludeFromDescription();
        // Plain forms from the imports pages; the token in each is checked by the site's antiforgery middleware before these run.
        app.MapPost(Path + "/{runId:long}/confirm", ConfirmAsync)
            .RequireAuthorization(p => p.RequireRole(OrganiserPages.Roles.Split(',')))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapPost(Path + "/{runId:long}/discard", DiscardAsync)
            .RequireAuthorization(p => p.RequireRole(OrganiserPages.Roles.Split(',')))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapPost(Path + "/sources/{city}/run", RunNow)
            .RequireAuthorization(p => p.RequireRole(OrganiserPages.Roles.Split(',')))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapGet(Path + "/{runId:long}/rejections.csv", (long runId, HttpContext http, ImportService imports, CancellationToken ct) =>
                CsvAsync(runId, ImportProblemKind.Rejection, http, imports, ct))
            .RequireAuthorization(p => p.RequireRole(OrganiserPages.Roles.Split(',')))
            .ExcludeFromDescription();
        app.MapGet(Path + "/{runId:long}/warnings.csv", (long runId, HttpContext http, ImportService imports, CancellationToken ct) =>
                CsvAsync(runId, ImportProblemKind.Warning, http, imports, ct))
            .RequireAuthorization(p => p.RequireRole(OrganiserPages.Roles.Split(',')))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Runs the import and sends the browser to the run's report (303, so a reload does not post the file again); a form
    /// the service refuses goes back to the imports page with the reason (a code the page turns into a sentence).
    /// </summary>
    private static async Task<IResult> UploadAsync([FromForm] ImportPageUpload form, HttpContext http, ImportService imports, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var city = actor.IsAdmin ? form.City : actor.CityCode;
        if (string.IsNullOrWhiteSpace(city))
        {
            return Back(UploadErrors.City);
        }

        if (form.File is not { Length: > 0 } file)
        {
            return Back(UploadErrors.File);
        }

        FeedReadOptions readOptions;
        try
        {
            readOptions = FeedReadOptions.FromSettings(Blank(form.Format), null);
        }
        catch (ArgumentException)
        {
            return Back(UploadErrors.Format);
        }

        try
        {
            readOptions = readOptions with { Encoding = FeedReadOptions.FromSettings(null, Blank(form.Encoding)).Encoding };
        }
        catch (ArgumentException)
        {
            return Back(UploadErrors.Encoding);
        }

        await using var content = file.OpenReadStream();
        var result = await imports.RunAsync(actor, new ImportRequest(city, content, file.FileName, readOptions, ImportTrigger.Upload), cancellationToken);
        return result.Value is { } run
            ? SeeOther($"{Path}/{run.Id}")
            : Back(result.Status switch
            {
                ServiceStatus.Invalid => UploadErrors.City,
                ServiceStatus.Conflict => UploadErrors.Busy,
                _ => UploadErrors.Forbidden,
            });
    }

    /// <summary>Applies a held run and shows the applying run's report; a run already decided goes back to its report with a note.</summary>
    private static async Task<IResult> ConfirmAsync(long runId, HttpContext http, ImportService imports, CancellationToken cancellationToken)
    {
        var result = await imports.ConfirmAsync(http.User.ToActor(), runId, cancellationToken);
        return result switch
        {
            { Value: { } run } => SeeOther($"{Path}/{run.Id}?done=confirmed"),
            { Status: ServiceStatus.Conflict } => SeeOther($"{Path}/{runId}?done=decided"),
            _ => Results.NotFound(),
        };
    }

    private static async Task<IResult> DiscardAsync(long runId, HttpContext http, ImportService imports, CancellationToken cancellationToken)
    {
        var result = await imports.DiscardAsync(http.User.ToActor(), runId, cancellationToken);
        return result switch
        {
            { Value: not null } => SeeOther($"{Path}?done=discarded"),
            { Status: ServiceStatus.Conflict } => SeeOther($"{Path}/{runId}?done=decided"),
            _ => Results.NotFound(),
        };
    }

    private static IResult RunNow(string city, HttpContext http, ImportSources sources)
    {
        var result = sources.RunNow(http.User.ToActor(), city);
        return result switch
        {
            { Value: { } queued } => SeeOther($"{Path}?done=queued&queued={queued.CityCode}"),
            { Status: ServiceStatus.Forbidden } => Results.StatusCode(StatusCodes.Status403Forbidden),
            _ => Results.NotFound(),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IResult Back(string error) => SeeOther($"{Path}?uploadError={error}");

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private static async Task<IResult> CsvAsync(long runId, ImportProblemKind kind, HttpContext http, ImportService imports, CancellationToken cancellationToken)
    {
        var run = await imports.GetRunAsync(http.User.ToActor(), runId, cancellationToken);
        if (run.Value is null)
        {
            return Results.NotFound();
        }

        var name = kind == ImportProblemKind.Rejection ? "rejections" : "warnings";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{runId}-{name}.csv\"";
        http.Response.ContentType = SpreadsheetCsv.ContentType;
        await using var writer = new StreamWriter(http.Response.Body, SpreadsheetCsv.Encoding, 16 * 1024);
        await ImportCsv.WriteAsync(writer, runId, kind, imports, cancellationToken);
        return Results.Empty;
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}

/// <summary>The reasons an upload goes back to the form, as query codes (so no text of the caller's shows on the page).</summary>
public static class UploadErrors
{
    public const string City = "city";
    public const string File = "file";
    public const string Format = "format";
    public const string Encoding = "encoding";
    public const string Busy = "busy";
    public const string Forbidden = "forbidden";

    public static string? Text(string? code) => code switch
    {
        City => "请选择数据源城市",
        File => "请选择要上传的数据文件（CSV 或 JSON Lines）",
        Format => "文件格式应为 CSV 或 JSON Lines，或选择自动识别",
        Encoding => "文件编码应为 UTF-8 或 GB18030，或选择自动识别",
        Busy => "该城市的数据源正在导入，请稍后再试",
        Forbidden => "只有该城市的组织方或管理员可以导入该城市的数据",
        _ => null,
    };
}
