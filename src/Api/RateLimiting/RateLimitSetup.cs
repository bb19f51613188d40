using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Jobs.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jobs.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, refusing in middleware before the body is read or a password is hashed. Every request
/// counts against a per-address token bucket; an endpoint marked with <c>.RequireRateLimiting(RateLimitPolicies.X)</c>
/// also counts against that policy per address and/or per account (the token's <c>sub</c>; an anonymous caller by
/// address). A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// The address is the connection's peer address. Behind a reverse proxy every client would share the proxy's address;
/// trusting <c>X-Forwarded-For</c> (ForwardedHeadersOptions with the proxy's known address) is future work, and until
/// it is configured the header is deliberately ignored, since any client can write it.
/// </remarks>
public static class RateLimitSetup
{
    private const string NoLimit = "";

    public static IServiceCollection AddJobsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitsOptions>>((options, limits) => Configure(options, limits.Value));
        return services;
    }

    private static void Configure(RateLimiterOptions options, RateLimitsOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = WriteRejectionAsync;

        var policies = new Dictionary<string, PolicyLimits>
        {
            [RateLimitPolicies.SignIn] = new(null, limits.SignIn, Smooth: false),
            [RateLimitPolicies.SignUp] = new(null, limits.SignUp, Smooth: false),
            [RateLimitPolicies.Refresh] = new(null, limits.Refresh, Smooth: false),
            [RateLimitPolicies.FairRegistration] = new(limits.FairRegistration, limits.FairRegistrationPerAddress, Smooth: false),
            [RateLimitPolicies.Applications] = new(limits.Applications, null, Smooth: false),
            [RateLimitPolicies.Uploads] = new(limits.Uploads, null, Smooth: false),
            [RateLimitPolicies.Search] = new(null, limits.Search, Smooth: true),
        };

        // An endpoint policy gets one partition, but fair registration needs two (account and address), so the limits all
        // live in one chained global limiter that reads the endpoint's policy name; the named policies only mark endpoints.
        foreach (var name in policies.Keys)
        {
            options.AddPolicy(name, _ => RateLimitPartition.GetNoLimiter(NoLimit));
        }

        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Partition("global|" + ClientAddress(context), limits.Global, smooth: true)),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                PolicyOf(context, policies) is { Limits.PerAddress: { } rule } policy
                    ? Partition($"{policy.Name}|{ClientAddress(context)}", rule, policy.Limits.Smooth)
                    : RateLimitPartition.GetNoLimiter(NoLimit)),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                PolicyOf(context, policies) is { Limits.PerAccount: { } rule } policy
                    ? Partition($"{policy.Name}|{AccountOrAddress(context)}", rule, policy.Limits.Smooth)
                    : RateLimitPartition.GetNoLimiter(NoLimit)));
    }

    private sealed record PolicyLimits(RateLimitRule? PerAccount, RateLimitRule? PerAddress, bool Smooth);

    /// <remarks>
    /// A site page carries its form's policy (the sign-in page, sign-in), but only posting the form counts: reading the page
    /// is free. Search is the one policy counted on reads, since searching is a read.
    /// </remarks>
    private static (string Name, PolicyLimits Limits)? PolicyOf(HttpContext context, Dictionary<string, PolicyLimits> policies) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } name
        && policies.TryGetValue(name, out var limits)
        && (name == RateLimitPolicies.Search || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            ? (name, limits)
            : null;

    private static RateLimitPartition<string> Partition(string key, RateLimitRule rule, bool smooth)
    {
        if (!smooth)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = rule.Window,
                QueueLimit = rule.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        // The partitioned limiter replenishes buckets on its own ~100 ms timer, so a period shorter than a second would be
        // cut short; a second's worth of tokens per second (at least one token per period) keeps the configured rate.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, rule.Window.Ticks / rule.PermitLimit));
        var perPeriod = (int)Math.Max(1, Math.Ceiling((double)rule.PermitLimit * period.Ticks / rule.Window.Ticks));
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rule.PermitLimit,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = rule.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private static string AccountOrAddress(HttpContext context) =>
        context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { Length: > 0 } subject
            ? "account:" + subject
            : "address:" + ClientAddress(context);

    /// <summary>The peer address; IPv6 by its /64, because one subscriber is normally given a whole /64 to pick from.</summary>
    internal static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var delay = context.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value.RejectionDelayMilliseconds;
        if (delay > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delay), context.RequestServices.GetRequiredService<TimeProvider>(), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The client gave up waiting; nobody is left to answer.
                return;
            }
        }

        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!Jobs.Web.Shared.SitePaths.IsApi(context.Request.Path))
        {
            await Jobs.Web.SiteErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests);
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"请求过于频繁，请在 {seconds} 秒后重试",
            },
        });
    }
}
