using Jobs.Api.Admin;
using Jobs.Api.Alerts;
using Jobs.Api.Applications;
using Jobs.Api.Auth;
using Jobs.Api.Cities;
using Jobs.Api.Compliance;
using Jobs.Api.Employers;
using Jobs.Api.Fairs;
using Jobs.Api.Imports;
using Jobs.Api.Infrastructure;
using Jobs.Api.Matching;
using Jobs.Api.Notifications;
using Jobs.Api.Postings;
using Jobs.Api.Privacy;
using Jobs.Api.RateLimiting;
using Jobs.Api.Resumes;
using Jobs.Api.Search;
using Jobs.Api.Statistics;
using Jobs.Api.Startup;
using Jobs.Background;
using Jobs.Core;
using Jobs.Search;
using Jobs.Web;

var builder = WebApplication.CreateBuilder(args);
// The site's stylesheet and icons live in src/Web; outside Development they are found only when this is on (a published
// build carries them itself, and then this does nothing).
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddJobsCore(builder.Environment.ContentRootPath)
    .AddJobsSearch(builder.Environment.ContentRootPath)
    .AddJobsProblemDetails()
    .AddJobsAuth()
    .AddJobsOpenApi()
    .AddJobsHealthChecks()
    .AddBackgroundJobs(builder.Configuration)
    .AddPlatformStartup()
    .AddJobsRateLimiting()
    .AddJobsWeb(builder.Configuration);
// Chinese text and <em> highlights go out as written, not as \u escapes; responses are JSON, never inlined into HTML.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
builder.Services.AddJobsHangfireDashboard();
builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // The server's name and version help nobody but someone matching it against a list of vulnerabilities.
    kestrel.AddServerHeader = false;
    // The smallest limit, for bodies nobody reads (a request refused before UseRequestLimits sets the caller's limit).
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>()?.AnonymousMaxBodyBytes
        ?? new RequestLimitsOptions().AnonymousMaxBodyBytes;
    // A pasted 10,000-character query must reach the search endpoint (which answers 200 and truncates), not die as a 414.
    kestrel.Limits.MaxRequestLineSize = 128 * 1024;
    kestrel.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
});

var app = builder.Build();

if (SeedCommand.IsRequested(args))
{
    return await SeedCommand.RunAsync(app, args);
}

if (ImportCommand.IsRequested(args))
{
    return await ImportCommand.RunAsync(app, args);
}

if (ReindexCommand.IsRequested(args))
{
    return await ReindexCommand.RunAsync(app);
}

await app.InitializePlatformAsync();

app.UseSecurityHeaders();
app.UseJobsProblemDetails();
app.UseJobsWebStatusPages();
app.UseRouting();
// Who asks decides the limits, so authentication first; then refusals in order of cost: rate limits, roles, body size.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestLimits();
app.UseJobsWebAntiforgery();

app.MapJobsOpenApi();
app.MapJobsHealthChecks();
app.MapAuthEndpoints();
app.MapAdminEndpoints();
app.MapCityEndpoints();
app.MapEmployerEndpoints();
app.MapVerificationEndpoints();
app.MapPostingSearchEndpoints();
app.MapPostingEndpoints();
app.MapComplianceEndpoints();
app.MapResumeSearchEndpoints();
app.MapResumeEndpoints();
app.MapContactViewEndpoints();
app.MapSearchAdminEndpoints();
app.MapSuggestEndpoints();
app.MapApplicationEndpoints();
app.MapMatchEndpoints();
app.MapAlertEndpoints();
app.MapNotificationEndpoints();
app.MapImportEndpoints();
app.MapFairEndpoints();
app.MapStatisticsEndpoints();
app.MapDataRightsEndpoints();
app.MapJobsHangfireDashboard();
app.MapStaticAssets();
app.MapJobsWeb();

app.PrintUrlsOnStart();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
