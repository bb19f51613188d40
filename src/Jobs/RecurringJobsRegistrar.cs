using Hangfire;
using Hangfire.Storage;
using Jobs.Background.Search;
using Jobs.Background.Alerts;
using Jobs.Background.Fairs;
using Jobs.Background.Imports;
using Jobs.Background.Privacy;
using Jobs.Background.Statistics;
using Jobs.Core.Statistics;
using Jobs.Core.Imports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Jobs.Background;

/// <summary>
/// Puts every recurring job on its schedule when the host starts; an invalid cron stops the start with its reason. Import
/// schedules of sources no longer configured are removed, so a city taken out of the configuration stops importing.
/// </summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IBackgroundJobClient jobs, JobStorage storage, IOptions<JobAlertsOptions> alerts,
    IOptions<ImportOptions> imports, IOptions<StatisticsOptions> statistics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var a = alerts.Value;
        recurring.AddOrUpdate<JobAlertsJob>(JobAlertsJob.RecurringId, job => job.ExecuteAsync(CancellationToken.None), a.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(a.TimeZone) });

        // Cron's finest step: changes other processes commit reach this process's index within a minute.
        recurring.AddOrUpdate<SearchIndexCatchUpJob>(SearchIndexCatchUpJob.RecurringId, job => job.ExecuteAsync(CancellationToken.None), Cron.Minutely());

        // Hourly is plenty: the retention is counted in hours and a stale row costs only disk.
        recurring.AddOrUpdate<ChangeLogPruneJob>(ChangeLogPruneJob.RecurringId, job => job.ExecuteAsync(CancellationToken.None), Cron.Hourly());

        // Fair deadlines to the minute; the run queued now catches up on whatever fell due while the platform was down.
        recurring.AddOrUpdate<FairDeadlinesJob>(FairDeadlinesJob.RecurringId, job => job.ExecuteAsync(null, CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<FairDeadlinesJob>(job => job.ExecuteAsync(null, CancellationToken.None));

        // Erasure falls due to the minute but may wait an hour: the cooling-off is counted in days.
        recurring.AddOrUpdate<DataRightsJob>(DataRightsJob.RecurringId, job => job.ExecuteAsync(CancellationToken.None), Cron.Hourly());

        // Daily, just after midnight in the bureaus' zone; the first run also backfills every past month and quarter.
        var s = statistics.Value;
        recurring.AddOrUpdate<StatisticsSnapshotJob>(StatisticsSnapshotJob.RecurringId, job => job.ExecuteAsync(CancellationToken.None), s.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone) });

        var configured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in imports.Value.Sources)
        {
            var id = CityFeedImportJob.RecurringId(source.CityCode);
            configured.Add(id);
            var city = source.CityCode;
            recurring.AddOrUpdate<CityFeedImportJob>(id, job => job.ExecuteAsync(city, ImportTrigger.Schedule, CancellationToken.None), source.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(source.TimeZone) });
        }

        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(CityFeedImportJob.RecurringIdPrefix, StringComparison.Ordinal) && !configured.Contains(job.Id))
            {
                recurring.RemoveIfExists(job.Id);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
