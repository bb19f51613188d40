using System.Net;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Jobs.Background.Imports;
using Jobs.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Imports;

/// <summary>
/// A host with three configured city feeds — a folder, a file and an HTTP URL served by a real Kestrel server on
/// loopback — and the Hangfire server of the embedded default running their jobs.
/// </summary>
public class ScheduledImportFixture : JobsApiFactory, IAsyncLifetime
{
    private WebApplication? _feedServer;

    public string FeedFolder => Path.Combine(DataDirectory, "feeds", "nanjing");

    public string FeedFile => Path.Combine(DataDirectory, "feeds", "zhenjiang.csv");

    public string FeedUrl { get; private set; } = "";

    /// <summary>What the HTTP feed answers; a test may swap it.</summary>
    public byte[]? HttpFeed { get; set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedFolder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _feedServer = builder.Build();
        _feedServer.MapGet("/feeds/yangzhou.csv", () => HttpFeed is { } body ? Results.File(body, "text/csv", "yangzhou.csv") : Results.NotFound());
        await _feedServer.StartAsync();
        var address = _feedServer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        FeedUrl = address.TrimEnd('/') + "/feeds/yangzhou.csv";
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Imports:Sources:0:City", "南京"),
        new("Imports:Sources:0:Location", FeedFolder),
        new("Imports:Sources:0:FilePattern", "*.csv"),
        new("Imports:Sources:0:Cron", "0 3 * * *"),
        new("Imports:Sources:1:City", "Zhenjiang"),
        new("Imports:Sources:1:Location", FeedFile),
        new("Imports:Sources:1:Format", "csv"),
        new("Imports:Sources:1:Encoding", "utf-8"),
        new("Imports:Sources:2:City", "扬州"),
        new("Imports:Sources:2:Location", FeedUrl),
        new("BackgroundJobs:WorkerCount", "2"),
    ];

    public new async Task DisposeAsync()
    {
        if (_feedServer is not null)
        {
            await _feedServer.DisposeAsync();
        }

        Dispose();
    }
}

public sealed class ScheduledImportTests(ScheduledImportFixture host) : IClassFixture<ScheduledImportFixture>
{
    [Fact]
    public void Start_ConfiguredSources_AreRecurringJobsWithTheirCron()
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal("0 3 * * *", jobs[CityFeedImportJob.RecurringId("nanjing")].Cron);
        Assert.Equal("0 2 * * *", jobs[CityFeedImportJob.RecurringId("zhenjiang")].Cron);
        Assert.Equal("Asia/Shanghai", jobs[CityFeedImportJob.RecurringId("yangzhou")].TimeZoneId);
        Assert.False(jobs.ContainsKey(CityFeedImportJob.RecurringId("huaian")));
    }

    [Fact]
    public async Task RecurringJob_FolderSource_ImportsNewestFile()
    {
        var admin = await host.SignInAdminAsync();
        var older = Path.Combine(host.FeedFolder, "2025-01.csv");
        await File.WriteAllBytesAsync(older, Csv(Rows("old", 1)));
        File.SetLastWriteTimeUtc(older, DateTime.UtcNow.AddDays(-1));
        // A city's configured feed speaks for its own city unless configured otherwise: the Wuhu row is refused.
        await File.WriteAllBytesAsync(Path.Combine(host.FeedFolder, "2025-02.csv"), Csv([.. Rows("new", 2), Row("new-wuhu", ("city", "芜湖"))]));

        host.Services.GetRequiredService<IRecurringJobManager>().Trigger(CityFeedImportJob.RecurringId("nanjing"));

        var run = await LatestRunAsync(admin, "南京", r => (string)r["status"]! == "succeeded");
        Assert.Equal(("schedule", "2025-02.csv", 2, 1), ((string)run["trigger"]!, (string)run["fileName"]!, run.Count("added"), run.Count("rejected")));
        Assert.Equal(["new-1", "new-2"], (await host.SourceStateAsync("nanjing")).Keys.Order());
    }

    [Fact]
    public async Task ManualTrigger_FileSource_RunsTheJobNow()
    {
        var admin = await host.SignInAdminAsync();
        await File.WriteAllBytesAsync(host.FeedFile, Csv(Rows("zj", 3, city: "镇江")));
        var organiser = await host.CreateOrganiserAsync("镇江");

        var response = await organiser.Client.PostAsync("/api/imports/sources/镇江/run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string)(await response.ReadObjectAsync())["jobId"]!));
        var run = await LatestRunAsync(admin, "镇江", r => (string)r["status"]! == "succeeded");
        Assert.Equal(("manual", 3), ((string)run["trigger"]!, run.Count("added")));

        var stranger = await host.CreateOrganiserAsync("南京");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PostAsync("/api/imports/sources/镇江/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PostAsync("/api/imports/sources/淮安/run", null)).StatusCode);
    }

    [Fact]
    public async Task RecurringJob_HttpSource_ImportsTheBodyAndRecordsHttpErrors()
    {
        var admin = await host.SignInAdminAsync();
        var recurring = host.Services.GetRequiredService<IRecurringJobManager>();
        host.HttpFeed = null;

        recurring.Trigger(CityFeedImportJob.RecurringId("yangzhou"));
        var failed = await LatestRunAsync(admin, "扬州", r => (string)r["status"]! == "failed");
        Assert.Contains("HTTP 404", (string)failed["fileError"]!["reason"]!);

        host.HttpFeed = Csv(Rows("yz", 2, city: "扬州"));
        recurring.Trigger(CityFeedImportJob.RecurringId("yangzhou"));
        var run = await LatestRunAsync(admin, "扬州", r => (string)r["status"]! == "succeeded");
        Assert.Equal(("yangzhou.csv", 2), ((string)run["fileName"]!, run.Count("added")));
    }

    [Fact]
    public async Task Sources_ListsConfiguredFeedsForOrganisersOnly()
    {
        var organiser = await host.CreateOrganiserAsync("扬州");
        var graduate = await host.RegisterGraduateAsync();

        var response = await organiser.Client.GetAsync("/api/imports/sources");
        var sources = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(["nanjing", "yangzhou", "zhenjiang"], sources.Select(s => (string)s!["city"]!).Order());
        Assert.Equal(host.FeedUrl, (string)sources.Single(s => (string)s!["city"]! == "yangzhou")!["location"]!);
        // Other cities' last runs stay hidden from this organiser: their ids would lead to reports it may not read.
        Assert.All(sources.Where(s => (string)s!["city"]! != "yangzhou"), s => Assert.Null(s!["lastRun"]));
        Assert.All(sources, s => Assert.True((bool)s!["ownCityOnly"]!));
        Assert.Equal(HttpStatusCode.Forbidden, (await graduate.Client.GetAsync("/api/imports/sources")).StatusCode);
    }

    private static Task<JsonObject> LatestRunAsync(SignedIn admin, string city, Func<JsonObject, bool> done) =>
        EventuallyAsync(async () =>
        {
            var runs = await admin.GetJsonAsync("/api/imports?city=" + Uri.EscapeDataString(city));
            return runs["items"]!.AsArray().Select(r => r!.AsObject()).FirstOrDefault(done);
        }, $"an import run of {city}");
}
