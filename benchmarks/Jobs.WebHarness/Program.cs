using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

// Usage: dotnet run -c Release --project benchmarks/Jobs.WebHarness -- [--url http://127.0.0.1:5080] [--rounds 10]
var url = Arg("--url") ?? "http://127.0.0.1:5080";
var rounds = int.Parse(Arg("--rounds") ?? "10", CultureInfo.InvariantCulture);
// The server's process id (optional, Linux): its CPU time per request, which a busy shared machine does not inflate the way it
// inflates wall-clock latency.
var serverPid = Arg("--pid");
using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

string[] searches =
[
    "/jobs", "/jobs?q=java", "/jobs?q=nanjing%20java", "/jobs?q=%E5%8F%89%E8%BD%A6%E5%8F%B8%E6%9C%BA", "/jobs?q=chache%20siji",
    "/jobs?q=%E4%BC%9A%E8%AE%A1&city=%E9%A9%AC%E9%9E%8D%E5%B1%B1", "/jobs?q=%E6%8A%A4%E5%A3%AB", "/jobs?q=%E6%99%AE%E5%B7%A5%20%E5%8C%85%E5%90%83%E4%BD%8F",
    "/jobs?city=%E5%8D%97%E4%BA%AC&education=%E6%9C%AC%E7%A7%91&salaryMin=8000", "/jobs?q=java&sort=newest&page=3",
    "/jobs?q=%E9%A3%9E%E8%A1%8C%E5%91%98%20%E4%BC%9A%E8%AE%A1&city=%E5%8D%97%E4%BA%AC", // nothing found: the suggestion searches run too
];

// Posting pages: the first 100 open postings the sitemap lists.
var sitemap = await http.GetStringAsync("/sitemap.xml");
var postings = Regex.Matches(sitemap, "<loc>[^<]*(/jobs/\\d+)</loc>").Select(m => m.Groups[1].Value).Take(100).ToArray();
var fair = Regex.Match(sitemap, "<loc>[^<]*(/fairs/\\d+)</loc>").Groups[1].Value;
if (postings.Length == 0)
{
    Console.Error.WriteLine("The sitemap lists no postings; start the demo site first.");
    return 1;
}

// Warm-up: JIT, the index reader, SQLite's page cache.
foreach (var path in searches.Concat(postings.Take(20)))
{
    await TimeAsync(path);
}

var searchTimes = new List<double>();
var detailTimes = new List<double>();
var searchCpu = CpuMilliseconds();
for (var round = 0; round < rounds; round++)
{
    foreach (var path in searches)
    {
        searchTimes.Add(await TimeAsync(path));
    }
}

searchCpu = CpuMilliseconds() - searchCpu;
var detailCpu = CpuMilliseconds();
for (var round = 0; round < rounds; round++)
{
    foreach (var path in postings.Skip(round * 10 % postings.Length).Take(10))
    {
        detailTimes.Add(await TimeAsync(path));
    }
}

detailCpu = CpuMilliseconds() - detailCpu;

Console.WriteLine($"{url}, {rounds} rounds, one client");
Report("/jobs?q=…", searchTimes);
Report("/jobs/{id}", detailTimes);
if (serverPid is not null)
{
    Console.WriteLine($"server CPU per request: /jobs?q=… {searchCpu / searchTimes.Count:F1} ms, /jobs/{{id}} {detailCpu / detailTimes.Count:F1} ms");
}

Console.WriteLine();
Console.WriteLine("first load (bytes, uncompressed): page | HTML | CSS+JS | total");
string?[] pages = ["/", "/jobs?q=java", postings[0], "/fairs", string.IsNullOrEmpty(fair) ? null : fair];
foreach (var page in pages.OfType<string>())
{
    var html = await http.GetStringAsync(page);
    var htmlBytes = System.Text.Encoding.UTF8.GetByteCount(html);
    long assets = 0;
    foreach (Match asset in Regex.Matches(html, "<(?:link rel=\"stylesheet\" href|script[^>]*src)=\"(?<href>[^\"]+)\""))
    {
        assets += (await http.GetByteArrayAsync(asset.Groups["href"].Value)).Length;
    }

    Console.WriteLine($"{page} | {htmlBytes:N0} | {assets:N0} | {htmlBytes + assets:N0}");
}

return 0;

async Task<double> TimeAsync(string path)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
    var elapsed = watch.Elapsed.TotalMilliseconds;
    if ((int)response.StatusCode >= 500)
    {
        throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    }

    return elapsed;
}

double CpuMilliseconds()
{
    if (serverPid is null)
    {
        return 0;
    }

    // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second).
    var fields = File.ReadAllText($"/proc/{serverPid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
}

static void Report(string name, List<double> times)
{
    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine($"{name}: n={times.Count} p50={P(0.50):F1} ms p95={P(0.95):F1} ms max={times[^1]:F1} ms");
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
