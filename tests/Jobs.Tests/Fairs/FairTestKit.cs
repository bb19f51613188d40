using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Api.Auth;
using Jobs.Background.Fairs;
using Jobs.Core.Accounts;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobs.Tests.Fairs;

/// <summary>Builds fairs through the API and many graduates at once (rows plus tokens signed with the host's key).</summary>
public static class FairTestKit
{
    public const string TestSigningKey = "test-signing-key-that-is-long-enough-for-hs256";

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A fair starting <paramref name="startsInDays"/> days from the host's now, 09:00–16:00 China time.</summary>
    public static object Fair(JobsApiFactory factory, string city = "南京", int attendees = 100, int booths = 10, int startsInDays = 10,
        string kind = "fair", string[]? themes = null, double? otherCityShare = null, string? title = null)
    {
        var day = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), China).Date.AddDays(startsInDays);
        var starts = new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
        return new
        {
            kind,
            title = title ?? $"{city}高校毕业生春季招聘会",
            hostCity = city,
            venue = $"{city}国际博览中心 A 馆",
            startsAt = starts,
            endsAt = starts.AddHours(7),
            boothCapacity = booths,
            attendeeCapacity = attendees,
            themes = themes ?? ["智能制造", "软件和信息服务"],
            otherCityBoothShare = otherCityShare,
        };
    }

    public static async Task<JsonObject> CreateFairAsync(this SignedIn organiser, object fair)
    {
        var response = await organiser.Client.PostAsJsonAsync("/api/fairs", fair);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    /// <summary>Creates and publishes; with default windows the fair opens for registration at once.</summary>
    public static async Task<long> CreateOpenFairAsync(this SignedIn organiser, object fair)
    {
        var id = (long)(await organiser.CreateFairAsync(fair))["id"]!;
        var published = await organiser.Client.PostAsync($"/api/fairs/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var body = await published.ReadObjectAsync();
        Assert.Equal("open", (string)body["state"]!);
        return id;
    }

    /// <summary>Runs the deadline job the way Hangfire does: resolved in a scope of its own, with the host's clock.</summary>
    public static async Task<int> RunDeadlinesAsync(this JobsApiFactory factory, long? fairId = null)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FairDeadlinesJob>().ExecuteAsync(fairId, CancellationToken.None);
    }

    public static async Task<JsonObject> GetFairAsync(this JobsApiFactory factory, long id) =>
        await (await factory.CreateClient().GetAsync($"/api/fairs/{id}")).ReadObjectAsync();

    /// <summary>
    /// Adds <paramref name="count"/> graduate accounts straight into the database (hashing thousands of passwords would take
    /// minutes) and returns bearer tokens for them, signed as the host signs its own.
    /// </summary>
    public static async Task<IReadOnlyList<(long UserId, string Token)>> AddGraduatesAsync(string databasePath, int count, string prefix)
    {
        var ids = new List<long>(count);
        await using (var connection = await TestDatabase.OpenAsync(databasePath))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "Users" ("Email", "PasswordHash", "Role", "DisplayName", "CityCode", "EmployerId", "CreatedAt", "SecurityStamp", "FailedSignInCount")
                VALUES (@email, 'not-a-hash', 0, @name, NULL, NULL, @now, 'bench-stamp', 0) RETURNING "Id";
                """;
            var email = command.Add("@email", "");
            var name = command.Add("@name", "");
            command.Add("@now", DateTime.UtcNow);
            for (var i = 0; i < count; i++)
            {
                email.Value = $"{prefix}.{i}.{Guid.NewGuid():N}@burst.test";
                name.Value = $"毕业生{i:D4}";
                ids.Add((long)(await command.ExecuteScalarAsync())!);
            }

            // One session per account, as a sign-in would have started; the tokens below name it.
            command.Parameters.Clear();
            command.CommandText = """
                INSERT INTO "Sessions" ("Id", "UserId", "SecurityStamp", "CreatedAt")
                SELECT 'bench-' || "Id", "Id", "SecurityStamp", "CreatedAt" FROM "Users" WHERE "SecurityStamp" = 'bench-stamp'
                ON CONFLICT DO NOTHING;
                """;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var tokens = TokenIssuer();
        return ids.Select(id => (id, tokens.Issue(new User { Id = id, Email = $"{id}@burst.test", PasswordHash = "", Role = Role.Graduate, DisplayName = "", SecurityStamp = "bench-stamp" }, $"bench-{id}")
            .AccessToken)).ToList();
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static TokenService TokenIssuer()
    {
        var options = Options.Create(new AuthOptions { SigningKey = TestSigningKey, TokenLifetimeMinutes = 43200 });
        var paths = new Jobs.Core.Storage.DataPaths(Path.GetTempPath(), "Data Source=:memory:");
        return new TokenService(options, new SigningKeyProvider(options, paths), TimeProvider.System);
    }
}
