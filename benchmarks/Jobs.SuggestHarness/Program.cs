using System.Diagnostics;
using System.Globalization;
using Jobs.Core;
using Jobs.Core.Demo;
using Jobs.Core.Storage;
using Jobs.Search;
using Jobs.Search.Analysis;
using Jobs.Search.Suggest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project benchmarks/Jobs.SuggestHarness -- [--postings 1000000] [--data /tmp/jobs-suggest]
//        [--lookups 200000] [--synthetic 1000000]
int Arg(string name, int fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
string ArgS(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).DefaultIfEmpty(fallback).First();

var postings = Arg("postings", 1_000_000);
var lookups = Arg("lookups", 200_000);
var synthetic = Arg("synthetic", 1_000_000);
var dataDirectory = Path.GetFullPath(ArgS("data", Path.Combine(Path.GetTempPath(), $"jobs-bench-{postings}")));

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Jobs", LogLevel.Information);
builder.Configuration["Storage:DataDirectory"] = dataDirectory;
// The harness rebuilds on demand; the background timer must not rebuild in the middle of the timings.
builder.Configuration["Suggest:RefreshSeconds"] = "3600";
builder.Services.AddJobsCore(dataDirectory).AddJobsSearch(dataDirectory);
builder.Services.AddScoped<DemoSeeder>();
using var host = builder.Build();
var services = host.Services;

Console.WriteLine($"Data: {dataDirectory}");
await using (var scope = services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
    if (await db.Postings.CountAsync() < postings)
    {
        var seedWatch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding {postings:N0} postings …");
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoSize(Math.Max(500, postings / 100), postings, Math.Min(100_000, Math.Max(2000, postings / 10))), DemoSeeder.DefaultSeed, null, CancellationToken.None);
        Console.WriteLine($"Seeded in {seedWatch.Elapsed.TotalSeconds:F1} s");
    }
}

var analysis = services.GetRequiredService<ChineseTextAnalysis>();
var provider = services.GetRequiredService<SearchLexiconProvider>();
GC.Collect();
var before = GC.GetTotalMemory(true);
var watch = Stopwatch.StartNew();
var lexicon = await provider.RefreshAsync(CancellationToken.None);
Console.WriteLine($"REBUILD FROM DATABASE: {watch.Elapsed.TotalSeconds:F2} s for the open postings of {postings:N0}; "
    + $"{lexicon.Suggestions.EntryCount:N0} entries, {lexicon.Suggestions.KeyCount:N0} keys, "
    + $"{lexicon.Suggestions.PrecomputedPrefixCount:N0} precomputed prefixes, ~{(GC.GetTotalMemory(true) - before) / 1048576.0:F0} MiB held");
Measure("postings lexicon", lexicon.Suggestions, lexicon.Suggest, Typed(lexicon.Suggestions, EntryTexts(lexicon)));

// The worst case the goal names: a million distinct suggestions (a million different titles), not a few thousand.
var words = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "dictionary.txt"))
    .Select(l => l.Trim()).Where(l => l.Length >= 2 && !l.StartsWith('#') && !l.StartsWith('-')).Distinct().ToArray();
string[] suffixes = ["工程师", "专员", "主管", "经理", "助理", "技术员", "操作工", "实习生"];
var random = new Random(17);
var texts = new HashSet<string>(StringComparer.Ordinal);
while (texts.Count < synthetic)
{
    texts.Add(words[random.Next(words.Length)] + words[random.Next(words.Length)] + suffixes[random.Next(suffixes.Length)]);
}

// Zipf-like counts: a few entries with many postings, most with one.
var entries = texts.Select((t, i) => new Suggestion(t, SuggestionKind.Title, Math.Max(1, 100_000 / (i + 1)))).ToArray();
GC.Collect();
before = GC.GetTotalMemory(true);
watch.Restart();
var big = SuggestionIndex.Build(entries, e => SearchLexicon.Keys(e.Text, analysis));
Console.WriteLine($"SYNTHETIC BUILD: {entries.Length:N0} entries, {big.KeyCount:N0} keys, {big.PrecomputedPrefixCount:N0} precomputed prefixes "
    + $"in {watch.Elapsed.TotalSeconds:F1} s, ~{(GC.GetTotalMemory(true) - before) / 1048576.0:F0} MiB held");
Measure("synthetic 1M entries", big, (q, limit) => big.Lookup(SearchLexicon.NormalizeKey(analysis.Fold(q)), limit), Typed(big, texts.ToArray()));

static IReadOnlyList<string> EntryTexts(SearchLexicon lexicon) =>
    "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString()).SelectMany(p => lexicon.Suggestions.Lookup(p, SuggestionIndex.MaxLimit)).Select(s => s.Text)
        .Concat(["软件工程师", "会计", "普工", "叉车司机", "护士", "南京", "java", "电焊工", "销售代表", "前端开发"]).Distinct().ToArray();

// What people type: 1–4 leading characters of a title, 1–8 letters of its pinyin, 1–4 initials.
List<string> Typed(SuggestionIndex index, IReadOnlyList<string> sample)
{
    var r = new Random(3);
    var typed = new List<string>(lookups);
    while (typed.Count < lookups)
    {
        var text = sample[r.Next(sample.Count)];
        var keys = SearchLexicon.Keys(text, analysis).ToArray();
        var key = keys[r.Next(keys.Length)];
        var initials = keys.Length > 2 && key == keys[2];
        var max = key.Any(IsHan) || initials ? 4 : 8;
        typed.Add(key[..Math.Min(key.Length, 1 + r.Next(max))]);
    }

    return typed;
}

static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff';

void Measure(string name, SuggestionIndex index, Func<string, int, IReadOnlyList<Suggestion>> lookup, List<string> typed)
{
    for (var i = 0; i < Math.Min(20_000, typed.Count); i++)
    {
        lookup(typed[i], 8);
    }

    var times = new double[typed.Count];
    var found = 0L;
    for (var i = 0; i < typed.Count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        found += lookup(typed[i], 8).Count;
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    double P(double q) => times[Math.Min(times.Length - 1, (int)(q * times.Length))];
    Console.WriteLine($"LOOKUP {name}: {typed.Count:N0} prefixes, limit 8, one thread: p50 {P(0.50) * 1000:F1} µs, p90 {P(0.90) * 1000:F1} µs, "
        + $"p99 {P(0.99) * 1000:F1} µs, p99.9 {P(0.999) * 1000:F1} µs, max {times[^1]:F2} ms; {found / (double)typed.Count:F1} items per answer");
}
