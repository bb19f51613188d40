using System.Diagnostics;
using System.Globalization;
using Jobs.Core;
using Jobs.Core.Demo;
using Jobs.Core.Statistics;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project benchmarks/Jobs.StatsHarness -- [--postings 1000000] [--graduates 500000]
//        [--applications 300000] [--requests 40] [--data /tmp/jobs-stats-bench] [--reads-only]
//
// Seeds the demo data (once per data folder), adds synthetic applications with stage history, then times the snapshot:
// the first run (backfill of every month and quarter since the oldest record) and a second run (what the daily run does:
// the running month and quarter). Then it times each statistics read in-process, through StatisticsService in a fresh DI
// scope per request as the endpoints and pages call it, over the circle and each city, for the newest quarter and month.
int Arg(string name, int fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
string ArgS(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).DefaultIfEmpty(fallback).First();

var postings = Arg("postings", 1_000_000);
var graduates = Arg("graduates", 500_000);
var applications = Arg("applications", 300_000);
var requests = Arg("requests", 40);
var dataDirectory = Path.GetFullPath(ArgS("data", Path.Combine(Path.GetTempPath(), $"jobs-stats-bench-{postings}")));

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["Storage:DataDirectory"] = dataDirectory;
builder.Services.AddJobsCore(dataDirectory);
builder.Services.AddScoped<DemoSeeder>();
using var host = builder.Build();
var services = host.Services;

Console.WriteLine($"Data: {dataDirectory}; {Environment.ProcessorCount} cores");
await using (var scope = services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
    if (await db.Postings.CountAsync() < postings)
    {
        var seedWatch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding {postings:N0} postings and {graduates:N0} graduates …");
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoSize(Math.Max(500, postings / 100), postings, graduates), DemoSeeder.DefaultSeed, null, CancellationToken.None);
        Console.WriteLine($"Seeded in {seedWatch.Elapsed.TotalSeconds:F1} s");
    }

    if (await db.Applications.CountAsync() == 0 && applications > 0)
    {
        var watch = Stopwatch.StartNew();
        // Résumé r applies to posting (r × 7919 mod P) + 1: a spread over cities and functions, unique pairs. A fifth are
        // viewed a day later and one in twenty invited; dated a day after the posting so they fall in its month.
        var maxPosting = await db.Postings.MaxAsync(p => p.Id);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Applications" ("PostingId", "ResumeId", "EmployerId", "CreatedAt", "Stage", "StageChangedAt", "ViewedAt")
            SELECT p."Id", r."Id", p."EmployerId", strftime('%Y-%m-%d %H:%M:%f', p."PostedAt", '+1 day'),
                   CASE WHEN r."Id" % 20 = 0 THEN 2 WHEN r."Id" % 5 = 0 THEN 1 ELSE 0 END,
                   strftime('%Y-%m-%d %H:%M:%f', p."PostedAt", '+1 day'),
                   CASE WHEN r."Id" % 5 = 0 THEN strftime('%Y-%m-%d %H:%M:%f', p."PostedAt", '+2 days') END
            FROM "Resumes" r JOIN "Postings" p ON p."Id" = (r."Id" * 7919) % {maxPosting} + 1
            WHERE r."Id" <= {applications};
            """);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "ApplicationStageChanges" ("ApplicationId", "FromStage", "ToStage", "At", "CityCode", "SkippedInterview")
            SELECT a."Id", 0, a."Stage", a."ViewedAt", p."CityCode", 0 FROM "Applications" a JOIN "Postings" p ON p."Id" = a."PostingId" WHERE a."ViewedAt" IS NOT NULL;
            """);
        Console.WriteLine($"Added {await db.Applications.CountAsync():N0} applications in {watch.Elapsed.TotalSeconds:F1} s");
    }

    Console.WriteLine($"Postings {await db.Postings.CountAsync():N0}, résumés {await db.Resumes.CountAsync():N0}, applications {await db.Applications.CountAsync():N0}");
    if (!args.Contains("--reads-only"))
    {
        await db.StatCells.ExecuteDeleteAsync();
        await db.StatPeriodRuns.ExecuteDeleteAsync();
    }
}

// --reads-only keeps the snapshot of an earlier run and times only the reads.
foreach (var label in args.Contains("--reads-only") ? [] : new[] { "first run (backfill)", "second run (daily)" })
{
    GC.Collect();
    await using var scope = services.CreateAsyncScope();
    var watch = Stopwatch.StartNew();
    var periods = await scope.ServiceProvider.GetRequiredService<SnapshotBuilder>().RunAsync(CancellationToken.None);
    var cells = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().StatCells.CountAsync();
    Console.WriteLine($"SNAPSHOT {label}: {periods.Count} periods ({string.Join(", ", periods)}) in {watch.Elapsed.TotalSeconds:F1} s; {cells:N0} cells stored");
}

StatPeriod quarter, month;
string[] cityCodes;
await using (var scope = services.CreateAsyncScope())
{
    var stats = scope.ServiceProvider.GetRequiredService<StatisticsService>();
    quarter = await stats.LatestAsync(quarter: true, CancellationToken.None) ?? throw new InvalidOperationException("No snapshot.");
    month = await stats.LatestAsync(quarter: false, CancellationToken.None) ?? quarter;
    // The newest period may have just begun; the one before is the full one readers look at.
    quarter = quarter.Previous;
    month = month.Previous;
    cityCodes = stats.Cities.DefaultRegion.Cities.Select(c => c.Code).ToArray();
}

var reads = new (string Name, Func<StatisticsService, StatQuery, Task> Read)[]
{
    ("supply-demand (+ previous)", async (s, q) => { await s.SupplyDemandAsync(q, default); await s.SupplyDemandAsync(q.At(q.Period.Previous), default); }),
    ("ratio by city", (s, q) => s.RatioByAsync(q.In(StatScope.Circle(s.Cities)), StatDimension.City, default)),
    ("ratio by function", (s, q) => s.RatioByAsync(q, StatDimension.Function, default)),
    ("ratio by education", (s, q) => s.RatioByAsync(q, StatDimension.Education, default)),
    ("ratio city × education", (s, q) => s.RatioMatrixAsync(q.In(StatScope.Circle(s.Cities)), StatDimension.Education, default)),
    ("ratio city × function", (s, q) => s.RatioMatrixAsync(q.In(StatScope.Circle(s.Cities)), StatDimension.Function, default)),
    ("flows (preference)", (s, q) => s.FlowsAsync(q.In(StatScope.Circle(s.Cities)), FlowKind.Preference, default)),
    ("flows (applications)", (s, q) => s.FlowsAsync(q.In(StatScope.Circle(s.Cities)), FlowKind.Applications, default)),
    ("funnel by function", (s, q) => s.FunnelAsync(q, StatDimension.Function, default)),
    ("funnel by city", (s, q) => s.FunnelAsync(q.In(StatScope.Circle(s.Cities)), StatDimension.City, default)),
    ("cohorts", (s, q) => s.CohortsAsync(q, default)),
    ("fairs", (s, q) => s.FairsAsync(q, default)),
    ("feeds", (s, q) => s.FeedsAsync(q, default)),
    ("trend (6 periods)", (s, q) => s.TrendAsync(q, 6, default)),
    ("quarterly report (all of it)", (s, q) => QuarterlyReport.BuildAsync(s, q, details: true, default)),
    ("supply-demand, 本科 + backend filter", (s, q) => s.SupplyDemandAsync(q with { Education = Jobs.Core.Common.EducationLevel.Bachelor, Function = "backend" }, default)),
};

Console.WriteLine();
Console.WriteLine($"| read ({quarter.Key} and {month.Key}; circle and {cityCodes.Length} cities) | requests | p50 ms | p95 ms | max ms |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
var worst = 0.0;
foreach (var (name, read) in reads)
{
    var times = new List<double>();
    for (var i = 0; i < requests + 5; i++)
    {
        await using var scope = services.CreateAsyncScope();
        var stats = scope.ServiceProvider.GetRequiredService<StatisticsService>();
        var scopeOf = i % (cityCodes.Length + 1) == 0 ? StatScope.Circle(stats.Cities) : StatScope.Of(stats.Cities.GetByCode(cityCodes[i % (cityCodes.Length + 1) - 1]));
        var query = new StatQuery(i % 2 == 0 ? quarter : month, scopeOf);
        var watch = Stopwatch.StartNew();
        await read(stats, query);
        if (i >= 5)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    worst = Math.Max(worst, P(0.95));
    Console.WriteLine($"| {name} | {times.Count} | {P(0.5):F1} | {P(0.95):F1} | {times[^1]:F1} |");
}

Console.WriteLine();
Console.WriteLine($"worst p95: {worst:F1} ms (goal ≤ 200 ms)");
