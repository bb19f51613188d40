using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Jobs.Tests.Matching;

/// <summary>What one judged match list returned: keys best first, and precision at 10.</summary>
public sealed record MatchOutcome(string Key, IReadOnlyList<string> Ranked, double Precision, IReadOnlyList<string> BadInTop);

/// <summary>
/// The judged matching set (<see cref="MatchFixtureData"/>) created through the API — one employer per city, one graduate
/// account per résumé — and every judged list fetched once through both match endpoints.
/// </summary>
public sealed class MatchQualityFixture : JobsApiFactory, IAsyncLifetime
{
    public const int K = 10;

    public IReadOnlyList<MatchOutcome> ResumeOutcomes { get; private set; } = [];

    public IReadOnlyList<MatchOutcome> PostingOutcomes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var employers = new Dictionary<string, SignedIn>(StringComparer.Ordinal);
        foreach (var (city, name) in MatchFixtureData.Employers)
        {
            employers[city] = await this.RegisterEmployerAsync(city, name);
        }

        var postingKeys = new Dictionary<long, string>();
        var postingIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in MatchFixtureData.Postings)
        {
            var id = await employers[p.City].CreatePostingAsync(p.ToRequest());
            postingKeys[id] = p.Key;
            postingIds[p.Key] = id;
        }

        var resumeKeys = new Dictionary<long, string>();
        var resumeIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var graduates = new Dictionary<string, SignedIn>(StringComparer.Ordinal);
        foreach (var r in MatchFixtureData.Resumes)
        {
            var graduate = await this.RegisterGraduateAsync();
            var response = await graduate.Client.PostAsJsonAsync("/api/resumes", r.ToRequest());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{r.Key}: {body}");
            var id = (long)JsonNode.Parse(body)!["id"]!;
            resumeKeys[id] = r.Key;
            resumeIds[r.Key] = id;
            graduates[r.Key] = graduate;
        }

        var admin = await this.SignInAdminAsync();
        await WaitForIndexAsync(admin);

        var resumeOutcomes = new List<MatchOutcome>();
        foreach (var j in MatchFixtureData.ResumeJudgments)
        {
            var page = await GetAsync(admin, $"/api/resumes/{resumeIds[j.ResumeKey]}/matches?pageSize={K}");
            var ranked = page["items"]!.AsArray().Select(i => postingKeys[(long)i!["id"]!]).ToList();
            resumeOutcomes.Add(Outcome(j.ResumeKey, ranked, j.Good, j.Bad));
        }

        var postingOutcomes = new List<MatchOutcome>();
        foreach (var j in MatchFixtureData.PostingJudgments)
        {
            var page = await GetAsync(admin, $"/api/postings/{postingIds[j.PostingKey]}/matches?pageSize={K}");
            var ranked = page["items"]!.AsArray().Select(i => resumeKeys[(long)i!["resume"]!["id"]!]).ToList();
            postingOutcomes.Add(Outcome(j.PostingKey, ranked, j.Good, j.Bad));
        }

        ResumeOutcomes = resumeOutcomes;
        PostingOutcomes = postingOutcomes;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>Good ones in the top 10 over how many could be there (a list with 6 good matches can score 1).</summary>
    private static MatchOutcome Outcome(string key, List<string> ranked, string[] good, string[] bad) => new(
        key, ranked, (double)ranked.Count(good.Contains) / Math.Min(K, good.Length), ranked.Where(bad.Contains).ToList());

    private static async Task<JsonObject> GetAsync(SignedIn who, string path)
    {
        var response = await who.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task WaitForIndexAsync(SignedIn admin)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var postings = (int)(await GetAsync(admin, "/api/postings/search?pageSize=1"))["total"]!;
            var resumes = (int)(await GetAsync(admin, "/api/resumes/search?pageSize=1"))["total"]!;
            if (postings == MatchFixtureData.Postings.Count && resumes == MatchFixtureData.Resumes.Count)
            {
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"search sees {postings} postings, {resumes} résumés");
            await Task.Delay(100);
        }
    }
}

public class MatchQualityTests(MatchQualityFixture fixture, ITestOutputHelper output) : IClassFixture<MatchQualityFixture>
{
    /// <summary>Floors a change must not fall below; the measured figures are in the issue note and the README.</summary>
    private const double ResumeToPostingsFloor = 0.92;
    private const double PostingToResumesFloor = 0.88;

    [Fact]
    public void ResumeToPostings_PrecisionAt10_AboveFloor()
    {
        var mean = Report("résumé → postings", fixture.ResumeOutcomes);
        Assert.True(mean >= ResumeToPostingsFloor, $"precision@10 {mean:F3} below {ResumeToPostingsFloor}");
    }

    [Fact]
    public void PostingToResumes_PrecisionAt10_AboveFloor()
    {
        var mean = Report("posting → résumés", fixture.PostingOutcomes);
        Assert.True(mean >= PostingToResumesFloor, $"precision@10 {mean:F3} below {PostingToResumesFloor}");
    }

    [Fact]
    public void BothDirections_JudgedBadMatches_RarelyInTop10()
    {
        var lists = fixture.ResumeOutcomes.Concat(fixture.PostingOutcomes).ToList();
        var bad = lists.Sum(o => o.BadInTop.Count);
        var shown = lists.Sum(o => o.Ranked.Count);
        output.WriteLine($"judged-bad items in top 10: {bad} of {shown}");
        foreach (var o in lists.Where(o => o.BadInTop.Count > 0))
        {
            output.WriteLine($"  {o.Key}: {string.Join(", ", o.BadInTop)}");
        }

        Assert.True(bad <= shown * 0.05, $"{bad} judged-bad matches among {shown} shown");
    }

    private double Report(string direction, IReadOnlyList<MatchOutcome> outcomes)
    {
        Assert.NotEmpty(outcomes);
        var mean = outcomes.Average(o => o.Precision);
        output.WriteLine($"{direction}: mean precision@10 {mean:F3} over {outcomes.Count} judged lists");
        foreach (var o in outcomes.OrderBy(o => o.Precision).Take(12))
        {
            output.WriteLine($"  {o.Precision:F2} {o.Key}: {string.Join(", ", o.Ranked)}");
        }

        return mean;
    }
}
