using System.Net;
using Jobs.Background.Alerts;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Background;

/// <summary>The dashboard is guarded by the endpoint policy on either storage; Hangfire's local-only filter is off.</summary>
public sealed class HangfireDashboardTests
{
    [Fact]
    public async Task Dashboard_InMemoryStorage_OrganisersAndAdminsOnly()
    {
        await using var factory = new JobsApiFactory();
        await AssertAccessAsync(factory);
    }

    [RedisFact]
    public async Task Dashboard_RedisStorage_OrganisersAndAdminsOnly()
    {
        await using var factory = new RedisJobsApiFactory();
        await AssertAccessAsync(factory);
    }

    [Fact]
    public async Task Dashboard_GraduateOnSubPage_Forbidden()
    {
        await using var factory = new JobsApiFactory();
        var graduate = await factory.RegisterGraduateAsync();

        // Every dashboard page, not just the entry, sits behind the policy.
        Assert.Equal(HttpStatusCode.Forbidden, (await graduate.Client.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/hangfire/jobs/enqueued")).StatusCode);
    }

    private static async Task AssertAccessAsync(JobsApiFactory factory)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.RegisterGraduateAsync()).Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.RegisterEmployerAsync()).Client.GetAsync("/hangfire")).StatusCode);

        foreach (var staff in new[] { await factory.CreateOrganiserAsync("南京"), await factory.SignInAdminAsync() })
        {
            var home = await staff.Client.GetAsync("/hangfire");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);

            // The recurring-jobs page reads this host's storage: the alert run registered on start is listed.
            var recurring = await staff.Client.GetAsync("/hangfire/recurring");
            Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
            Assert.Contains(JobAlertsJob.RecurringId, await recurring.Content.ReadAsStringAsync());
        }
    }
}
