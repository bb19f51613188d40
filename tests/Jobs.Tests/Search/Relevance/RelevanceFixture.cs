using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Search.Relevance;

/// <summary>What one judged query returned and how it scored.</summary>
public sealed record QueryOutcome(JudgedQuery Query, IReadOnlyList<string?> Ranked, IReadOnlyList<double> Scores, int Total, double Ndcg, string Understood);

/// <summary>
/// The real host with exactly the <see cref="RelevancePostings"/> in it, created through the API by one employer per
/// city, and every <see cref="RelevanceQueries"/> query run once through <c>GET /api/postings/search</c>.
/// </summary>
public sealed class RelevanceFixture : JobsApiFactory, IAsyncLifetime
{
    public const int K = 10;

    private readonly Dictionary<long, string> _keysById = [];

    public IReadOnlyList<QueryOutcome> Outcomes { get; private set; } = [];

    public TimeSpan IndexWait { get; private set; }

    /// <summary>The fixture key of a posting id the search returned; null for anything else.</summary>
    public string? KeyOf(long id) => _keysById.GetValueOrDefault(id);

    public async Task InitializeAsync()
    {
        var employers = new Dictionary<string, SignedIn>(StringComparer.Ordinal);
        foreach (var (city, name) in RelevancePostings.Employers)
        {
            employers[city] = await this.RegisterEmployerAsync(city, name);
        }

        foreach (var posting in RelevancePostings.All)
        {
            var employer = employers[RelevancePostings.EmployerCityOf(posting)];
            var id = await employer.CreatePostingAsync(posting.ToRequest());
            _keysById.Add(id, posting.Key);
        }

        // The index refreshes near-real-time; judge only once every posting is searchable.
        var watch = Stopwatch.StartNew();
        int total;
        do
        {
            total = (int)(await SearchAsync("pageSize=1"))["total"]!;
            if (total >= RelevancePostings.All.Count)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(30));

        Assert.True(total == RelevancePostings.All.Count, $"search sees {total} of {RelevancePostings.All.Count} fixture postings");
        IndexWait = watch.Elapsed;

        var outcomes = new List<QueryOutcome>();
        foreach (var query in RelevanceQueries.All)
        {
            var result = await SearchAsync($"q={Uri.EscapeDataString(query.Text)}&pageSize={K}");
            var items = result["items"]!.AsArray();
            var ranked = items.Select(i => _keysById.GetValueOrDefault((long)i!["id"]!)).ToList();
            var scores = items.Select(i => (double)i!["score"]!).ToList();
            outcomes.Add(new QueryOutcome(query, ranked, scores, (int)result["total"]!, Relevance.Ndcg.AtK(ranked, query.Judgments, K),
                Describe(result["understood"]!)));
        }

        Outcomes = outcomes;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private static string Describe(JsonNode understood)
    {
        var parts = new List<string> { $"text='{(string?)understood["text"]}'" };
        var cities = understood["cities"]!.AsArray().Select(c => (string)c!["code"]!).ToList();
        if (cities.Count > 0)
        {
            parts.Add("cities=" + string.Join(",", cities));
        }

        var synonyms = understood["synonyms"]!.AsObject();
        if (synonyms.Count > 0)
        {
            parts.Add("synonyms=" + string.Join(";", synonyms.Select(s => $"{s.Key}→{string.Join(",", s.Value!.AsArray().Select(v => (string)v!))}")));
        }

        return string.Join(" ", parts);
    }

    private async Task<JsonObject> SearchAsync(string query)
    {
        var response = await CreateClient().GetAsync("/api/postings/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
