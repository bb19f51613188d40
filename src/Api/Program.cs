using Jobs.Api.Admin;
using Jobs.Api.Applications;
using Jobs.Api.Auth;
using Jobs.Api.Cities;
using Jobs.Api.Employers;
using Jobs.Api.Home;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Api.Resumes;
using Jobs.Api.Startup;
using Jobs.Background;
using Jobs.Core;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddJobsCore(builder.Environment.ContentRootPath)
    .AddJobsProblemDetails()
    .AddJobsAuth()
    .AddJobsOpenApi()
    .AddJobsHealthChecks()
    .AddBackgroundJobs(builder.Configuration)
    .AddPlatformStartup();
builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>()?.MaxBodyBytes
        ?? new RequestLimitsOptions().MaxBodyBytes);

var app = builder.Build();

if (SeedCommand.IsRequested(args))
{
    return await SeedCommand.RunAsync(app, args);
}

await app.InitializePlatformAsync();

app.UseJobsProblemDetails();
app.UseRouting();
app.UseRequestLimits();
app.UseAuthentication();
app.UseAuthorization();

app.MapHomeEndpoints();
app.MapJobsOpenApi();
app.MapJobsHealthChecks();
app.MapAuthEndpoints();
app.MapAdminEndpoints();
app.MapCityEndpoints();
app.MapEmployerEndpoints();
app.MapPostingEndpoints();
app.MapResumeEndpoints();
app.MapApplicationEndpoints();

app.PrintUrlsOnStart();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
