using System.Net;
using Hangfire;
using Jobs.Api.Infrastructure;
using Jobs.Background.Alerts;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobs.Tests.Background;

/// <summary>
/// The dashboard is guarded by the endpoint policy on either storage (Hangfire's local-only filter is off): admins in full,
/// organisers read-only or not at all, nobody else.
/// </summary>
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

    [Fact]
    public async Task Dashboard_OrganiserCommands_RefusedAndNothingChanges()
    {
        await using var factory = new JobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var jobId = ScheduleHarmlessJob(factory);
        var lastRun = RecurringAlertsLastJobId(factory);

        // Every kind of button the dashboard has: batch commands on scheduled jobs and recurring jobs, and a single job's actions.
        string[] commands =
        [
            "/hangfire/jobs/scheduled/enqueue", "/hangfire/jobs/scheduled/delete", $"/hangfire/jobs/actions/requeue/{jobId}",
            $"/hangfire/jobs/actions/delete/{jobId}", "/hangfire/recurring/trigger", "/hangfire/recurring/remove",
        ];
        foreach (var command in commands)
        {
            var target = command.Contains("/recurring/", StringComparison.Ordinal) ? JobAlertsJob.RecurringId : jobId;
            var response = await organiser.Client.PostAsync(command, new FormUrlEncodedContent([new("jobs[]", target)]));
            Assert.False(response.IsSuccessStatusCode, $"{command} answered {(int)response.StatusCode} to an organiser");
        }

        Assert.Equal("Scheduled", JobState(factory, jobId));
        Assert.Equal(lastRun, RecurringAlertsLastJobId(factory));
        // Hangfire leaves the buttons out of a read-only page, so there is nothing to click in the first place.
        var page = await (await organiser.Client.GetAsync("/hangfire/recurring")).Content.ReadAsStringAsync();
        Assert.Contains(JobAlertsJob.RecurringId, page);
        Assert.DoesNotContain("recurring/trigger", page);
    }

    [Fact]
    public async Task Dashboard_AdminCommands_TriggerAndDelete()
    {
        await using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        var jobId = ScheduleHarmlessJob(factory);
        var lastRun = RecurringAlertsLastJobId(factory);
        Assert.Contains("recurring/trigger", await (await admin.Client.GetAsync("/hangfire/recurring")).Content.ReadAsStringAsync());

        var deleted = await admin.Client.PostAsync("/hangfire/jobs/scheduled/delete", new FormUrlEncodedContent([new("jobs[]", jobId)]));
        var triggered = await admin.Client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", JobAlertsJob.RecurringId)]));

        Assert.True(deleted.IsSuccessStatusCode, $"delete answered {(int)deleted.StatusCode}");
        Assert.True(triggered.IsSuccessStatusCode, $"trigger answered {(int)triggered.StatusCode}");
        Assert.Equal("Deleted", JobState(factory, jobId));
        var triggeredRun = RecurringAlertsLastJobId(factory);
        Assert.NotNull(triggeredRun);
        Assert.NotEqual(lastRun, triggeredRun);
    }

    [Fact]
    public async Task Dashboard_OrganiserAccessNone_OrganisersForbiddenAdminsIn()
    {
        await using var factory = new DashboardFactory("None");
        var organiser = await factory.CreateOrganiserAsync("南京");
        var admin = await factory.SignInAdminAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.Client.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_DefaultOrganiserAccess_ReadOnly()
    {
        await using var factory = new JobsApiFactory();

        Assert.Equal(DashboardAccess.ReadOnly, factory.Services.GetRequiredService<IOptions<HangfireDashboardOptions>>().Value.OrganiserAccess);
    }

    [Theory]
    [InlineData("Everyone")]
    [InlineData("7")]
    public void Dashboard_UnknownOrganiserAccess_HostDoesNotStart(string value)
    {
        using var factory = new DashboardFactory(value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("OrganiserAccess", error.ToString());
    }

    private sealed class DashboardFactory(string organiserAccess) : JobsApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new($"{HangfireDashboardOptions.Section}:{nameof(HangfireDashboardOptions.OrganiserAccess)}", organiserAccess)];
    }

    /// <summary>A job a month away, so it stays Scheduled unless a dashboard command moves it.</summary>
    private static string ScheduleHarmlessJob(JobsApiFactory factory) =>
        factory.Services.GetRequiredService<IBackgroundJobClient>().Schedule<JobAlertsJob>(job => job.ExecuteAsync(CancellationToken.None), TimeSpan.FromDays(30));

    private static string? JobState(JobsApiFactory factory, string jobId)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static string? RecurringAlertsLastJobId(JobsApiFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(r => r.Id == JobAlertsJob.RecurringId).LastJobId;
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
