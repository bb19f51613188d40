using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Nodes;

/// <summary>
/// A fact that needs PostgreSQL, Redis and nginx (<c>JOBS_TEST_NGINX</c>, default /usr/sbin/nginx): skipped with the reason
/// when one is missing, unless <c>JOBS_REQUIRE_REDIS=1</c> or <c>JOBS_REQUIRE_POSTGRES=1</c> (CI), where it runs and fails loudly.
/// </summary>
public sealed class ThreeNodeFactAttribute : FactAttribute
{
    public static string Nginx { get; } = Environment.GetEnvironmentVariable("JOBS_TEST_NGINX") is { Length: > 0 } path ? path : "/usr/sbin/nginx";

    public ThreeNodeFactAttribute()
    {
        var required = TestRedis.Required || Environment.GetEnvironmentVariable("JOBS_REQUIRE_POSTGRES") == "1";
        if (required)
        {
            return;
        }

        if (!TestPostgres.IsAvailable)
        {
            Skip = $"No PostgreSQL answers at {TestPostgres.Base}; the three nodes share one database there.";
        }
        else if (!TestRedis.IsAvailable)
        {
            Skip = $"No Redis answers on {TestRedis.Address}; the three nodes share their seats, jobs and keys through it.";
        }
        else if (!File.Exists(Nginx))
        {
            Skip = $"No nginx at {Nginx} (apt-get install nginx, or set JOBS_TEST_NGINX).";
        }
    }
}
