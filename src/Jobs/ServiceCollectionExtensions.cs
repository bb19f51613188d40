using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using Jobs.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jobs.Background;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on Redis when <c>ConnectionStrings:Redis</c> is set (with Redis leases for <see cref="IDistributedLockProvider"/>),
    /// otherwise on in-memory storage; and this process's server unless configuration turns it off.
    /// Every job is a class with one <c>ExecuteAsync</c> and is registered here, in one place.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackgroundJobsOptions>().BindConfiguration(BackgroundJobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(BackgroundJobsOptions.Section).Get<BackgroundJobsOptions>() ?? new BackgroundJobsOptions();
        var redis = configuration.GetConnectionString("Redis");
        var useRedis = !string.IsNullOrWhiteSpace(redis);

        if (useRedis)
        {
            // One multiplexer per process is how StackExchange.Redis is meant to be used; other code takes it from here.
            // Parsed and connected when first resolved, i.e. on start: a wrong address or a Redis that is down stops the start.
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis!));
            // Replace rather than TryAdd: the database-backed default registered by AddJobsCore must not win when Redis is there.
            services.Replace(ServiceDescriptor.Singleton<IDistributedLockProvider, RedisLockProvider>());
            // Seats are decided atomically in Redis across processes; the database records the decisions.
            services.Replace(ServiceDescriptor.Singleton<Jobs.Core.Fairs.IFairSeatControl, Fairs.RedisSeatControl>());
            // Several nodes: change-log nudges and cache evictions travel through pub/sub.
            services.AddSingleton<Nodes.RedisNodeEvents>();
            services.AddHostedService(sp => sp.GetRequiredService<Nodes.RedisNodeEvents>());
            services.AddSingleton<IPostingChangeObserver>(sp => sp.GetRequiredService<Nodes.RedisNodeEvents>());
            services.AddSingleton<IResumeChangeObserver>(sp => sp.GetRequiredService<Nodes.RedisNodeEvents>());
        }

        // Every node follows the change log into its own search indexes.
        services.AddHostedService<Nodes.ChangeLogFollower>();

        // Storage and activator belong to this container. Hangfire's defaults read the process-wide JobStorage.Current and
        // JobActivator.Current, which the last host to start overwrites, so two hosts in one process (the tests) would run
        // jobs against each other's storage and services.
        services.AddSingleton<JobStorage>(sp => useRedis
            ? new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(),
                new RedisStorageOptions { Prefix = sp.GetRequiredService<IOptions<BackgroundJobsOptions>>().Value.RedisPrefix })
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));

        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        services.AddOptions<Alerts.JobAlertsOptions>().BindConfiguration(Alerts.JobAlertsOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneExists(o.TimeZone), "JobAlerts:TimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();

        // Jobs, each a class with one ExecuteAsync, resolved per run in the job's own scope.
        services.AddScoped<Alerts.JobAlertsJob>();
        services.AddScoped<Imports.CityFeedImportJob>();
        services.AddSingleton<Imports.FeedLocation>();
        services.AddSingleton<Jobs.Core.Imports.IImportQueue, Imports.HangfireImportQueue>();
        services.AddScoped<Search.SearchIndexCatchUpJob>();
        services.AddScoped<Search.ChangeLogPruneJob>();
        services.AddScoped<Fairs.FairDeadlinesJob>();
        services.AddScoped<Privacy.DataRightsJob>();
        services.AddScoped<Statistics.StatisticsSnapshotJob>();
        services.AddHostedService<RecurringJobsRegistrar>();

        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(options.SchedulePollingSeconds);
            });
        }

        return services;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
