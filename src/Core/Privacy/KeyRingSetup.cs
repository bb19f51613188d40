using System.ComponentModel.DataAnnotations;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jobs.Core.Privacy;

/// <summary>Where the data-protection key ring lives. The setting keeps the name it had when only the site used the keys.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Web";

    /// <summary>The Redis list holding the data-protection keys when <c>ConnectionStrings:Redis</c> is set.</summary>
    [Required]
    public string DataProtectionRedisKey { get; set; } = "jobs:dataprotection:keys";
}

public static class KeyRingSetup
{
    /// <summary>
    /// One key ring for everything this host protects: the site's sign-in cookie and form tokens, and the graduates' contact
    /// columns. Keys live in <c>keys/</c> in the data directory, or in Redis when <c>ConnectionStrings:Redis</c> is set, never
    /// in the database whose columns they protect. Registered by the core so the seed and import commands (and any host
    /// without the site) read and write the same ciphertext as the web host.
    /// </summary>
    public static IServiceCollection AddJobsKeyRing(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection().SetApplicationName("jobs");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            var redis = provider.GetService<IConfiguration>()?.GetConnectionString("Redis");
            keys.XmlRepository = string.IsNullOrWhiteSpace(redis)
                ? new FileSystemXmlRepository(
                    new DirectoryInfo(provider.GetRequiredService<DataPaths>().PathFor("keys")), provider.GetRequiredService<ILoggerFactory>())
                : new RedisXmlRepository(provider.GetRequiredService<IConnectionMultiplexer>(),
                    provider.GetRequiredService<IOptions<KeyRingOptions>>().Value.DataProtectionRedisKey);
        });
        services.AddSingleton<ContactCipher>();
        return services;
    }
}
