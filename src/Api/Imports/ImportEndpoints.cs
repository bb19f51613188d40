using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Imports;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Imports;

/// <summary>A feed file upload: the publishing city, the file, and optionally its format (csv, jsonl) and encoding (utf-8, gb18030).</summary>
public sealed class ImportUploadForm
{
    public string? City { get; set; }

    public IFormFile? File { get; set; }

    public string? Format { get; set; }

    public string? Encoding { get; set; }
}

public sealed record ImportCountsResponse(int Records, int Added, int Merged, int Updated, int Closed, int Unchanged, int Rejected, int Warnings);

public sealed record ImportProblemResponse(int Line, string? ExternalId, string Field, string Reason)
{
    public static ImportProblemResponse From(ImportProblem p) => new(p.Line, p.ExternalId, p.Field, p.Reason);
}

public sealed record ImportFileErrorResponse(string Reason, int? Line);

/// <summary>
/// A run report. In lists the problem lists are left out (null); a single run carries its first
/// <see cref="ImportEndpoints.ProblemsInReport"/> rejections and warnings, and the rest page through their own endpoints.
/// </summary>
public sealed record ImportRunResponse(
    long Id,
    string City,
    string CityName,
    string Trigger,
    string Status,
    string StatusLabel,
    string? FileName,
    string? Format,
    string? Encoding,
    long FileBytes,
    DateTime StartedAt,
    DateTime? FinishedAt,
    long? DurationMs,
    ImportCountsResponse Counts,
    int OpenBefore,
    ImportFileErrorResponse? FileError,
    string? Message,
    long? ConfirmsRunId,
    IReadOnlyList<ImportProblemResponse>? Rejections,
    int? RejectionsTotal,
    IReadOnlyList<ImportProblemResponse>? Warnings,
    int? WarningsTotal,
    bool OwnCityOnly)
{
    public static ImportRunResponse From(ImportRun r, CityDirectory cities, PagedResult<ImportProblem>? rejections = null,
        PagedResult<ImportProblem>? warnings = null) => new(
        r.Id,
        r.SourceCity,
        cities.FindByCode(r.SourceCity)?.Name ?? r.SourceCity,
        r.Trigger switch
        {
            ImportTrigger.Schedule => "schedule",
            ImportTrigger.Manual => "manual",
            ImportTrigger.Upload => "upload",
            ImportTrigger.CommandLine => "command-line",
            _ => "confirmation",
        },
        r.Status.ToString().ToLowerInvariant(),
        ImportRunLabels.Status(r.Status),
        r.FileName,
        r.Format,
        r.Encoding,
        r.FileBytes,
        r.StartedAt,
        r.FinishedAt,
        r.DurationMs,
        new ImportCountsResponse(r.Records, r.Added, r.Merged, r.Updated, r.Closed, r.Unchanged, r.Rejected, r.Warnings),
        r.OpenBefore,
        r.FileError is { } e ? new ImportFileErrorResponse(e, r.FileErrorLine) : null,
        r.Message,
        r.ConfirmsRunId,
        rejections?.Items.Select(ImportProblemResponse.From).ToArray(),
        rejections?.Total,
        warnings?.Items.Select(ImportProblemResponse.From).ToArray(),
        warnings?.Total,
        r.OwnCityOnly);
}

public sealed record ImportSourceResponse(string City, string CityName, string Location, string? Format, string? Encoding, string Cron, string TimeZone,
    bool OwnCityOnly, ImportRunResponse? LastRun);

public sealed record ImportTriggerResponse(string City, string JobId);

public static class ImportEndpoints
{
    /// <summary>Rejections and warnings carried in a single run's report; more page through /rejections and /warnings.</summary>
    public const int ProblemsInReport = 1000;

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        // The role check on the group runs in the authorization middleware, before a handler binds (reads) an upload.
        var group = app.MapGroup("/api/imports").WithTags("Feed imports").RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin));
        group.MapPost("/", UploadAsync)
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimitBytes(app)))
            .WithFormOptions(multipartBodyLengthLimit: UploadLimitBytes(app))
            .ProducesProblems(400, 401, 403, 409, 413, 422)
            .WithSummary("Import a city's feed file (multipart: city, file, optional format and encoding); answers with the run report");
        group.MapGet("/", ListAsync).ProducesProblems(400, 401, 403).WithSummary("Import runs of a source city, newest first");
        // A run of a city the caller does not act for answers 404 on every route below, as if it did not exist.
        group.MapGet("/{runId:long}", GetAsync).ProducesProblems(401, 404).WithSummary("One run's report");
        group.MapGet("/{runId:long}/rejections", RejectionsAsync).ProducesProblems(400, 401, 404).WithSummary("A run's rejected rows, in file order");
        group.MapGet("/{runId:long}/warnings", WarningsAsync).ProducesProblems(400, 401, 404).WithSummary("A run's warnings, in file order");
        group.MapPost("/{runId:long}/confirm", ConfirmAsync).ProducesProblems(401, 404, 409)
            .WithSummary("Apply a held snapshot that closes more than half of the source's open postings");
        group.MapPost("/{runId:long}/discard", DiscardAsync).ProducesProblems(401, 404, 409).WithSummary("Drop a held snapshot");
        group.MapGet("/sources", SourcesAsync).ProducesProblems(401, 403).WithSummary("Configured city feeds, their schedules and last runs");
        group.MapPost("/sources/{city}/run", TriggerAsync).ProducesProblems(401, 403, 404)
            .WithSummary("Queue an import of a configured city feed now");
    }

    private static long UploadLimitBytes(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + 1024 * 1024;

    internal static async Task<Results<Ok<ImportRunResponse>, Accepted<ImportRunResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        [FromForm] ImportUploadForm form, HttpContext http, ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(form.City))
        {
            errors.Add("city", "请指定数据源城市（city）");
        }

        if (form.File is null)
        {
            errors.Add("file", "请上传数据文件（file）");
        }

        FeedReadOptions? readOptions = null;
        try
        {
            readOptions = FeedReadOptions.FromSettings(form.Format, null);
        }
        catch (ArgumentException)
        {
            errors.Add("format", "format 应为 csv 或 jsonl，或留空自动识别");
        }

        try
        {
            readOptions = readOptions is null ? null : readOptions with { Encoding = FeedReadOptions.FromSettings(null, form.Encoding).Encoding };
        }
        catch (ArgumentException)
        {
            errors.Add("encoding", "encoding 应为 utf-8 或 gb18030，或留空自动识别");
        }

        if (!errors.IsEmpty || readOptions is null || form.File is null)
        {
            return ServiceResults.Validation(errors);
        }

        await using var content = form.File.OpenReadStream();
        var result = await imports.RunAsync(http.User.ToActor(), new ImportRequest(form.City!, content, form.File.FileName, readOptions, ImportTrigger.Upload),
            cancellationToken);
        if (result.Status == ServiceStatus.Invalid)
        {
            return ServiceResults.Validation(result.Errors!);
        }

        if (result.Value is not { } run)
        {
            return ServiceResults.Problem(result.Status, result.Message);
        }

        return await ReportAsync(run, imports, cities, cancellationToken);
    }

    /// <summary>Applied: 200 with the report; held for confirmation: 202; the file unreadable: 422 naming the reason (and the run).</summary>
    private static async Task<Results<Ok<ImportRunResponse>, Accepted<ImportRunResponse>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        ImportRun run, ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        if (run.Status == ImportRunStatus.Failed)
        {
            return TypedResults.Problem(
                detail: run.FileErrorLine is { } line ? $"第 {line} 行：{run.FileError}" : run.FileError,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The feed file cannot be imported",
                extensions: new Dictionary<string, object?> { ["runId"] = run.Id, ["line"] = run.FileErrorLine, ["reason"] = run.FileError });
        }

        var report = await FullReportAsync(run, imports, cities, cancellationToken);
        return run.Status == ImportRunStatus.Held ? TypedResults.Accepted($"/api/imports/{run.Id}", report) : TypedResults.Ok(report);
    }

    private static async Task<ImportRunResponse> FullReportAsync(ImportRun run, ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        var first = new PageRequest(1, ProblemsInReport);
        var rejections = await imports.ListProblemsAsync(run.Id, ImportProblemKind.Rejection, first, cancellationToken);
        var warnings = await imports.ListProblemsAsync(run.Id, ImportProblemKind.Warning, first, cancellationToken);
        return ImportRunResponse.From(run, cities, rejections, warnings);
    }

    internal static async Task<Results<Ok<PagedResult<ImportRunResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? city, int? page, int? pageSize, HttpContext http, ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await imports.ListRunsAsync(http.User.ToActor(), city, paging, cancellationToken);
        return result.ToOk(p => new PagedResult<ImportRunResponse>(p.Total, p.Page, p.PageSize, p.Items.Select(r => ImportRunResponse.From(r, cities)).ToArray()));
    }

    internal static async Task<Results<Ok<ImportRunResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(long runId, HttpContext http,
        ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await imports.GetRunAsync(http.User.ToActor(), runId, cancellationToken);
        if (result.Value is not { } run)
        {
            return ServiceResults.Problem(result.Status, result.Message);
        }

        return TypedResults.Ok(await FullReportAsync(run, imports, cities, cancellationToken));
    }

    internal static Task<Results<Ok<PagedResult<ImportProblemResponse>>, ValidationProblem, ProblemHttpResult>> RejectionsAsync(long runId, int? page,
        int? pageSize, HttpContext http, ImportService imports, CancellationToken cancellationToken) =>
        ProblemsAsync(runId, ImportProblemKind.Rejection, page, pageSize, http, imports, cancellationToken);

    internal static Task<Results<Ok<PagedResult<ImportProblemResponse>>, ValidationProblem, ProblemHttpResult>> WarningsAsync(long runId, int? page,
        int? pageSize, HttpContext http, ImportService imports, CancellationToken cancellationToken) =>
        ProblemsAsync(runId, ImportProblemKind.Warning, page, pageSize, http, imports, cancellationToken);

    private static async Task<Results<Ok<PagedResult<ImportProblemResponse>>, ValidationProblem, ProblemHttpResult>> ProblemsAsync(long runId,
        ImportProblemKind kind, int? page, int? pageSize, HttpContext http, ImportService imports, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var run = await imports.GetRunAsync(http.User.ToActor(), runId, cancellationToken);
        if (run.Value is null)
        {
            return ServiceResults.Problem(run.Status, run.Message);
        }

        var problems = await imports.ListProblemsAsync(runId, kind, paging, cancellationToken);
        return TypedResults.Ok(new PagedResult<ImportProblemResponse>(problems.Total, problems.Page, problems.PageSize,
            problems.Items.Select(ImportProblemResponse.From).ToArray()));
    }

    internal static async Task<Results<Ok<ImportRunResponse>, Accepted<ImportRunResponse>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        long runId, HttpContext http, ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await imports.ConfirmAsync(http.User.ToActor(), runId, cancellationToken);
        if (result.Value is not { } run)
        {
            return ServiceResults.Problem(result.Status, result.Message);
        }

        return await ReportAsync(run, imports, cities, cancellationToken);
    }

    internal static async Task<Results<Ok<ImportRunResponse>, ValidationProblem, ProblemHttpResult>> DiscardAsync(long runId, HttpContext http,
        ImportService imports, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await imports.DiscardAsync(http.User.ToActor(), runId, cancellationToken);
        return result.ToOk(r => ImportRunResponse.From(r, cities));
    }

    internal static async Task<Results<Ok<ImportSourceResponse[]>, ProblemHttpResult>> SourcesAsync(HttpContext http, ImportSources sources,
        CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await sources.ListAsync(http.User.ToActor(), cancellationToken);
        if (result.Value is not { } list)
        {
            return ServiceResults.Problem(result.Status, result.Message);
        }

        return TypedResults.Ok(list.Select(s => new ImportSourceResponse(s.Source.CityCode, s.CityName, s.Source.Location, s.Source.Format,
            s.Source.Encoding, s.Source.Cron, s.Source.TimeZone, s.Source.OwnCityOnly,
            s.LastRun is { } run ? ImportRunResponse.From(run, cities) : null)).ToArray());
    }

    internal static Results<Accepted<ImportTriggerResponse>, ProblemHttpResult> TriggerAsync(string city, HttpContext http, ImportSources sources)
    {
        var result = sources.RunNow(http.User.ToActor(), city);
        if (result.Value is not { } queued)
        {
            return ServiceResults.Problem(result.Status, result.Message);
        }

        return TypedResults.Accepted($"/api/imports?city={queued.CityCode}", new ImportTriggerResponse(queued.CityCode, queued.JobId));
    }
}
