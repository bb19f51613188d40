using System.Text.Json;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jobs.Api.Infrastructure;

public static class HealthSetup
{
    public static IServiceCollection AddJobsHealthChecks(this IServiceCollection services)
    {
        // The warm-up check keeps /health red until the first searches have run (see SearchWarmup).
        services.AddHealthChecks().AddDbContextCheck<JobsDbContext>("database").AddCheck<Startup.WarmupHealthCheck>("warm-up");
        return services;
    }

    /// <summary>
    /// /health answers 200 when every check passes and 503 otherwise, with each check's status and duration in JSON. It is
    /// public, so a failure's exception (connection strings, paths, SQL) goes to the log, never into the answer.
    /// </summary>
    public static void MapJobsHealthChecks(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).WithTags("Health");

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Exception is { } exception)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthSetup))
                    .LogError(exception, "Health check {Check} is {Status}", name, entry.Status);
            }
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
