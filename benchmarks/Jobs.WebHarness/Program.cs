using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jobs.Benchmarks.Shared;

namespace Jobs.WebHarness;

// Usage: dotnet run -c Release --project benchmarks/Jobs.WebHarness -- [--requests 1000] [--warmup 200] [--port 5096]
//        [--data /tmp/dir] [--keep] [--api src/Api/bin/Release/net10.0/Jobs.Api.dll]
//
// Starts a Release API process (Development environment: the demo data, 5,000 postings) on loopback, waits for the
// seed and the index, then sends --requests sequential GETs from one client, alternating a search page (/jobs with one of
// a fixed set of queries and filters) and a posting page (/jobs/{id} of a random open posting). The time is measured at
// the client on loopback, so it is server time plus a loopback round trip: an upper bound on server time. Then it loads
// every kind of page once and adds up what a first visit downloads: the HTML and each stylesheet and script it links.
// (A class with Main rather than top-level statements: the referenced API already has a global Program class.)
internal static partial class Harness
{
    private static readonly string[] SearchPages =
    [
        "/jobs", "/jobs?q=Java", "/jobs?q=%E5%8F%89%E8%BD%A6%E5%8F%B8%E6%9C%BA&city=%E9%A9%AC%E9%9E%8D%E5%B1%B1",
        "/jobs?q=chacheshi", "/jobs?city=%E5%8D%97%E4%BA%AC&education=%E6%9C%AC%E7%A7%91",
        "/jobs?q=%E6%8A%A4%E5%A3%AB&page=2", "/jobs?q=%E4%BC%9A%E8%AE%A1&city=%E6%89%AC%E5%B7%9E",
        "/jobs?q=%E6%99%AE%E5%B7%A5%20%E5%8C%85%E5%90%83%E4%BD%8F", "/jobs?q=%E5%89%8D%E7%AB%AF%E5%BC%80%E5%8F%91",
        "/jobs?city=%E6%BB%81%E5%B7%9E&page=3",
    ];

    public static async Task<int> Main(string[] args)
    {
        var s = Settings.Parse(args);
        if (!File.Exists(s.ApiDll))
        {
            Console.Error.WriteLine($"{s.ApiDll} not found: build it first with `dotnet build src/Api -c Release` (or pass --api).");
            return 2;
        }

        Directory.CreateDirectory(s.DataDirectory);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__DataDirectory"] = s.DataDirectory,
            ["BackgroundJobs__WorkerCount"] = "1",
        };
        foreach (var rule in new[] { "Global", "Search", "SignIn", "SignUp" })
        {
            environment[$"RateLimits__{rule}__PermitLimit"] = "100000000";
        }

        try
        {
            using var api = ApiProcess.Start(s.ApiDll, s.Port, environment, Path.Combine(s.DataDirectory, "api.log"));
            await api.WaitHealthyAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
            using var http = new HttpClient { BaseAddress = new Uri(api.Url), Timeout = TimeSpan.FromSeconds(30) };
            var ids = await OpenPostingIdsAsync(http);
            Console.WriteLine($"{Environment.ProcessorCount} cores; demo data with {ids.Count} open postings sampled; {s.Warmup} warm-up and {s.Requests} timed requests");

            var random = new Random(20261202);
            for (var i = 0; i < s.Warmup; i++)
            {
                await TimeAsync(http, i % 2 == 0 ? SearchPages[i % SearchPages.Length] : $"/jobs/{ids[random.Next(ids.Count)]}");
            }

            var search = new List<double>();
            var detail = new List<double>();
            for (var i = 0; i < s.Requests; i++)
            {
                if (i % 2 == 0)
                {
                    search.Add(await TimeAsync(http, SearchPages[(i / 2) % SearchPages.Length]));
                }
                else
                {
                    detail.Add(await TimeAsync(http, $"/jobs/{ids[random.Next(ids.Count)]}"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| page | requests | p50 | p95 | p99 | max |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
            Row("/jobs (10 queries and filters)", search);
            Row("/jobs/{id}", detail);

            var fairId = await FirstFairIdAsync(http);
            var employerId = await FirstEmployerIdAsync(http, ids[0]);
            string[] pages =
            [
                "/", SearchPages[2], $"/jobs/{ids[0]}", "/fairs", fairId is null ? "/fairs" : $"/fairs/{fairId}",
                employerId is null ? "/" : $"/employers/{employerId}", "/login", "/register", "/employer/register",
            ];
            Console.WriteLine();
            Console.WriteLine("| first load of | status | HTML | CSS and JS | total |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            var heaviest = 0L;
            foreach (var page in pages.Distinct())
            {
                var (status, html, assets) = await WeighAsync(http, page);
                heaviest = Math.Max(heaviest, html + assets);
                Console.WriteLine($"| `{Uri.UnescapeDataString(page)}` | {status} | {Kb(html)} | {Kb(assets)} | **{Kb(html + assets)}** |");
            }

            Console.WriteLine();
            Console.WriteLine($"heaviest first load: {Kb(heaviest)} (budget 150 KB)");
            return 0;
        }
        catch (HarnessException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            if (!s.Keep)
            {
                try
                {
                    Directory.Delete(s.DataDirectory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if ((int)response.StatusCode >= 500)
        {
            throw new HarnessException($"GET {path} answered {(int)response.StatusCode}");
        }

        return elapsed;
    }

    private static async Task<(int Status, long Html, long Assets)> WeighAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(html);
        long assets = 0;
        foreach (var href in AssetRegex().Matches(text).Select(m => m.Groups["href"].Value).Distinct())
        {
            assets += (await http.GetByteArrayAsync(href)).Length;
        }

        return ((int)response.StatusCode, html.Length, assets);
    }

    private static async Task<List<long>> OpenPostingIdsAsync(HttpClient http)
    {
        var ids = new List<long>();
        for (var page = 1; page <= 5; page++)
        {
            var body = JsonNode.Parse(await http.GetStringAsync($"/api/postings?pageSize=100&page={page}"))!;
            ids.AddRange(body["items"]!.AsArray().Select(i => (long)i!["id"]!));
        }

        return ids.Count > 0 ? ids : throw new HarnessException("the demo data has no open postings");
    }

    private static async Task<long?> FirstFairIdAsync(HttpClient http)
    {
        var body = JsonNode.Parse(await http.GetStringAsync("/api/fairs?pageSize=1"))!;
        return body["items"]!.AsArray().FirstOrDefault() is { } fair ? (long)fair["id"]! : null;
    }

    private static async Task<long?> FirstEmployerIdAsync(HttpClient http, long postingId)
    {
        var body = JsonNode.Parse(await http.GetStringAsync($"/api/postings/{postingId}"))!;
        return body["employerId"] is { } id ? (long)id : null;
    }

    private static void Row(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"| {name} | {times.Count} | {P(times, 0.50):F1} ms | **{P(times, 0.95):F1} ms** | {P(times, 0.99):F1} ms | {times[^1]:F1} ms |");
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KB";

    [GeneratedRegex("<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"(?<href>[^\"]+)\"")]
    private static partial Regex AssetRegex();

    private sealed record Settings(int Requests, int Warmup, int Port, string DataDirectory, bool Keep, string ApiDll)
    {
        public static Settings Parse(string[] args)
        {
            var requests = 1000;
            var warmup = 200;
            var port = 5096;
            var data = Path.Combine(Path.GetTempPath(), "jobs-web-harness-" + Guid.NewGuid().ToString("N")[..8]);
            var keep = false;
            var api = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Api/bin/Release/net10.0/Jobs.Api.dll"));
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--port": port = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--data": data = args[++i]; break;
                    case "--keep": keep = true; break;
                    case "--api": api = Path.GetFullPath(args[++i]); break;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }

            return new Settings(requests, warmup, port, data, keep, api);
        }
    }
}
