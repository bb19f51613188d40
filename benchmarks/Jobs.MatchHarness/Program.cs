using System.Diagnostics;
using System.Globalization;
using Jobs.Core;
using Jobs.Core.Demo;
using Jobs.Core.Postings;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Jobs.Search;
using Jobs.Search.Matching;
using Jobs.Search.Postings;
using Jobs.Search.Resumes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project benchmarks/Jobs.MatchHarness -- [--postings-data /tmp/jb1m] [--postings 1000000]
//        [--resumes-data /tmp/jb500k-resumes] [--resumes 500000] [--samples 500] [--threads 1]
int Arg(string name, int fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
string ArgS(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).DefaultIfEmpty(fallback).First();

var postingCount = Arg("postings", 1_000_000);
var resumeCount = Arg("resumes", 500_000);
var samples = Arg("samples", 500);
var threads = Arg("threads", 1);
var postingsData = Path.GetFullPath(ArgS("postings-data", Path.Combine(Path.GetTempPath(), $"jobs-bench-{postingCount}")));
var resumesData = Path.GetFullPath(ArgS("resumes-data", Path.Combine(Path.GetTempPath(), $"jobs-bench-resumes-{resumeCount}")));

// Résumé → postings: a million postings (and the graduates seeded with them) in one file.
using (var host = await OpenAsync(postingsData, new DemoSize(Math.Max(500, postingCount / 100), postingCount, Math.Min(100_000, Math.Max(2000, postingCount / 10)))))
{
    var services = host.Services;
    var index = services.GetRequiredService<PostingIndex>();
    await index.InitializeAsync(CancellationToken.None);
    Console.WriteLine($"POSTINGS INDEX: {index.Index.DocumentCount:N0} documents");
    var resumes = await SampleAsync(services, db => db.Resumes.AsNoTracking(), samples);
    var matcher = services.GetRequiredService<PostingMatchService>();
    await MeasureAsync($"RÉSUMÉ → POSTINGS ({index.Index.DocumentCount:N0} postings, top 20, {threads} client(s))", resumes, threads,
        async r => (await matcher.MatchAsync(r, new PostingSearchRequest { PageSize = 20 }, CancellationToken.None)).Total);
}

// Posting → résumés: half a million graduates in a file of their own.
using (var host = await OpenAsync(resumesData, new DemoSize(500, 5000, resumeCount)))
{
    var services = host.Services;
    var index = services.GetRequiredService<ResumeIndex>();
    await index.InitializeAsync(CancellationToken.None);
    Console.WriteLine($"RÉSUMÉS INDEX: {index.Index.DocumentCount:N0} documents");
    var postings = await SampleAsync(services, db => db.Postings.AsNoTracking().Where(p => p.Status == PostingStatus.Open), samples);
    var matcher = services.GetRequiredService<CandidateMatchService>();
    var request = new ResumeSearchRequest { Visibilities = [ResumeVisibility.Public, ResumeVisibility.EmployersOnly], PageSize = 20 };
    await MeasureAsync($"POSTING → RÉSUMÉS ({index.Index.DocumentCount:N0} résumés, top 20, {threads} client(s))", postings, threads,
        async p => (await matcher.MatchAsync(p, request, CancellationToken.None)).Total);
}

var process = Process.GetCurrentProcess();
Console.WriteLine($"MEMORY: peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");

static async Task<IHost> OpenAsync(string dataDirectory, DemoSize size)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Jobs", LogLevel.Information);
    builder.Configuration["Storage:DataDirectory"] = dataDirectory;
    builder.Services.AddJobsCore(dataDirectory).AddJobsSearch(dataDirectory);
    builder.Services.AddScoped<DemoSeeder>();
    var host = builder.Build();
    Console.WriteLine($"Data: {dataDirectory}");
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
    if (await seeder.IsEmptyAsync(CancellationToken.None))
    {
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding {size.Postings:N0} postings and {size.Graduates:N0} graduates …");
        await seeder.SeedAsync(size, DemoSeeder.DefaultSeed, null, CancellationToken.None);
        Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:F1} s");
    }

    return host;
}

static async Task<List<T>> SampleAsync<T>(IServiceProvider services, Func<JobsDbContext, IQueryable<T>> rows, int count)
    where T : class
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
    // Evenly spread over the id range, so the sample is deterministic and covers every city, field and degree.
    var all = rows(db);
    var max = await all.CountAsync();
    var step = Math.Max(1, max / count);
    var list = new List<T>();
    for (var i = 0; i < count && i * step < max; i++)
    {
        list.Add(await all.OrderBy(x => EF.Property<long>(x, "Id")).Skip(i * step).FirstAsync());
    }

    return list;
}

static async Task MeasureAsync<T>(string label, List<T> items, int threads, Func<T, Task<int>> run)
{
    // Warm up: JIT, per-segment column caches, the first searcher.
    foreach (var item in items.Take(50))
    {
        await run(item);
    }

    var latencies = new double[items.Count];
    long matched = 0;
    var total = Stopwatch.StartNew();
    await Parallel.ForAsync(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, async (i, _) =>
    {
        var sw = Stopwatch.StartNew();
        var n = await run(items[i]);
        latencies[i] = sw.Elapsed.TotalMilliseconds;
        Interlocked.Add(ref matched, n);
    });
    Array.Sort(latencies);
    double P(double q) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(q * latencies.Length) - 1)];
    Console.WriteLine($"{label}: {items.Count} requests, p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, "
        + $"max {latencies[^1]:F2} ms, {items.Count / total.Elapsed.TotalSeconds:F0} req/s, mean matches {matched / items.Count:N0}");
}
