using System.Net;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Matching;

public class MatchingApiTests(MatchingFixture world) : IClassFixture<MatchingFixture>
{
    private async Task<JsonArray> PostingMatchesAsync(string resumeKey, string query = "")
    {
        var path = $"/api/resumes/{world.Resumes[resumeKey]}/matches?pageSize=50{query}";
        return (await world.GetAsync(world.Graduates[resumeKey], path))["items"]!.AsArray();
    }

    private List<string> Keys(JsonArray items) => items.Select(i => world.KeyOfPosting((long)i!["id"]!)).ToList();

    [Fact]
    public async Task PostingsForResume_JavaGraduatePreferringNanjing_NanjingThenNearbyThenFar()
    {
        var keys = Keys(await PostingMatchesAsync("java-nj"));

        Assert.Equal("java-nj", keys[0]);
        // Ma'anshan and Chuzhou are about 52 km from Nanjing, Huai'an about 172: the same posting ranks by that distance.
        Assert.True(keys.IndexOf("java-mas") < keys.IndexOf("java-ha"), string.Join(",", keys));
        Assert.True(keys.IndexOf("java-cz") < keys.IndexOf("java-ha"), string.Join(",", keys));
        Assert.True(keys.IndexOf("java-ha") < keys.IndexOf("accountant-nj") || !keys.Contains("accountant-nj"), string.Join(",", keys));
    }

    [Fact]
    public async Task PostingsForResume_HardRules_HigherDegreeAndClosedNeverMatch()
    {
        var keys = Keys(await PostingMatchesAsync("java-nj"));

        Assert.DoesNotContain("java-nj-master", keys);
        Assert.DoesNotContain("java-nj-closed", keys);
        Assert.Contains("java-nj-senior", keys);
    }

    [Fact]
    public async Task PostingsForResume_ExperienceFarAboveGraduate_RanksBelowSamePostingForGraduates()
    {
        var items = await PostingMatchesAsync("java-nj");
        var keys = Keys(items);
        Assert.True(keys.IndexOf("java-nj") < keys.IndexOf("java-nj-senior"));
        var senior = items.Single(i => world.KeyOfPosting((long)i!["id"]!) == "java-nj-senior")!;
        var experience = senior["explanation"]!["parts"]!.AsArray().Single(p => (string)p!["part"]! == "experience")!;
        Assert.Equal(0, (double)experience["fit"]!);
        Assert.StartsWith("经验不足：要求5-10年", (string)experience["reason"]!);
    }

    [Fact]
    public async Task PostingsForResume_EveryItem_PartsAddUpToScore()
    {
        var items = await PostingMatchesAsync("java-nj");
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var explanation = item!["explanation"]!;
            var parts = explanation["parts"]!.AsArray();
            Assert.Equal(7, parts.Count);
            var sum = parts.Sum(p => (double)p!["points"]!);
            Assert.Equal((double)explanation["score"]!, sum, 6);
            Assert.Equal((double)item["score"]!, (double)explanation["score"]!, 9);
            foreach (var part in parts)
            {
                Assert.Equal((double)part!["weight"]! * (double)part["fit"]!, (double)part["points"]!, 3);
            }
        }

        var scores = items.Select(i => (double)i!["score"]!).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task PostingsForResume_NanjingJavaPosting_ReasonsAgreeWithTheNumbers()
    {
        var items = await PostingMatchesAsync("java-nj");
        var top = items[0]!;
        var reasons = top["explanation"]!["reasons"]!.AsArray().Select(r => (string)r!).ToList();

        Assert.Contains(reasons, r => r.StartsWith("技能匹配：", StringComparison.Ordinal) && r.Contains("Java") && r.Contains("Spring Boot"));
        Assert.Contains("意向城市：南京", reasons);
        Assert.Contains("学历满足：本科", reasons);
        Assert.Contains("薪资重合：9-12K", reasons);
        var parts = top["explanation"]!["parts"]!.AsArray().ToDictionary(p => (string)p!["part"]!);
        Assert.Equal(1, (double)parts["city"]!["fit"]!);
        Assert.Equal(1, (double)parts["salary"]!["fit"]!);
        Assert.Equal(1, (double)parts["text"]!["fit"]!);

        var huaian = items.Single(i => world.KeyOfPosting((long)i!["id"]!) == "java-ha")!;
        var city = huaian["explanation"]!["parts"]!.AsArray().Single(p => (string)p!["part"]! == "city")!;
        Assert.StartsWith("距意向城市较远：淮安（距南京约", (string)city["reason"]!);
        Assert.True((double)city["fit"]! < 0.1);
    }

    [Fact]
    public async Task PostingsForResume_CityFilter_NarrowsWithoutChangingScores()
    {
        var all = await PostingMatchesAsync("java-nj");
        var filtered = await PostingMatchesAsync("java-nj", "&city=" + Uri.EscapeDataString("马鞍山"));

        var item = Assert.Single(filtered);
        Assert.Equal(world.Postings["java-mas"], (long)item!["id"]!);
        var unfiltered = all.Single(i => (long)i!["id"]! == world.Postings["java-mas"])!;
        Assert.Equal((double)unfiltered["score"]!, (double)item["score"]!);
    }

    [Fact]
    public async Task PostingsForResume_CursorPages_CoverEveryMatchOnce()
    {
        var all = Keys(await PostingMatchesAsync("java-nj"));
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var path = $"/api/resumes/{world.Resumes["java-nj"]}/matches?pageSize=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await world.GetAsync(world.Graduates["java-nj"], path);
            seen.AddRange(Keys(page["items"]!.AsArray()));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task PostingsForResume_WhoMayAsk_OwnerOrganiserAdminOnly()
    {
        var path = $"/api/resumes/{world.Resumes["java-nj"]}/matches";
        var organiser = await world.CreateOrganiserAsync("南京");
        var admin = await world.SignInAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(path)).StatusCode);

        var otherGraduate = await world.RegisterGraduateAsync();
        var forbidden = await otherGraduate.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Employers["nj"].Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.CreateClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/api/resumes/999999/matches")).StatusCode);
    }

    [Fact]
    public async Task PostingsForResume_BadFilter_ValidationProblem()
    {
        var response = await world.Graduates["java-nj"].Client.GetAsync(
            $"/api/resumes/{world.Resumes["java-nj"]}/matches?city={Uri.EscapeDataString("火星")}&pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("city"));
        Assert.True(errors.ContainsKey("pageSize"));
    }

    [Fact]
    public async Task CandidatesForPosting_Employer_SeesFittingGraduatesFirstWithoutContactData()
    {
        var page = await world.GetAsync(world.Employers["nj"], $"/api/postings/{world.Postings["java-nj"]}/matches?pageSize=50");
        var items = page["items"]!.AsArray();
        var keys = items.Select(i => world.KeyOfResume((long)i!["resume"]!["id"]!)).ToList();

        Assert.Equal("java-nj", keys[0]);
        Assert.True(keys.IndexOf("java-nj") < keys.IndexOf("java-ha"));
        Assert.DoesNotContain("java-hidden", keys);
        Assert.DoesNotContain("java-associate", keys);
        Assert.DoesNotContain("accounting", keys);
        foreach (var item in items)
        {
            var resume = item!["resume"]!;
            Assert.Null(resume["contact"]);
            Assert.False((bool)resume["contactVisible"]!);
            Assert.DoesNotContain("13812345678", item.ToJsonString());
            var parts = item["explanation"]!["parts"]!.AsArray();
            Assert.Equal((double)item["score"]!, parts.Sum(p => (double)p!["points"]!), 6);
        }

        var reasons = items[0]!["explanation"]!["reasons"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("技能匹配：Java、Spring Boot、MySQL", StringComparison.Ordinal));
        Assert.Contains("意向城市：南京", reasons);
    }

    [Fact]
    public async Task CandidatesForPosting_OtherEmployerOrGraduate_Forbidden()
    {
        var path = $"/api/postings/{world.Postings["java-nj"]}/matches";
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Employers["mas"].Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Graduates["java-nj"].Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Employers["nj"].Client.GetAsync("/api/postings/999999/matches")).StatusCode);
        var organiser = await world.CreateOrganiserAsync("淮安");
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task CandidatesForPosting_DegreeFilter_NarrowsWithoutChangingScores()
    {
        var path = $"/api/postings/{world.Postings["java-nj"]}/matches?pageSize=50";
        var all = (await world.GetAsync(world.Employers["nj"], path))["items"]!.AsArray();
        var filtered = (await world.GetAsync(world.Employers["nj"], path + "&city=" + Uri.EscapeDataString("淮安")))["items"]!.AsArray();

        var only = Assert.Single(filtered);
        Assert.Equal(world.Resumes["java-ha"], (long)only!["resume"]!["id"]!);
        Assert.Equal((double)all.Single(i => (long)i!["resume"]!["id"]! == world.Resumes["java-ha"])!["score"]!, (double)only["score"]!);
    }
}
