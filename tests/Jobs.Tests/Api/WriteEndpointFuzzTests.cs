using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobs.Tests.Api;

/// <summary>One host with the people and records every sample body refers to, shared by the whole sweep.</summary>
public sealed class FuzzFixture : JobsApiFactory, IAsyncLifetime
{
    public SignedIn Admin { get; private set; } = null!;

    public SignedIn Organiser { get; private set; } = null!;

    public SignedIn Employer { get; private set; } = null!;

    /// <summary>Has a résumé; applies, registers, saves alerts.</summary>
    public SignedIn Graduate { get; private set; } = null!;

    /// <summary>Has no résumé, so creating one can succeed.</summary>
    public SignedIn NewGraduate { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Only for the password change, which ends every session of its account.</summary>
    public SignedIn PasswordChanger { get; private set; } = null!;

    /// <summary>Only for closing an account, which hides its résumé and refuses its writes.</summary>
    public SignedIn AccountCloser { get; private set; } = null!;

    /// <summary>Only for the admin's account changes, which end the account's sessions.</summary>
    public SignedIn SpareOrganiser { get; private set; } = null!;

    public long EmployerId { get; private set; }

    public long PostingId { get; private set; }

    public long ResumeId { get; private set; }

    public long FairId { get; private set; }

    public long DraftFairId { get; private set; }

    public long ContestId { get; private set; }

    public long BoothApplicationId { get; private set; }

    public string Ticket { get; private set; } = "";

    /// <summary>Applied to the posting; the employer moves it through the pipeline.</summary>
    public SignedIn Applicant { get; private set; } = null!;

    public long StageApplicationId { get; private set; }

    /// <summary>The applicant's application to a second posting, which the applicant withdraws.</summary>
    public long WithdrawApplicationId { get; private set; }

    /// <summary>A verification submission waiting for review, which the sweep rejects.</summary>
    public long PendingVerificationId { get; private set; }

    public async Task InitializeAsync()
    {
        Admin = await this.SignInAdminAsync();
        Organiser = await this.CreateOrganiserAsync("南京");
        Employer = await this.RegisterEmployerAsync("南京", "南京模糊测试科技有限公司");
        EmployerId = Employer.EmployerId!.Value;
        Graduate = await this.RegisterGraduateAsync();
        NewGraduate = await this.RegisterGraduateAsync();
        Anonymous = CreateClient();
        PasswordChanger = await this.RegisterGraduateAsync();
        AccountCloser = await this.RegisterGraduateAsync();
        SpareOrganiser = await this.CreateOrganiserAsync("扬州");
        PostingId = await Employer.CreatePostingAsync();
        ResumeId = await Graduate.CreateResumeAsync();
        FairId = await Organiser.CreateOpenFairAsync(FairTestKit.Fair(this, title: "南京模糊测试招聘会"));
        DraftFairId = (long)(await Organiser.CreateFairAsync(FairTestKit.Fair(this, title: "南京模糊测试草稿招聘会")))["id"]!;
        ContestId = await Organiser.CreateOpenFairAsync(FairTestKit.Fair(this, kind: "contest", title: "南京模糊测试创业大赛"));

        var booth = await Employer.Client.PostAsJsonAsync($"/api/fairs/{FairId}/booths", new { postingIds = new[] { PostingId }, note = "带三个岗位" });
        Assert.Equal(HttpStatusCode.Created, booth.StatusCode);
        BoothApplicationId = (long)(await booth.ReadObjectAsync())["id"]!;

        var registered = await Graduate.Client.PostAsync($"/api/fairs/{FairId}/attendees", null);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        Ticket = (string)(await registered.ReadObjectAsync())["ticket"]!;

        Applicant = await this.RegisterGraduateAsync();
        await Applicant.CreateResumeAsync();
        StageApplicationId = await ApplyAsync(Applicant, PostingId);
        WithdrawApplicationId = await ApplyAsync(Applicant, await Employer.CreatePostingAsync(ApiClient.ValidPosting("测试工程师")));

        var unverified = await this.RegisterEmployerAsync("南京", "南京模糊测试待认证有限公司", verified: false);
        var submitted = await unverified.Client.PostAsync($"/api/employers/{unverified.EmployerId}/verification",
            ApiClient.VerificationForm(ApiClient.UniqueCreditCode(), "南京模糊测试待认证有限公司", "南京"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        PendingVerificationId = (long)(await submitted.ReadObjectAsync())["id"]!;
    }

    private static async Task<long> ApplyAsync(SignedIn graduate, long postingId)
    {
        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "您好" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (long)(await applied.ReadObjectAsync())["id"]!;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Every write endpoint with a JSON body, found in the host's routing table, gets its valid sample body with each field (nested
/// ones and list elements too) replaced by hostile values, one at a time. No answer may be a 500, and every 4xx is problem+json.
/// </summary>
public class WriteEndpointFuzzTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    private const string SurrogateMarker = "\u0001surrogate:";

    /// <summary>Becomes the bytes ED A0 80: U+D800 encoded as if it were a character, which is not UTF-8.</summary>
    private const string RawSurrogateMarker = "\u0001raw-surrogate";

    /// <summary>A JSON body endpoint as it appears in the routing table, e.g. <c>POST /api/fairs/{id}/booths</c>.</summary>
    private sealed record Discovered(string Method, string Pattern, RouteEndpoint Endpoint)
    {
        public string Key => $"{Method} {Pattern}";
    }

    /// <summary>Who calls, at which concrete path, with which valid body.</summary>
    private sealed record Sample(HttpClient Client, string Path, object Body);

    private Dictionary<string, Sample> Samples()
    {
        var f = fixture;
        var now = f.Clock.GetUtcNow();
        var posting = new Dictionary<string, object?>
        {
            ["title"] = "Java开发工程师", ["description"] = "岗位职责：负责后端服务开发。任职要求：本科及以上。五险一金，双休。", ["city"] = "南京",
            ["district"] = "建邺区", ["category"] = "软件/互联网", ["salaryMin"] = 10000, ["salaryMax"] = 15000, ["salaryMonths"] = 13,
            ["negotiable"] = false, ["education"] = "本科", ["experience"] = "1-3年", ["headcount"] = 3, ["skills"] = new[] { "Java", "MySQL" },
            ["expiresAt"] = now.AddDays(30), ["employerId"] = f.EmployerId,
        };
        var resume = JsonSerializer.SerializeToNode(ApiClient.ValidResume(), ApiClient.Json)!.AsObject();
        resume["desiredTitles"] = new JsonArray("后端开发");
        resume["experiences"]![0]!["description"] = "参与订单系统开发。";
        var fair = JsonSerializer.SerializeToNode(FairTestKit.Fair(f, otherCityShare: 0.2), ApiClient.Json)!.AsObject();
        fair["description"] = "面向高校毕业生的综合招聘会。";
        var starts = now.AddDays(5);
        fair["employerWindowOpensAt"] = now.AddDays(1);
        fair["employerWindowClosesAt"] = now.AddDays(3);
        fair["attendeeWindowOpensAt"] = now.AddDays(1);
        fair["attendeeWindowClosesAt"] = starts;
        var company = new { name = "南京模糊测试二号有限公司", creditCode = ApiClient.UniqueCreditCode(), city = "南京", industry = "软件/互联网", size = "100-499人", description = "做软件。" };

        return new Dictionary<string, Sample>
        {
            ["POST /api/auth/register"] = new(f.Anonymous, "/api/auth/register", new
            {
                email = ApiClient.UniqueEmail("fuzz"), password = ApiClient.Password, role = "employer", displayName = "模糊测试", company,
            }),
            ["POST /api/auth/login"] = new(f.Anonymous, "/api/auth/login", new { email = JobsApiFactory.AdminEmail, password = JobsApiFactory.AdminPassword }),
            ["POST /api/auth/refresh"] = new(f.Anonymous, "/api/auth/refresh", new { refreshToken = f.Graduate.RefreshToken }),
            ["POST /api/me/password"] = new(f.PasswordChanger.Client, "/api/me/password",
                new { currentPassword = ApiClient.Password, newPassword = "Quiet-Meadow-2027" }),
            ["DELETE /api/me"] = new(f.AccountCloser.Client, "/api/me", new { password = ApiClient.Password }),
            ["PATCH /api/admin/users/{id}"] = new(f.Admin.Client, $"/api/admin/users/{f.SpareOrganiser.UserId}", new { role = "organiser", city = "镇江" }),
            // No flag exists in this fixture: the sweep proves a malformed clear never fails with a 500 (the answers are 400 or 404).
            ["POST /api/admin/contact-flags/{id}/clear"] = new(f.Admin.Client, "/api/admin/contact-flags/999999/clear", new { note = "已电话核实" }),
            ["POST /api/admin/organisers"] = new(f.Admin.Client, "/api/admin/organisers",
                new { email = ApiClient.UniqueEmail("org"), password = ApiClient.Password, displayName = "扬州组织者", city = "扬州" }),
            ["PUT /api/employers/{id}"] = new(f.Employer.Client, $"/api/employers/{f.EmployerId}", company with { creditCode = ApiClient.UniqueCreditCode() }),
            ["POST /api/postings"] = new(f.Organiser.Client, "/api/postings", posting),
            ["PUT /api/postings/{id}"] = new(f.Employer.Client, $"/api/postings/{f.PostingId}", posting.Where(p => p.Key != "employerId").ToDictionary()),
            ["POST /api/resumes"] = new(f.NewGraduate.Client, "/api/resumes", resume),
            ["PUT /api/resumes/{id}"] = new(f.Graduate.Client, $"/api/resumes/{f.ResumeId}", resume),
            ["POST /api/postings/{postingId}/applications"] = new(f.Graduate.Client, $"/api/postings/{f.PostingId}/applications",
                new { coverLetter = "您好，我对这个岗位很感兴趣。" }),
            // Interview invitations may repeat (another round), so every variant that passes validation moves the application again.
            ["POST /api/applications/{id}/stage"] = new(f.Employer.Client, $"/api/applications/{f.StageApplicationId}/stage", new
            {
                stage = "interviewInvited", interview = new { at = now.AddDays(3), place = "南京市建邺区江东中路 100 号", link = "https://meeting.example.cn/j/1", message = "请带上简历" },
                reason = (string?)null, message = (string?)null, skipInterview = false,
            }),
            ["POST /api/postings/{postingId}/applications/stage"] = new(f.Employer.Client, $"/api/postings/{f.PostingId}/applications/stage", new
            {
                ids = new[] { f.StageApplicationId, 987654321L }, stage = "interviewInvited",
                interview = new { at = now.AddDays(4), place = "会议室", link = (string?)null, message = "二面" }, skipInterview = false,
            }),
            ["POST /api/me/applications/{id}/withdraw"] = new(f.Applicant.Client, $"/api/me/applications/{f.WithdrawApplicationId}/withdraw",
                new { reason = "已接受其他单位的录用" }),
            ["POST /api/me/alerts"] = new(f.Graduate.Client, "/api/me/alerts", new
            {
                kind = "search", name = "南京后端", q = "Java", city = new[] { "南京", "镇江" }, category = "软件/互联网", education = "本科",
                salaryMin = 8000, salaryMax = 20000, experience = "1-3年",
            }),
            ["POST /api/fairs"] = new(f.Organiser.Client, "/api/fairs", fair),
            ["PUT /api/fairs/{id}"] = new(f.Organiser.Client, $"/api/fairs/{f.DraftFairId}", fair),
            ["POST /api/fairs/seasons/proposal"] = new(f.Organiser.Client, "/api/fairs/seasons/proposal", new
            {
                region = "nanjing-metro", kind = "fair", from = "2031-03-01", to = "2031-06-30", count = 3, avoidDates = new[] { "2031-03-07" },
                hostCities = new[] { "南京", "镇江", "扬州" }, previousHost = "南京",
            }),
            ["POST /api/fairs/seasons"] = new(f.Organiser.Client, "/api/fairs/seasons", new
            {
                name = "2031 春季招聘季", region = "nanjing-metro", kind = "fair", from = "2031-03-01", to = "2031-06-30", boothCapacity = 40,
                attendeeCapacity = 500, themes = new[] { "智能制造" },
                slots = new[] { new { date = "2031-03-14", hostCity = "zhenjiang", title = "镇江站", venue = "镇江会展中心" } },
            }),
            ["POST /api/fairs/{id}/booths"] = new(f.Employer.Client, $"/api/fairs/{f.FairId}/booths", new { postingIds = new[] { f.PostingId }, note = "带三个岗位" }),
            ["POST /api/compliance/held/{postingId}/reject"] = new(f.Organiser.Client, $"/api/compliance/held/{f.PostingId}/reject",
                new { reason = "请删除性别要求" }),
            ["POST /api/verifications/{id}/reject"] = new(f.Organiser.Client, $"/api/verifications/{f.PendingVerificationId}/reject",
                new { reason = "营业执照照片不清晰" }),
            ["POST /api/fairs/{id}/booths/{applicationId}/reject"] = new(f.Organiser.Client,
                $"/api/fairs/{f.FairId}/booths/{f.BoothApplicationId}/reject", new { reason = "岗位与主题不符" }),
            ["POST /api/fairs/{id}/attendees"] = new(f.NewGraduate.Client, $"/api/fairs/{f.ContestId}/attendees", new
            {
                teamName = "紫金队", projectName = "校园二手平台", projectSummary = "连接毕业生与学弟学妹的二手交易。",
                members = new[] { new { name = "李华", school = "东南大学" } },
            }),
            ["POST /api/fairs/{id}/check-ins"] = new(f.Organiser.Client, $"/api/fairs/{f.FairId}/check-ins", new { ticket = f.Ticket }),
        };
    }

    private static readonly string Huge = new('a', 1_000_000);

    /// <summary>What each field is replaced with; the surrogate markers become raw <c>\uXXXX</c> escapes in the body text.</summary>
    private static IEnumerable<(string Name, JsonNode? Value)> Mutations(JsonNode? original)
    {
        yield return ("null", null);
        yield return ("empty", JsonValue.Create(""));
        yield return ("huge", JsonValue.Create(Huge));
        yield return ("lone high surrogate", JsonValue.Create(SurrogateMarker + "d800"));
        yield return ("lone low surrogate", JsonValue.Create(SurrogateMarker + "dfff"));
        yield return ("reversed pair", JsonValue.Create(SurrogateMarker + "dc00" + SurrogateMarker + "d800"));
        yield return ("surrogate as raw bytes", JsonValue.Create("前" + RawSurrogateMarker + "后"));
        yield return ("object", new JsonObject { ["a"] = 1 });
        yield return ("array", new JsonArray(1, "二"));
        yield return ("true", JsonValue.Create(true));
        yield return ("1e308", JsonNode.Parse("1e308"));
        yield return ("-1", JsonValue.Create(-1));
        yield return ("0", JsonValue.Create(0));
        yield return ("2^63", JsonNode.Parse("9223372036854775808"));
        yield return ("fraction", JsonValue.Create(1.5));
        if (original is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            yield return ("number for text", JsonValue.Create(12345));
        }
        else if (original is JsonValue)
        {
            yield return ("text for number", JsonValue.Create("一百"));
        }
    }

    private static readonly string[] WholeBodies = ["null", "[]", "{}", "\"\"", "0", "\"\\ud800\"", "{\"\\ud800\":1}", "{\"a\":{\"b\":[[[[[[[[[[]]]]]]]]]]}}", "{", "\u0000", new string('[', 1000) + new string(']', 1000)];

    [Fact]
    public async Task Sweep_EveryWriteEndpointEveryField_NoServerErrors()
    {
        var endpoints = DiscoverJsonBodyEndpoints();
        Assert.NotEmpty(endpoints);
        var samples = Samples();
        var missing = endpoints.Where(e => !samples.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0,
            $"No sample body for {string.Join(", ", missing)}: add one to {nameof(WriteEndpointFuzzTests)}.{nameof(Samples)} so the sweep covers it.");

        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var sample = samples[endpoint.Key];
            var body = JsonSerializer.SerializeToNode(sample.Body, ApiClient.Json)!;
            var baseline = await SendAsync(endpoint.Method, sample, body.ToJsonString());
            output.WriteLine($"{endpoint.Key}: sample answered {(int)baseline.StatusCode}");
            await CheckAsync(failures, endpoint, "sample", baseline);
            sent++;

            foreach (var whole in WholeBodies)
            {
                await CheckAsync(failures, endpoint, $"body {whole}", await SendAsync(endpoint.Method, sample, whole));
                sent++;
            }

            foreach (var (path, variant) in Variants(body))
            {
                await CheckAsync(failures, endpoint, path, await SendAsync(endpoint.Method, sample, RenderBytes(variant)));
                sent++;
            }
        }

        output.WriteLine($"{sent} requests to {endpoints.Count} endpoints");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join("\n", failures.Take(50))}");
    }

    [Fact]
    public async Task Sweep_RouteParameters_NoServerErrors()
    {
        string[] values = ["0", "-1", "99999999999999999999", "9223372036854775807", "%ED%A0%80", "%20"];
        var samples = Samples();
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in RouteEndpoints().Where(e => e.Endpoint.RoutePattern.Parameters.Count > 0))
        {
            var method = endpoint.Method;
            var sample = samples.GetValueOrDefault(endpoint.Key);
            var parameters = endpoint.Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            foreach (var client in new[] { fixture.Admin.Client, fixture.Anonymous })
            {
                foreach (var value in values)
                {
                    // Each parameter on its own (the others real where the sample knows them, else 1), then all at once.
                    var combinations = parameters.Select(p => (IReadOnlySet<string>)new HashSet<string> { p }).Append(parameters.ToHashSet());
                    foreach (var fuzzed in combinations)
                    {
                        var path = Fill(endpoint.Pattern, sample?.Path, fuzzed, value);
                        using var request = new HttpRequestMessage(new HttpMethod(method), path);
                        if (sample is not null)
                        {
                            request.Content = JsonBody(JsonSerializer.Serialize(sample.Body, ApiClient.Json));
                        }

                        await CheckAsync(failures, endpoint, $"route {path}", await client.SendAsync(request));
                        sent++;
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join("\n", failures.Take(50))}");
    }

    [Fact]
    public async Task Sweep_QueryValuesOnGetEndpoints_NoServerErrors()
    {
        string[] values = ["", "0", "-1", "99999999999999999999", "9223372036854775808", "1e308", "abc", "%ED%A0%80", "%00", new string('测', 5000)];
        var samples = Samples();
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in RouteEndpoints().Where(e => e.Method == "GET"))
        {
            var routeParameters = endpoint.Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = QueryParameters(endpoint.Endpoint).Where(p => !routeParameters.Contains(p)).ToList();
            if (query.Count == 0)
            {
                continue;
            }

            var path = Fill(endpoint.Pattern, samples.GetValueOrDefault(endpoint.Key)?.Path, new HashSet<string>(), "");
            foreach (var client in new[] { fixture.Admin.Client, fixture.Graduate.Client, fixture.Employer.Client })
            {
                foreach (var name in query)
                {
                    foreach (var value in values)
                    {
                        var encoded = value.StartsWith('%') ? value : Uri.EscapeDataString(value);
                        var url = $"{path}?{name}={encoded}&{name}={encoded}";
                        await CheckAsync(failures, endpoint, $"query {name}={(value.Length > 20 ? value[..20] + "…" : value)}", await client.GetAsync(url));
                        sent++;
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join("\n", failures.Take(50))}");
    }

    [Fact]
    public async Task CreateSeason_NullSlot_BadRequestNamingTheElement()
    {
        var response = await fixture.Organiser.Client.PostAsync("/api/fairs/seasons", JsonBody("""
            {"name":"2031 春季招聘季","region":"nanjing-metro","from":"2031-03-01","to":"2031-06-30","slots":[null]}
            """));

        var problem = await AssertValidationProblemAsync(response, "slots[0]");
        Assert.Equal("字段 slots[0] 不能为 null", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("""{"from":"2031-03-01","to":"2031-06-30","count":3,"hostCities":["南京",null]}""", "hostCities[1]")]
    [InlineData("""{"from":"2031-03-01","to":"2031-06-30","count":3,"avoidDates":[null]}""", "avoidDates[0]")]
    public async Task ProposeSeason_NullListElement_BadRequestNamingTheElement(string body, string field)
    {
        var response = await fixture.Organiser.Client.PostAsync("/api/fairs/seasons/proposal", JsonBody(body));

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task RegisterTeam_NullMember_BadRequestNamingTheElement()
    {
        var response = await fixture.NewGraduate.Client.PostAsync($"/api/fairs/{fixture.ContestId}/attendees",
            JsonBody("""{"teamName":"紫金队","projectName":"二手平台","members":[{"name":"李华","school":"东南大学"},null]}"""));

        await AssertValidationProblemAsync(response, "members[1]");
    }

    [Theory]
    [InlineData("/api/postings", """{"title":"Java\ud800开发"}""", "title", "字段 title 含有无效的字符（不成对的代理项）")]
    [InlineData("/api/postings", """{"title":"Java开发","skills":["Java","\udfff"]}""", "skills[1]", "字段 skills[1] 含有无效的字符（不成对的代理项）")]
    [InlineData("/api/fairs/seasons", """{"name":"季","slots":[{"date":"2031-03-14","venue":"\udc00馆"}]}""", "slots[0].venue",
        "字段 slots[0].venue 含有无效的字符（不成对的代理项）")]
    public async Task Write_UnpairedSurrogate_BadRequestNamingTheField(string path, string body, string field, string detail)
    {
        var response = await fixture.Organiser.Client.PostAsync(path, JsonBody(body));

        var problem = await AssertValidationProblemAsync(response, field);
        Assert.Equal(detail, (string)problem["detail"]!);
    }

    [Fact]
    public async Task CreatePosting_SurrogateAsRawBytes_BadRequestNamingTheField()
    {
        var body = JsonSerializer.SerializeToNode(ApiClient.ValidPosting(), ApiClient.Json)!;
        body["title"] = "焊" + RawSurrogateMarker + "工";
        var content = new ByteArrayContent(RenderBytes(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await fixture.Employer.Client.PostAsync("/api/postings", content);

        var problem = await AssertValidationProblemAsync(response, "title");
        Assert.Equal("字段 title 含有无效的字符（不是有效的 UTF-8）", (string)problem["detail"]!);
    }

    /// <summary>The input checks hook into the serializer; they must not cost the OpenAPI document its string types.</summary>
    [Fact]
    public async Task OpenApi_RequestSchemas_KeepTheirStringTypes()
    {
        var document = JsonNode.Parse(await fixture.Anonymous.GetStringAsync("/openapi/v1.json"))!;
        var posting = document["components"]!["schemas"]!["PostingRequest"]!["properties"]!;

        Assert.Contains("string", posting["title"]!["type"]!.ToJsonString());
        Assert.Equal("string", (string)posting["skills"]!["items"]!["type"]!);
    }

    [Fact]
    public async Task UpdateResume_UnpairedSurrogateInNestedObject_BadRequestAndResumeUnchanged()
    {
        var before = await (await fixture.Graduate.Client.GetAsync($"/api/resumes/{fixture.ResumeId}")).Content.ReadAsStringAsync();
        var resume = JsonSerializer.SerializeToNode(ApiClient.ValidResume(), ApiClient.Json)!;
        resume["experiences"]![0]!["organisation"] = SurrogateMarker + "d83d";

        var response = await fixture.Graduate.Client.PutAsync($"/api/resumes/{fixture.ResumeId}", JsonBody(Render(resume)));

        await AssertValidationProblemAsync(response, "experiences[0].organisation");
        var after = await (await fixture.Graduate.Client.GetAsync($"/api/resumes/{fixture.ResumeId}")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    /// <summary>The feed upload is a form, not JSON: its text fields and the file itself get the hostile values instead.</summary>
    [Fact]
    public async Task Sweep_FeedUploadFormAndFile_NoServerErrors()
    {
        var valid = Encoding.UTF8.GetBytes(Jobs.Tests.Imports.Feeds.FeedTestKit.Jsonl(Jobs.Tests.Imports.ImportTestKit.Rows("fz", 2, city: "扬州")));
        string[] texts = ["", " ", "0", "-1", "99999999999999999999", "null", "\ud800", new string('a', 100_000), "扬州\u0000", "../../etc/passwd"];
        byte[][] files =
        [
            [], "null"u8.ToArray(), "[]"u8.ToArray(), "{}"u8.ToArray(), "{\"title\":\"\\udfff\"}\n"u8.ToArray(), [0xFF, 0xFE, 0x7B, 0x00],
            [0xED, 0xA0, 0x80, 0x0A], [0x00, 0x00, 0x00], Encoding.UTF8.GetBytes("external_id,title\n" + new string('"', 5000)),
            Encoding.UTF8.GetBytes("{\"external_id\":1e308,\"headcount\":9223372036854775808,\"salary\":-1,\"skills\":[{},[]]}\n"),
        ];
        var failures = new List<string>();
        var endpoint = new Discovered("POST", "/api/imports", null!);
        foreach (var field in new[] { "city", "format", "encoding" })
        {
            foreach (var text in texts)
            {
                var form = new Dictionary<string, string> { ["city"] = "扬州", ["format"] = "jsonl", ["encoding"] = "utf-8", [field] = text };
                await CheckAsync(failures, endpoint, $"{field}={(text.Length > 20 ? text[..20] + "…" : text)}", await UploadAsync(form, valid));
            }
        }

        for (var i = 0; i < files.Length; i++)
        {
            await CheckAsync(failures, endpoint, $"file #{i}", await UploadAsync(new Dictionary<string, string> { ["city"] = "扬州" }, files[i]));
            await CheckAsync(failures, endpoint, $"file #{i} as gb18030 csv",
                await UploadAsync(new Dictionary<string, string> { ["city"] = "扬州", ["format"] = "csv", ["encoding"] = "gb18030" }, files[i]));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join("\n", failures.Take(50))}");
    }

    private async Task<HttpResponseMessage> UploadAsync(Dictionary<string, string> fields, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(file), "file", "feed.txt");
        return await fixture.Admin.Client.PostAsync("/api/imports", form);
    }

    [Fact]
    public async Task UploadFeed_LineWithUnpairedSurrogate_ThatLineRejectedRestImported()
    {
        var rows = Jobs.Tests.Imports.ImportTestKit.Rows("sq", 3, city: "镇江");
        rows[1]["title"] = "焊MARK工";
        var text = Jobs.Tests.Imports.Feeds.FeedTestKit.Jsonl(rows).Replace("MARK", "\\ud800", StringComparison.Ordinal);
        Assert.Contains("\\ud800", text);

        var response = await Jobs.Tests.Imports.ImportTestKit.UploadAsync(fixture.Admin, "镇江", Encoding.UTF8.GetBytes(text), "feed.jsonl");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        var report = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((2, 1), ((int)report["counts"]!["added"]!, (int)report["counts"]!["rejected"]!));
        var rejection = report["rejections"]!.AsArray().Single()!;
        Assert.Equal(2, (int)rejection["line"]!);
        Assert.Equal("该行含有无效的字符（不成对的代理项），无法读取", (string)rejection["reason"]!);
    }

    private static async Task<JsonObject> AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.True(problem["errors"]?[field] is JsonArray, $"errors should name {field}: {text}");
        return problem;
    }

    private List<Discovered> DiscoverJsonBodyEndpoints() =>
        RouteEndpoints()
            .Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Where(e => e.Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                .Any(a => a.ContentTypes.Any(t => t.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))))
            .ToList();

    private List<Discovered> RouteEndpoints()
    {
        var source = fixture.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Discovered(m, Normalise(e.RoutePattern.RawText!), e)))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><c>/api/fairs/{id:long}/booths/</c> → <c>/api/fairs/{id}/booths</c>, the form the sample table uses.</summary>
    private static string Normalise(string raw) => Regex.Replace(raw, @"\{\*{0,2}(\w+)[^}]*\}", "{$1}").TrimEnd('/');

    /// <summary>The pattern with <paramref name="fuzzed"/> parameters set to <paramref name="value"/>, the others as the sample has them (or 1).</summary>
    private static string Fill(string pattern, string? samplePath, IReadOnlySet<string> fuzzed, string value)
    {
        var patternSegments = pattern.Split('/');
        var sampleSegments = samplePath?.Split('/');
        for (var i = 0; i < patternSegments.Length; i++)
        {
            if (patternSegments[i] is ['{', .. var name, '}'])
            {
                patternSegments[i] = fuzzed.Contains(name) ? value : sampleSegments?.ElementAtOrDefault(i) ?? "1";
            }
        }

        return string.Join('/', patternSegments);
    }

    /// <summary>Parameters of the handler a client can set in the query string: simple values, not services or bodies.</summary>
    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (method is null)
        {
            return [];
        }

        static bool Simple(Type t)
        {
            t = Nullable.GetUnderlyingType(t) ?? t;
            if (t.IsArray)
            {
                t = t.GetElementType()!;
            }

            return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
                || t == typeof(DateTimeOffset) || t == typeof(Guid);
        }

        return method.GetParameters().Where(p => p.Name is not null && Simple(p.ParameterType)).Select(p => p.Name!);
    }

    /// <summary>The body with each node in turn replaced by each mutation, and each property or element in turn left out.</summary>
    private static IEnumerable<(string Path, JsonNode Body)> Variants(JsonNode body)
    {
        foreach (var (path, parent, key) in Nodes(body, "$"))
        {
            var original = key is string name ? parent.AsObject()[name] : parent.AsArray()[(int)key];
            foreach (var (mutation, value) in Mutations(original))
            {
                yield return ($"{path} = {mutation}", Replace(body, path, value));
            }

            yield return ($"{path} missing", Replace(body, path, null, remove: true));
        }
    }

    /// <summary>Every node below the root, with its parent and its key (a property name or an array index).</summary>
    private static IEnumerable<(string Path, JsonNode Parent, object Key)> Nodes(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    yield return ($"{path}.{name}", obj, name);
                    if (child is not null)
                    {
                        foreach (var nested in Nodes(child, $"{path}.{name}"))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return ($"{path}[{i}]", array, i);
                    if (array[i] is { } child)
                    {
                        foreach (var nested in Nodes(child, $"{path}[{i}]"))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
        }
    }

    private static JsonNode Replace(JsonNode body, string path, JsonNode? value, bool remove = false)
    {
        var copy = body.DeepClone();
        var (_, parent, key) = Nodes(copy, "$").Single(n => n.Path == path);
        switch (key)
        {
            case string name when remove:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent.AsObject()[name] = value?.DeepClone();
                break;
            case int index when remove:
                parent.AsArray().RemoveAt(index);
                break;
            case int index:
                parent.AsArray()[index] = value?.DeepClone();
                break;
        }

        return copy;
    }

    /// <summary>JSON text with the surrogate markers turned into raw escapes, which no JSON writer would produce.</summary>
    private static string Render(JsonNode body) =>
        Regex.Replace(body.ToJsonString(), Regex.Escape(JsonEncodedText.Encode(SurrogateMarker).ToString()) + "([0-9a-f]{4})", @"\u$1");

    private static readonly byte[] RawMarkerBytes = Encoding.UTF8.GetBytes(JsonEncodedText.Encode(RawSurrogateMarker).ToString());

    /// <summary>The body as bytes: <see cref="Render"/>, then the raw-surrogate marker swapped for bytes no encoder would write.</summary>
    private static byte[] RenderBytes(JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(Render(body));
        var at = bytes.AsSpan().IndexOf(RawMarkerBytes);
        return at < 0 ? bytes : [.. bytes.AsSpan(0, at), 0xED, 0xA0, 0x80, .. bytes.AsSpan(at + RawMarkerBytes.Length)];
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> SendAsync(string method, Sample sample, string json) => SendAsync(method, sample, Encoding.UTF8.GetBytes(json));

    private static async Task<HttpResponseMessage> SendAsync(string method, Sample sample, byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(new HttpMethod(method), sample.Path) { Content = content };
        return await sample.Client.SendAsync(request);
    }

    private static async Task CheckAsync(List<string> failures, Discovered endpoint, string what, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add($"{endpoint.Key} [{what}] → {status} {Shorten(text)}");
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{endpoint.Key} [{what}] → {status} not problem+json ({response.Content.Headers.ContentType}) {Shorten(text)}");
        }

        response.Dispose();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
