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

        if (options.RunServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
        }

        return services;
    }
}
