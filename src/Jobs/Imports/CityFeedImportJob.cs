using Jobs.Core.Common;
using Jobs.Core.Imports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Background.Imports;

/// <summary>
/// Imports one city's configured feed: fetches the snapshot and hands it to <see cref="ImportService"/>, the service the
/// upload endpoint calls. Safe to run twice: a second run of the same snapshot changes nothing, and a run that finds the
/// source busy (another process importing it) leaves it to that process.
/// </summary>
public sealed class CityFeedImportJob(ImportService imports, FeedLocation locations, IOptions<ImportOptions> options, ILogger<CityFeedImportJob> logger)
{
    public const string RecurringIdPrefix = "import-";

    public static string RecurringId(string cityCode) => RecurringIdPrefix + cityCode;

    public async Task<CityFeedImportOutcome> ExecuteAsync(string cityCode, ImportTrigger trigger, CancellationToken cancellationToken)
    {
        var source = options.Value.FindSource(cityCode);
        if (source is null)
        {
            // The configuration changed since the job was queued; nothing to import.
            logger.LogWarning("Import job for {City}: no source is configured any more", cityCode);
            return new CityFeedImportOutcome(null, "该城市未配置数据源");
        }

        var fetch = await locations.OpenAsync(source, TimeSpan.FromSeconds(options.Value.HttpTimeoutSeconds), cancellationToken);
        if (fetch.Content is null)
        {
            var failed = await imports.RecordFetchFailureAsync(cityCode, trigger, source.Location, fetch.Error ?? "无法获取数据源", cancellationToken);
            logger.LogWarning("Import job for {City}: {Error}", cityCode, fetch.Error);
            return new CityFeedImportOutcome(failed, fetch.Error);
        }

        await using (fetch.Content)
        {
            var result = await imports.RunAsync(Actor.System, new ImportRequest(cityCode, fetch.Content, fetch.FileName, source.ReadOptions, trigger,
                OwnCityOnly: source.OwnCityOnly),
                cancellationToken);
            if (result.Value is null)
            {
                logger.LogInformation("Import job for {City} skipped: {Reason}", cityCode, result.Message);
            }

            return new CityFeedImportOutcome(result.Value, result.Message);
        }
    }
}

/// <summary>The run the job made, or why it made none (the source was busy or is no longer configured).</summary>
public sealed record CityFeedImportOutcome(ImportRun? Run, string? Message);
