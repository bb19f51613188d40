using Hangfire;
using Jobs.Core.Imports;

namespace Jobs.Background.Imports;

/// <summary>"Run now" of a city feed: the same job the schedule runs, with the manual trigger so the run list tells them apart.</summary>
public sealed class HangfireImportQueue(IBackgroundJobClient jobs) : IImportQueue
{
    public string EnqueueCityFeed(string cityCode) =>
        jobs.Enqueue<CityFeedImportJob>(job => job.ExecuteAsync(cityCode, ImportTrigger.Manual, CancellationToken.None));
}
