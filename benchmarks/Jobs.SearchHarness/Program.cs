using System.Diagnostics;
using System.Globalization;
using Jobs.Core;
using Jobs.Core.Common;
using Jobs.Core.Demo;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Jobs.Search;
using Jobs.Search.Postings;
using Jobs.Search.Querying;
using Jobs.SearchHarness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project benchmarks/Jobs.SearchHarness -- [--postings 1000000] [--data /tmp/jobs-bench]
//        [--queries 2000] [--rebuild] [--threads 1] [--no-diversify] [--no-relax] [--profile] [--peer [--peers-dir ../shared/peers]]
// --peer also runs the Java Lucene peer on the same open postings and query mix and prints both side by side (implies --rebuild).
int Arg(string name, int fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
string ArgS(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).DefaultIfEmpty(fallback).First();

var postings = Arg("postings", 1_000_000);
var queries = Arg("queries", 2000);
var threads = Arg("threads", 1);
var dataDirectory = Path.GetFullPath(ArgS("data", Path.Combine(Path.GetTempPath(), $"jobs-bench-{postings}")));
var diversify = !args.Contains("--no-diversify");
var relax = !args.Contains("--no-relax");
var withPeer = args.Contains("--peer");
var forceRebuild = args.Contains("--rebuild") || withPeer;
var peersDirectory = withPeer ? PeerRun.FindPeersDirectory(ArgS("peers-dir", "")) : null;
if (withPeer && PeerRun.MissingReason(peersDirectory) is { } missingPeer)
{
    // Fail before minutes of seeding, not after.
    Console.Error.WriteLine($"--peer cannot run: {missingPeer}");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Jobs", LogLevel.Information);
builder.Configuration["Storage:DataDirectory"] = dataDirectory;
builder.Services.AddJobsCore(dataDirectory).AddJobsSearch(dataDirectory);
builder.Services.AddScoped<DemoSeeder>();
using var host = builder.Build();
var services = host.Services;

Console.WriteLine($"Data: {dataDirectory}");
await using (var scope = services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
    var existing = await db.Postings.CountAsync();
    if (existing < postings)
    {
        var seedWatch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding {postings:N0} postings …");
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoSize(Math.Max(500, postings / 100), postings, Math.Min(100_000, Math.Max(2000, postings / 10))), DemoSeeder.DefaultSeed, null, CancellationToken.None);
        Console.WriteLine($"Seeded in {seedWatch.Elapsed.TotalSeconds:F1} s");
        forceRebuild = true;
    }
}

var index = services.GetRequiredService<PostingIndex>();
double? buildRate = null;
if (forceRebuild || index.Index.State != Jobs.Search.Indexing.IndexState.Current || index.Index.DocumentCount == 0)
{
    long analysedChars;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        analysedChars = await db.Postings.Where(p => p.Status == Jobs.Core.Postings.PostingStatus.Open)
            .SumAsync(p => (long)p.Title.Length * 3 + p.Description.Length * 2);
    }

    GC.Collect();
    var watch = Stopwatch.StartNew();
    var count = await index.RebuildAsync(CancellationToken.None);
    var seconds = watch.Elapsed.TotalSeconds;
    buildRate = count / seconds;
    // Title goes through three analyzers (word, bigram, pinyin), the description through two.
    Console.WriteLine($"INDEX BUILD: {count:N0} postings in {seconds:F1} s = {count / seconds:N0} postings/s, "
        + $"{analysedChars / seconds / 1e6:F2} M analysed chars/s");

    // The rebuild leaves a large server-GC heap behind; searches measured in the same process would pay for collecting it.
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}

var indexPath = Path.Combine(dataDirectory, "index", "postings");
var indexBytes = new DirectoryInfo(indexPath).EnumerateFiles().Sum(f => f.Length);
Console.WriteLine($"INDEX SIZE: {indexBytes / 1024.0 / 1024.0:F1} MiB for {index.Index.DocumentCount:N0} documents");

var search = services.GetRequiredService<PostingSearchService>();
var cities = services.GetRequiredService<CityDirectory>();
string[] texts = ["java", "会计", "软件工程师", "軟體工程師", "普工 包吃住", "前端开发", "nanjing java", "护士", "电工证", "数据分析", "五险一金 双休",
    "C# .NET", "质检员", "叉车司机", "电商运营", "运维", "销售", "cnc", "教师", "新能源 电池"];
string[] cityPool = ["nanjing", "maanshan", "wuhu", "yangzhou", "zhenjiang", "chuzhou", "huaian"];
var random = new Random(42);
var requests = Enumerable.Range(0, queries).Select(i => new PostingSearchRequest
{
    Query = texts[random.Next(texts.Length)],
    CityCodes = [cityPool[random.Next(cityPool.Length)]],
    Education = random.Next(2) == 0 ? EducationLevel.Bachelor : EducationLevel.Associate,
    PageSize = 20,
    // The product default diversifies page 1 (collects up to 1,000 hits); --no-diversify measures the plain top 20.
    Diversify = diversify,
    // Relaxation (on by default) runs further searches when fewer than 10 postings match every word.
    Relax = relax,
}).ToArray();
Console.WriteLine($"Queries: relaxation {(relax ? "on (product default)" : "off")}, diversity {(diversify ? "on (product default)" : "off")}");

// The suggestion lexicon (pinyin readings, did-you-mean) otherwise rebuilds on a background timer during the first
// seconds of the run (~6 s of a core at 1M postings): build it now so the timed queries meet the steady state.
await services.GetRequiredService<Jobs.Search.Suggest.SearchLexiconProvider>().RefreshAsync(CancellationToken.None);

if (args.Contains("--explain"))
{
    Explain.Run(search, index, texts);
}

// Warm up: JIT, caches, the first searcher.
foreach (var r in requests.Take(200))
{
    await search.SearchAsync(r, CancellationToken.None);
}

// Phase profile (--profile): where the milliseconds of the timed queries go; the timing itself costs ~0.1 µs a phase.
SearchPhaseProfile.Enabled = args.Contains("--profile");
SearchPhaseProfile.Reset();
var latencies = new double[requests.Length];
var hitsPerQuery = new int[requests.Length];
var relaxedCount = 0;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var total = Stopwatch.StartNew();
await Parallel.ForAsync(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, async (i, ct) =>
{
    var sw = Stopwatch.StartNew();
    var result = await search.SearchAsync(requests[i], ct);
    latencies[i] = sw.Elapsed.TotalMilliseconds;
    hitsPerQuery[i] = result.Total;
    if (result.Relaxed is not null)
    {
        Interlocked.Increment(ref relaxedCount);
    }

    if (result.Facets.City.Count == 0 && result.Total > 0)
    {
        throw new InvalidOperationException("facets missing");
    }
});
if (SearchPhaseProfile.Enabled)
{
    // Per query text: which words cost, and how many postings they match.
    foreach (var g in Enumerable.Range(0, requests.Length).GroupBy(i => requests[i].Query).OrderByDescending(g => g.Average(i => latencies[i])))
    {
        Console.WriteLine($"  {g.Key,-12} mean {g.Average(i => latencies[i]):F2} ms, max {g.Max(i => latencies[i]):F2} ms, hits {g.Average(i => hitsPerQuery[i]):F0}");
    }
}

Array.Sort(latencies);
double P(double q) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine($"SEARCH ({threads} client(s), {requests.Length} queries, two filters, all facets, top 20): "
    + $"p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F2} ms, {requests.Length / total.Elapsed.TotalSeconds:F0} q/s");
if (SearchPhaseProfile.Enabled)
{
    Console.WriteLine("PHASES (mean ms per query): " + string.Join(", ",
        SearchPhaseProfile.Totals().Select(p => $"{p.Phase} {p.Milliseconds / requests.Length:F2}")));
}

// CPU time per query (all threads of the process, GC included) moves far less than latency when other work shares the cores.
Console.WriteLine($"CPU: {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / requests.Length:F2} ms of CPU per query");
Console.WriteLine($"RELAXED: {relaxedCount} of {requests.Length} queries had fewer than 10 exact hits and were relaxed");
var process = Process.GetCurrentProcess();
Console.WriteLine($"MEMORY: working set {process.WorkingSet64 / 1024.0 / 1024.0:F0} MiB, managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MiB");
_ = cities;

if (withPeer && peersDirectory is not null)
{
    var ours = new SideFigures(buildRate, indexBytes / 1024.0 / 1024.0, P(0.50), P(0.90), P(0.99), latencies[^1]);
    var peerQueries = requests.Select(r => new PeerQuery(r.Query ?? "", r.CityCodes[0], PeerRun.AtMost(r.Education!.Value))).ToArray();
    var peer = await PeerRun.RunAsync(peersDirectory, Path.Combine(dataDirectory, "jobs.db"), peerQueries,
        Path.Combine(dataDirectory, "peer"), CancellationToken.None);
    if (threads != 1)
    {
        Console.WriteLine($"Note: the project ran {threads} clients, the peer searches with one.");
    }

    PeerRun.Print(ours, peer);
}

return 0;
