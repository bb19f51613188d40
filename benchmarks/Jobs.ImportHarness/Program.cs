using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jobs.Core.Common;
using Jobs.Core.Demo;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

// Usage: Jobs.ImportHarness --url http://127.0.0.1:5080 [--rows 100000] [--city 南京] [--feed /tmp/feed.csv]
//        [--email admin@jobs.local --password Harbor-Lantern-2026]
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var url = Arg("url", "http://127.0.0.1:5080").TrimEnd('/');
var rows = int.Parse(Arg("rows", "100000"), CultureInfo.InvariantCulture);
var city = Arg("city", "南京");
var feed = Arg("feed", Path.Combine(Path.GetTempPath(), $"jobs-feed-{rows}.csv"));

var cities = CityDirectory.LoadEmbedded();
var watch = Stopwatch.StartNew();
WriteFeed(feed, rows, cities);
Console.WriteLine($"Wrote {rows:N0} rows ({new FileInfo(feed).Length / 1024.0 / 1024.0:F1} MB) to {feed} in {watch.Elapsed.TotalSeconds:F1} s");

using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
var login = await http.PostAsJsonAsync("/api/auth/login", new { email = Arg("email", "admin@jobs.local"), password = Arg("password", "Harbor-Lantern-2026") });
login.EnsureSuccessStatusCode();
var token = (string)JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!;
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

foreach (var label in new[] { "first import", "unchanged re-import" })
{
    using var form = new MultipartFormDataContent();
    form.Add(new StringContent(city), "city");
    var file = new StreamContent(File.OpenRead(feed));
    file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    form.Add(file, "file", Path.GetFileName(feed));
    watch.Restart();
    var response = await http.PostAsync("/api/imports", form);
    var seconds = watch.Elapsed.TotalSeconds;
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine($"{label}: HTTP {(int)response.StatusCode} {body}");
        return 1;
    }

    var report = JsonNode.Parse(body)!;
    var c = report["counts"]!;
    Console.WriteLine($"{label}: {seconds:F1} s end to end ({rows / seconds:N0} rows/s); server run {(long)report["durationMs"]!} ms; "
                      + $"added {c["added"]}, updated {c["updated"]}, closed {c["closed"]}, unchanged {c["unchanged"]}, rejected {c["rejected"]}");
}

return 0;

// A feed the way a bureau exports it: every salary form of the format, mixed date spellings, some Traditional text,
// HTML in descriptions, skills with mixed separators.
static void WriteFeed(string path, int count, CityDirectory cities)
{
    using var generator = new DemoDataGenerator(cities, seed: 20260301, anchorUtc: DateTime.UtcNow.Date);
    var employers = generator.CreateEmployers(Math.Max(100, count / 100)).Select((e, i) =>
    {
        e.Employer.Id = i + 1;
        return e.Employer;
    }).ToList();
    var byId = employers.ToDictionary(e => e.Id);
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("external_id,title,employer_name,employer_credit_code,city,district,category,salary,education,experience,headcount,skills,description,posted_at,expires_at,status\n");
    var i = 0;
    foreach (var p in generator.CreatePostings(employers, count))
    {
        i++;
        var employer = byId[p.EmployerId];
        var c = cities.GetByCode(p.CityCode);
        var fields = new[]
        {
            $"bench-{i}", p.Title, employer.Name, i % 3 == 0 ? "" : employer.CreditCode ?? "", i % 7 == 0 ? c.Pinyin : c.Name, p.District ?? "",
            p.Category ?? "", Salary(p, i), p.Education.Label(), p.Experience.Label(), p.Headcount.ToString(CultureInfo.InvariantCulture),
            string.Join(i % 2 == 0 ? "、" : ";", p.Skills), i % 5 == 0 ? $"<p>{p.Description}</p>" : p.Description, Date(p.PostedAt, i), "", "open",
        };
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write('\n');
    }
}

static string Salary(Posting p, int i)
{
    if (p.SalaryMin is not { } min || p.SalaryMax is not { } max)
    {
        return "面议";
    }

    static string K(int yuan) => (yuan / 1000m).ToString("0.#", CultureInfo.InvariantCulture);
    return (i % 6) switch
    {
        0 => $"{K(min)}-{K(max)}K",
        1 => $"{K(min)}-{K(max)}K·{Math.Max(p.SalaryMonths, 13)}薪",
        2 => $"{min}-{max}元/月",
        3 => $"年薪{min * 12 / 10000}-{Math.Max(max * 12 / 10000, min * 12 / 10000 + 1)}万",
        4 => $"{Math.Max(min / 22 / 10 * 10, 100)}元/天",
        _ => $"{K(min)}-{K(max)}K",
    };
}

static string Date(DateTime d, int i) => (i % 4) switch
{
    0 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    1 => d.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
    2 => $"{d.Year}年{d.Month}月{d.Day}日",
    _ => d.ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture),
};

static string Quote(string value) =>
    value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
