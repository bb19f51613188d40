using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobs.Core.Accounts;

public static class AccountSecuritySetup
{
    /// <summary>Sign-in throttling and the revocation checks behind access tokens.</summary>
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SessionCacheOptions>().BindConfiguration(SessionCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SignInThrottle>();
        services.TryAddSingleton<Jobs.Core.Common.NodeCacheEvents>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<UserSecurityInterceptor>();
        return services;
    }
}
