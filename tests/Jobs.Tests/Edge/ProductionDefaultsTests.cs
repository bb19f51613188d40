using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobs.Api.Startup;
using Jobs.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobs.Tests.Edge;

/// <summary>
/// The host in another environment with nothing configured that appsettings.json does not say: no seeding switch, no
/// admin password, no docs switch (the base factory's explicit values are removed).
/// </summary>
public class EnvironmentApiFactory(string environment, params (string Key, string? Value)[] settings) : JobsApiFactory
{
    /// <summary>What the start printed for the operator.</summary>
    public StringWriter Console { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Storage:SeedDemoData", null),
        new("Admin:Password", null),
        new("Api:Docs", null),
        // Small, so a start that wrongly seeds stays quick (and is still caught).
        new("DemoData:Employers", "3"),
        new("DemoData:Postings", "10"),
        new("DemoData:Graduates", "3"),
        .. settings.Select(s => KeyValuePair.Create(s.Key, s.Value)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(new StartupConsole(Console))));
    }
}

public partial class ProductionDefaultsTests
{
    [Fact]
    public async Task Start_ProductionWithoutSettings_SeedsNoDemoData()
    {
        await using var factory = new EnvironmentApiFactory("Production");
        var client = factory.CreateClient();

        var postings = await (await client.GetAsync("/api/postings")).ReadObjectAsync();
        Assert.Equal(0, (int)postings["total"]!);
        var demo = await client.PostAsJsonAsync("/api/auth/login", new { email = "graduate1@demo.jobs", password = "Demo@2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Fact]
    public async Task Start_ProductionWithoutAdminPassword_PrintsOneTimePasswordOnceThatSignsIn()
    {
        string password;
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new EnvironmentApiFactory("Production", ("Storage:DataDirectory", folder)))
            {
                var client = first.CreateClient();
                var printed = OneTimePassword().Match(first.Console.ToString());
                Assert.True(printed.Success, $"no one-time password printed: {first.Console}");
                password = printed.Groups[1].Value;
                Assert.True(password.Length >= 20);
                Assert.DoesNotContain(password, FirstAdmin.KnownSamplePasswords);

                var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password });
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
                Assert.Equal("admin", (string)(await signIn.ReadObjectAsync())["user"]!["role"]!);
            }

            // The account exists now: a restart prints nothing and the printed password still signs in.
            await using var second = new EnvironmentApiFactory("Production", ("Storage:DataDirectory", folder));
            var again = await second.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.DoesNotContain(password, second.Console.ToString(), StringComparison.Ordinal);
            Assert.DoesNotMatch(OneTimePassword(), second.Console.ToString());
        }
        finally
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
    }

    [Fact]
    public async Task Start_ProductionOverDevelopmentFolder_ReplacesTheSampleAdminPassword()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var development = new EnvironmentApiFactory("Development",
                ("Storage:DataDirectory", folder), ("Admin:Password", FirstAdmin.DevelopmentPassword), ("Storage:SeedDemoData", "false")))
            {
                var signIn = await development.CreateClient().PostAsJsonAsync("/api/auth/login",
                    new { email = JobsApiFactory.AdminEmail, password = FirstAdmin.DevelopmentPassword });
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            }

            await using var production = new EnvironmentApiFactory("Production", ("Storage:DataDirectory", folder));
            var client = production.CreateClient();
            var sample = await client.PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password = FirstAdmin.DevelopmentPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, sample.StatusCode);
            var printed = OneTimePassword().Match(production.Console.ToString());
            Assert.True(printed.Success, $"no one-time password printed: {production.Console}");
            var replaced = await client.PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password = printed.Groups[1].Value });
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }
        finally
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
    }

    [Theory]
    [InlineData(FirstAdmin.DevelopmentPassword)]
    [InlineData("ChangeMe2026")]
    [InlineData("changeme2026")]
    [InlineData("Demo@2026")]
    public async Task Start_ProductionWithSamplePassword_FailsWithClearMessage(string sample)
    {
        await using var factory = new EnvironmentApiFactory("Production", ("Admin:Password", sample));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("Admin:Password is the documented sample password", messages, StringComparison.Ordinal);
        Assert.Contains("Production", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DevelopmentWithSamplePassword_StartsWithDocsAndDemoAdmin()
    {
        // The sample password is accepted in Development (its settings file supplies it; see the next test).
        await using var factory = new EnvironmentApiFactory("Development",
            ("Admin:Password", FirstAdmin.DevelopmentPassword), ("Api:Docs", "true"), ("Storage:SeedDemoData", "false"));
        var client = factory.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password = FirstAdmin.DevelopmentPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar")).StatusCode);
    }

    [Fact]
    public void DevelopmentSettings_TurnOnDemoDataSampleAdminAndDocs()
    {
        // What `dotnet run` (launchSettings: Development) starts with; the code defaults are all off.
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(ApiProjectFolder(), "appsettings.Development.json")))!;
        Assert.True((bool)settings["Storage"]!["SeedDemoData"]!);
        Assert.Equal(FirstAdmin.DevelopmentPassword, (string)settings["Admin"]!["Password"]!);
        Assert.True((bool)settings["Api"]!["Docs"]!);
        var shared = File.ReadAllText(Path.Combine(ApiProjectFolder(), "appsettings.json"));
        Assert.DoesNotContain(FirstAdmin.DevelopmentPassword, shared, StringComparison.Ordinal);
        Assert.DoesNotContain("ChangeMe2026", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("SeedDemoData", shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_OffByDefault_OpenApiAndReferenceAre404AndHomePageDoesNotLinkThem()
    {
        await using var factory = new EnvironmentApiFactory("Production", ("Admin:Password", "Quiet-Harbor-Prod-2026"));
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scalar")).StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/scalar\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/openapi", home, StringComparison.Ordinal);
        Assert.Contains("README", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_On_OpenApiAndReferenceServedAndLinkedFromHomePage()
    {
        await using var factory = new EnvironmentApiFactory("Production", ("Admin:Password", "Quiet-Harbor-Prod-2026"), ("Api:Docs", "true"));
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar")).StatusCode);
        Assert.Contains("href=\"/scalar\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string ApiProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Jobs.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "src", "Api");
    }

    [GeneratedRegex(@"one-time password: (\S+)")]
    private static partial Regex OneTimePassword();
}
