using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;
using Jobs.Tests.Search.Relevance;
using Xunit.Abstractions;

namespace Jobs.Tests.Search.Regional;

/// <summary>
/// The real host with the relevance postings and <see cref="RegionalPostings"/>, created through the API; each query of
/// <see cref="RegionalQueryPairs"/> runs once in each script through <c>GET /api/postings/search</c>.
/// </summary>
public sealed class RegionalParityFixture : JobsApiFactory, IAsyncLifetime
{
    public IReadOnlyList<ParityOutcome> Outcomes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var employers = new Dictionary<string, SignedIn>(StringComparer.Ordinal);
        foreach (var (city, name) in RelevancePostings.Employers)
        {
            employers[city] = await this.RegisterEmployerAsync(city, name);
        }

        var keys = new Dictionary<long, string>();
        var postings = RelevancePostings.All.Concat(RegionalPostings.All).ToList();
        foreach (var posting in postings)
        {
            var id = await employers[RelevancePostings.EmployerCityOf(posting)].CreatePostingAsync(posting.ToRequest());
            keys.Add(id, posting.Key);
        }

        var watch = Stopwatch.StartNew();
        int total;
        do
        {
            // Folding near-identical postings would count them once.
            total = (int)(await SearchAsync("pageSize=1&diversify=false"))["total"]!;
            if (total >= postings.Count)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(30));

        Assert.True(total == postings.Count, $"search sees {total} of {postings.Count} postings");

        var outcomes = new List<ParityOutcome>();
        foreach (var (simplified, traditional) in RegionalQueryPairs.All)
        {
            var (left, leftFilters) = await TopAsync(simplified, keys);
            var (right, rightFilters) = await TopAsync(traditional, keys);
            outcomes.Add(new ParityOutcome(simplified, traditional, left, right, leftFilters == rightFilters));
        }

        Outcomes = outcomes;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>The top 10 keys, and the filters QueryUnderstanding took out of the text (everything it understood but the text).</summary>
    private async Task<(IReadOnlyList<string> Top, string Filters)> TopAsync(string query, Dictionary<long, string> keys)
    {
        var result = await SearchAsync($"q={Uri.EscapeDataString(query)}&pageSize=10");
        var understood = result["understood"]!.AsObject().DeepClone().AsObject();
        understood.Remove("text");
        understood.Remove("synonyms");
        foreach (var city in understood["cities"]?.AsArray() ?? [])
        {
            // The matched spelling (鎮江 / 镇江) differs by script; the city is what counts.
            city!.AsObject().Remove("text");
        }

        return (result["items"]!.AsArray().Select(i => keys.GetValueOrDefault((long)i!["id"]!, "?")).ToList(), understood.ToJsonString());
    }

    private async Task<JsonObject> SearchAsync(string query)
    {
        var response = await CreateClient().GetAsync("/api/postings/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}

/// <param name="SameFilters">Whether QueryUnderstanding took the same filters out of both queries.</param>
public sealed record ParityOutcome(string Simplified, string Traditional, IReadOnlyList<string> Left, IReadOnlyList<string> Right, bool SameFilters);

public class RegionalParityTests(RegionalParityFixture fixture, ITestOutputHelper output) : IClassFixture<RegionalParityFixture>
{
    [Fact]
    public void QueryPairs_SimplifiedAndTraditional_SameTopTen()
    {
        var differing = fixture.Outcomes.Where(o => !o.Left.SequenceEqual(o.Right)).ToList();
        var empty = fixture.Outcomes.Where(o => o.Left.Count == 0).ToList();
        output.WriteLine($"parity {fixture.Outcomes.Count - differing.Count}/{fixture.Outcomes.Count} pairs identical in the top 10 "
            + $"({(fixture.Outcomes.Count - differing.Count) / (double)fixture.Outcomes.Count:P1}); {empty.Count} Simplified queries found nothing");
        foreach (var o in differing)
        {
            output.WriteLine($"DIFF{(o.SameFilters ? "" : " (understood differently)")} {o.Simplified} [{string.Join(' ', o.Left)}] vs {o.Traditional} [{string.Join(' ', o.Right)}]");
        }

        foreach (var o in empty)
        {
            output.WriteLine($"EMPTY {o.Simplified} / {o.Traditional}");
        }

        Assert.True(fixture.Outcomes.Count >= 100, $"only {fixture.Outcomes.Count} pairs");
        // The free text reaches the engine through FoldQuery, so two scripts must agree wherever QueryUnderstanding (which
        // reads the raw text before folding: 应届生 is a filter, 新鮮人 is not) took the same filters out of both.
        Assert.Empty(differing.Where(o => o.SameFilters).Select(o => o.Simplified));
        // Pairs that both find nothing would agree trivially; nearly every one must find something.
        Assert.True(empty.Count * 20 <= fixture.Outcomes.Count, "too many pairs find nothing: " + string.Join(", ", empty.Select(o => o.Simplified)));
    }

    [Fact]
    public void TraditionalPostings_MainlandQuery_FoundBesideSimplifiedOnes()
    {
        // The index side: each Taiwan-worded posting is found by the mainland wording of its own title.
        var titles = new[] { ("算法工程师", "rg-t-algo"), ("固件工程师", "rg-t-fw"), ("云计算", "rg-t-cloud"), ("数据挖掘", "rg-t-ds"),
            ("全栈工程师", "rg-t-fullstack"), ("营销策划", "rg-t-mkt"), ("销售经理", "rg-t-sales"), ("质量工程师", "rg-t-qa"),
            ("结构工程师", "rg-t-mech"), ("配送员", "rg-t-driver"), ("保安员", "rg-t-guard"), ("养老护理员", "rg-t-care"),
            ("总账会计", "rg-t-acct"), ("人事专员", "rg-t-hr"), ("内存", "rg-t-algo"), ("兼职", "rg-t-store"), ("硬件工程师", "rg-t-hw") };
        var missing = titles.Where(t => !fixture.Outcomes.Single(o => o.Simplified == t.Item1).Left.Contains(t.Item2)).ToList();

        Assert.True(missing.Count == 0, "not in the top 10: " + string.Join(", ", missing.Select(m => $"{m.Item1}→{m.Item2}")));
    }
}
