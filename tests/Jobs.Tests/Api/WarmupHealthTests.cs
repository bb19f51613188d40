using System.Net;
using Jobs.Api.Startup;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jobs.Tests.Api;

/// <summary>/health turns green only after the first searches have run in the process (issue 18, cold start).</summary>
public class WarmupHealthTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task WarmupCheck_BeforeAndAfterWarmup_UnhealthyThenHealthy()
    {
        var state = new WarmupState();
        var check = new WarmupHealthCheck(state);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        state.MarkDone();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Health_AfterStart_WarmupRunsAndReportsHealthy()
    {
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<WarmupState>().Done.WaitAsync(TimeSpan.FromMinutes(1));

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadObjectAsync();
        Assert.Equal("Healthy", (string)json["checks"]!["warm-up"]!["status"]!);
    }
}
