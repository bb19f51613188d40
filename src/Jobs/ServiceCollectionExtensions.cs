using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Background;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the embedded default, in-memory storage, and this process's server unless configuration turns it off.
    /// Every job is a class with one <c>ExecuteAsync</c> and is registered here, in one place.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackgroundJobsOptions>().BindConfiguration(BackgroundJobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(BackgroundJobsOptions.Section).Get<BackgroundJobsOptions>() ?? new BackgroundJobsOptions();

        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));

        services.AddOptions<Alerts.JobAlertsOptions>().BindConfiguration(Alerts.JobAlertsOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneExists(o.TimeZone), "JobAlerts:TimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();

        // Jobs, each a class with one ExecuteAsync, resolved per run in the job's own scope.
        services.AddScoped<Alerts.JobAlertsJob>();
        services.AddScoped<Imports.CityFeedImportJob>();
        services.AddSingleton<Imports.FeedLocation>();
        services.AddScoped<Search.SearchIndexCatchUpJob>();
        services.AddHostedService<RecurringJobsRegistrar>();

        if (options.RunServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
        }

        return services;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
