using System.Net;
using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Api;

/// <summary>The people who act on the platform, created once through the API for the matrix.</summary>
public sealed class MatrixFixture : JobsApiFactory, IAsyncLifetime
{
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public SignedIn EmployerA { get; private set; } = null!;

    public SignedIn Graduate { get; private set; } = null!;

    public long GraduateResumeId { get; private set; }

    public async Task InitializeAsync()
    {
        // The code the PUT row sends: an unchanged identity keeps employer A verified (a change would hold its postings).
        EmployerA = await this.RegisterEmployerAsync("南京", "南京甲科技有限公司", creditCode: "91350100M000100Y43");
        var employerB = await this.RegisterEmployerAsync("芜湖", "芜湖乙制造有限公司");
        Graduate = await this.RegisterGraduateAsync();
        GraduateResumeId = await Graduate.CreateResumeAsync(ApiClient.ValidResume(visibility: "employersOnly"));
        Clients["anonymous"] = CreateClient();
        Clients["graduate"] = Graduate.Client;
        Clients["otherGraduate"] = (await this.RegisterGraduateAsync()).Client;
        Clients["employerA"] = EmployerA.Client;
        Clients["employerB"] = employerB.Client;
        Clients["organiserNanjing"] = (await this.CreateOrganiserAsync("南京")).Client;
        Clients["organiserWuhu"] = (await this.CreateOrganiserAsync("芜湖")).Client;
        Clients["admin"] = (await this.SignInAdminAsync()).Client;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>Who may do what, for every endpoint: each row is one role calling one endpoint on employer A's data.</summary>
public class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        void Row(string endpoint, params (string Role, int Status)[] cells)
        {
            foreach (var (role, status) in cells)
            {
                data.Add(endpoint, role, status);
            }
        }

        Row("GET /api/postings", ("anonymous", 200), ("graduate", 200), ("employerB", 200), ("organiserWuhu", 200), ("admin", 200));
        Row("GET /api/postings/{id}", ("anonymous", 200), ("graduate", 200), ("employerB", 200), ("admin", 200));
        Row("POST /api/postings", ("anonymous", 401), ("graduate", 403), ("employerA", 201), ("employerB", 403),
            ("organiserNanjing", 201), ("organiserWuhu", 403), ("admin", 201));
        Row("PUT /api/postings/{id}", ("anonymous", 401), ("graduate", 403), ("employerA", 200), ("employerB", 403),
            ("organiserNanjing", 200), ("organiserWuhu", 403), ("admin", 200));
        Row("POST /api/postings/{id}/close", ("anonymous", 401), ("graduate", 403), ("employerA", 200), ("employerB", 403),
            ("organiserNanjing", 200), ("organiserWuhu", 403), ("admin", 200));
        Row("POST /api/postings/{id}/applications", ("anonymous", 401), ("graduate", 201), ("employerA", 403),
            ("organiserNanjing", 403), ("admin", 403));
        Row("GET /api/postings/{id}/applications", ("anonymous", 401), ("graduate", 403), ("employerA", 200), ("employerB", 403),
            ("organiserNanjing", 200), ("organiserWuhu", 403), ("admin", 200));
        Row("GET /api/resumes", ("anonymous", 200), ("graduate", 200), ("employerA", 200), ("organiserWuhu", 200), ("admin", 200));
        Row("GET /api/resumes/{id}", ("anonymous", 404), ("otherGraduate", 404), ("graduate", 200), ("employerB", 200),
            ("organiserWuhu", 200), ("admin", 200));
        Row("POST /api/resumes", ("anonymous", 401), ("otherGraduate", 201), ("graduate", 409), ("employerA", 403),
            ("organiserNanjing", 403), ("admin", 403));
        Row("PUT /api/resumes/{id}", ("anonymous", 401), ("graduate", 200), ("otherGraduate", 403), ("employerA", 403),
            ("organiserNanjing", 403), ("admin", 200));
        Row("PUT /api/employers/{id}", ("anonymous", 401), ("graduate", 403), ("employerA", 200), ("employerB", 403),
            ("organiserNanjing", 403), ("admin", 200));
        Row("GET /api/employers/{id}", ("anonymous", 200), ("employerB", 200));
        Row("POST /api/admin/organisers", ("anonymous", 401), ("graduate", 403), ("employerA", 403), ("organiserNanjing", 403), ("admin", 201));
        Row("GET /api/me", ("anonymous", 401), ("graduate", 200), ("employerA", 200), ("organiserNanjing", 200), ("admin", 200));
        Row("GET /api/me/applications", ("anonymous", 401), ("graduate", 200));
        // The matrix résumé is employers-only: another graduate cannot read it, and unreadable looks like missing.
        Row("GET /api/resumes/{id}/matches", ("anonymous", 401), ("graduate", 200), ("otherGraduate", 404), ("employerA", 403),
            ("organiserWuhu", 200), ("admin", 200));
        Row("GET /api/postings/{id}/matches", ("anonymous", 401), ("graduate", 403), ("employerA", 200), ("employerB", 403),
            ("organiserWuhu", 200), ("admin", 200));
        Row("POST /api/me/alerts", ("anonymous", 401), ("otherGraduate", 201), ("employerA", 403), ("organiserNanjing", 403), ("admin", 403));
        Row("GET /api/me/alerts", ("anonymous", 401), ("graduate", 200), ("employerA", 200));
        Row("GET /api/me/notifications", ("anonymous", 401), ("graduate", 200), ("employerA", 200), ("admin", 200));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_Role_AnswersExpectedStatus(string endpoint, string role, int expected)
    {
        var client = fixture.Clients[role];
        // A fresh posting per row, so closing or applying in one row cannot change another row's answer.
        var postingId = await fixture.EmployerA.CreatePostingAsync();
        var response = await SendAsync(endpoint, client, postingId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{role} {endpoint}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string endpoint, HttpClient client, long postingId)
    {
        var employerA = fixture.EmployerA.EmployerId!.Value;
        var postingForA = new Dictionary<string, object?>
        {
            ["title"] = "测试工程师", ["description"] = "负责软件测试。五险一金。", ["city"] = "南京", ["salaryMin"] = 6000,
            ["salaryMax"] = 9000, ["employerId"] = employerA,
        };
        return endpoint switch
        {
            "GET /api/postings" => await client.GetAsync("/api/postings"),
            "GET /api/postings/{id}" => await client.GetAsync($"/api/postings/{postingId}"),
            "POST /api/postings" => await client.PostAsJsonAsync("/api/postings", postingForA),
            "PUT /api/postings/{id}" => await client.PutAsJsonAsync($"/api/postings/{postingId}", Without(postingForA, "employerId")),
            "POST /api/postings/{id}/close" => await client.PostAsync($"/api/postings/{postingId}/close", null),
            "POST /api/postings/{id}/applications" => await client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "您好" }),
            "GET /api/postings/{id}/applications" => await client.GetAsync($"/api/postings/{postingId}/applications"),
            "GET /api/resumes" => await client.GetAsync("/api/resumes"),
            "GET /api/resumes/{id}" => await client.GetAsync($"/api/resumes/{fixture.GraduateResumeId}"),
            "POST /api/resumes" => await client.PostAsJsonAsync("/api/resumes", ApiClient.ValidResume()),
            "PUT /api/resumes/{id}" => await client.PutAsJsonAsync($"/api/resumes/{fixture.GraduateResumeId}", ApiClient.ValidResume(visibility: "employersOnly")),
            "PUT /api/employers/{id}" => await client.PutAsJsonAsync($"/api/employers/{employerA}", new
            {
                name = "南京甲科技有限公司", creditCode = "91350100M000100Y43", city = "南京", industry = "软件/互联网", size = "100-499人",
            }),
            "GET /api/employers/{id}" => await client.GetAsync($"/api/employers/{employerA}"),
            "POST /api/admin/organisers" => await client.PostAsJsonAsync("/api/admin/organisers",
                new { email = ApiClient.UniqueEmail("org"), password = ApiClient.Password, city = "扬州" }),
            "GET /api/me" => await client.GetAsync("/api/me"),
            "GET /api/me/applications" => await client.GetAsync("/api/me/applications"),
            "GET /api/resumes/{id}/matches" => await client.GetAsync($"/api/resumes/{fixture.GraduateResumeId}/matches"),
            "GET /api/postings/{id}/matches" => await client.GetAsync($"/api/postings/{postingId}/matches"),
            "POST /api/me/alerts" => await client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", q = "测试" }),
            "GET /api/me/alerts" => await client.GetAsync("/api/me/alerts"),
            "GET /api/me/notifications" => await client.GetAsync("/api/me/notifications"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
        };
    }

    private static Dictionary<string, object?> Without(Dictionary<string, object?> source, string key)
    {
        var copy = new Dictionary<string, object?>(source);
        copy.Remove(key);
        return copy;
    }
}
