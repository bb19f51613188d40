using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web;

/// <summary>Browser sign-ins are signed with data-protection keys kept in the data folder, or in Redis when configured.</summary>
public class SiteSignInPersistenceTests
{
    [Fact]
    public async Task Cookie_AfterRestartOverSameFolder_StillSignsIn()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string cookie;
            await using (var first = JobsApiFactory.OverFolder(folder))
            {
                var graduate = await first.RegisterGraduateAsync();
                var browser = new SiteClient(first);
                await browser.SignInAsync(graduate.Email, ApiClient.Password);
                cookie = browser.CookieHeader();
            }

            await using var second = JobsApiFactory.OverFolder(folder);
            var home = await GetWithCookieAsync(second, cookie);

            Assert.Contains("action=\"/logout\"", home, StringComparison.Ordinal);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));
        }
        finally
        {
            TryDelete(folder);
        }
    }

    [RedisFact]
    public async Task Cookie_FromOneProcessWithRedisKeys_SignsInOnAnotherWithItsOwnFolder()
    {
        var prefix = TestRedis.UniquePrefix("dataprotection");
        try
        {
            await using var shared = new SharedDatabaseFactory(prefix);
            var graduate = await shared.RegisterGraduateAsync();
            var browser = new SiteClient(shared);
            await browser.SignInAsync(graduate.Email, ApiClient.Password);

            // A second host over a copy-free second folder: only Redis is shared, so only Redis can hold the key ring.
            await using var other = new SharedDatabaseFactory(prefix, shared.DatabasePath);
            var home = await GetWithCookieAsync(other, browser.CookieHeader());

            Assert.Contains("action=\"/logout\"", home, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(other.DataDirectory, "keys")));
        }
        finally
        {
            await TestRedis.DeleteKeysAsync(prefix);
        }
    }

    private static async Task<string> GetWithCookieAsync(JobsApiFactory factory, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var response = await factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the WAL file a moment longer; a leftover temp folder is harmless.
        }
    }

    /// <summary>A host with Redis configured for its data-protection keys, optionally over another host's database file.</summary>
    private sealed class SharedDatabaseFactory(string prefix, string? databasePath = null) : JobsApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("ConnectionStrings:Redis", TestRedis.Address),
            new("Web:DataProtectionRedisKey", prefix + "keys"),
            new("BackgroundJobs:RedisPrefix", prefix + "hangfire:"),
            new("BackgroundJobs:RedisLockPrefix", prefix + "lock:"),
            new("BackgroundJobs:RedisSeatPrefix", prefix + "seats:"),
            new("BackgroundJobs:RunServer", "false"),
            new("Storage:ConnectionString", databasePath is null ? null : $"Data Source={databasePath};Default Timeout=30"),
            .. databasePath is not null && TestDatabase.PostgresOf(Path.GetDirectoryName(databasePath)!) is { } postgres
                ? [new KeyValuePair<string, string?>("ConnectionStrings:Postgres", postgres)]
                : Array.Empty<KeyValuePair<string, string?>>(),
        ];
    }
}
