using Hangfire;
using Jobs.Background.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Jobs.Background;

/// <summary>Puts every recurring job on its schedule when the host starts; an invalid cron stops the start with its reason.</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IOptions<JobAlertsOptions> alerts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var a = alerts.Value;
        recurring.AddOrUpdate<JobAlertsJob>(JobAlertsJob.RecurringId, job => job.ExecuteAsync(CancellationToken.None), a.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(a.TimeZone) });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
