using System.Net;
using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Api;

public class ResumeTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private const string Phone = "13912345678";

    private async Task<(SignedIn Graduate, long ResumeId, string Phone)> GraduateWithResumeAsync(string visibility, bool contactVisible = false)
    {
        var graduate = await factory.RegisterGraduateAsync();
        // A phone unique to this résumé, so a leak in a list can be traced to it.
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var id = await graduate.CreateResumeAsync(ApiClient.ValidResume(visibility, contactVisible, phone));
        return (graduate, id, phone);
    }

    [Fact]
    public async Task Get_PublicResumeAnonymously_NeverShowsContactOrFullName()
    {
        var (_, id, phone) = await GraduateWithResumeAsync("public", contactVisible: true);
        var response = await factory.CreateClient().GetAsync($"/api/resumes/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wangxm@example.com", text, StringComparison.Ordinal);
        var json = await response.ReadObjectAsync();
        Assert.False((bool)json["contactVisible"]!);
        Assert.Null(json["contact"]);
        Assert.Equal("王同学", (string)json["fullName"]!);
    }

    [Fact]
    public async Task List_Anonymously_NeverShowsAnyPhone()
    {
        var (_, _, phone) = await GraduateWithResumeAsync("public", contactVisible: true);
        var text = await factory.CreateClient().GetStringAsync("/api/resumes?pageSize=100");
        Assert.Contains("南京大学", text, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"phone\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EmployerWithoutApplication_SeesResumeButNotContact()
    {
        var (_, id, phone) = await GraduateWithResumeAsync("employersOnly");
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.GetAsync($"/api/resumes/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        Assert.Equal("王小明", (string)(await response.ReadObjectAsync())["fullName"]!);
    }

    [Fact]
    public async Task Get_EmployerAfterGraduateApplied_SeesContact()
    {
        var (graduate, id, phone) = await GraduateWithResumeAsync("hidden");
        var employer = await factory.RegisterEmployerAsync();
        var other = await factory.RegisterEmployerAsync(name: "南京旁观者有限公司");
        var postingId = await employer.CreatePostingAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await employer.Client.GetAsync($"/api/resumes/{id}")).StatusCode);
        var apply = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "希望加入贵公司" });
        Assert.Equal(HttpStatusCode.Created, apply.StatusCode);

        var seen = await (await employer.Client.GetAsync($"/api/resumes/{id}")).ReadObjectAsync();
        Assert.Equal(phone, (string)seen["contact"]!["phone"]!);
        // ID numbers never go to employers, even those applied to.
        Assert.Null(seen["contact"]!["idNumber"]);

        // Lists never carry contact data; they say where to find it.
        var applicants = await (await employer.Client.GetAsync($"/api/postings/{postingId}/applications")).ReadObjectAsync();
        Assert.Null(applicants["items"]![0]!["resume"]!["contact"]);
        Assert.Contains("单份简历", (string)applicants["items"]![0]!["resume"]!["contactNotice"]!, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/resumes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync($"/api/postings/{postingId}/applications")).StatusCode);
    }

    [Fact]
    public async Task Get_ContactOpenedToEmployers_EmployerSeesItOrganiserDoesNot()
    {
        var (_, id, phone) = await GraduateWithResumeAsync("employersOnly", contactVisible: true);
        var employer = await factory.RegisterEmployerAsync();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var forEmployer = await (await employer.Client.GetAsync($"/api/resumes/{id}")).ReadObjectAsync();
        Assert.Equal(phone, (string)forEmployer["contact"]!["phone"]!);
        var forOrganiser = await organiser.Client.GetStringAsync($"/api/resumes/{id}");
        Assert.DoesNotContain(phone, forOrganiser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OwnerAndAdmin_SeeContact()
    {
        var (graduate, id, phone) = await GraduateWithResumeAsync("hidden");
        var mine = await (await graduate.Client.GetAsync("/api/me/resume")).ReadObjectAsync();
        Assert.Equal(phone, (string)mine["contact"]!["phone"]!);
        var admin = await factory.SignInAdminAsync();
        var forAdmin = await (await admin.Client.GetAsync($"/api/resumes/{id}")).ReadObjectAsync();
        Assert.Equal(phone, (string)forAdmin["contact"]!["phone"]!);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400PerField()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var response = await graduate.Client.PostAsJsonAsync("/api/resumes", new
        {
            fullName = "李雷",
            school = "",
            major = "软件工程",
            degree = "幼儿园",
            graduationYear = 1900,
            preferredCities = new[] { "南京", "深圳" },
            expectedSalaryMin = 9000,
            expectedSalaryMax = 5000,
            experiences = new[] { new { organisation = "某公司", title = "实习生", start = "2025年7月" } },
            visibility = "friends",
            phone = "12345",
            email = "bad@",
            idNumber = "110105194912310021",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(
            new[] { "degree", "email", "expectedSalaryMax", "experiences[0].start", "graduationYear", "idNumber", "phone", "preferredCities[1]", "school", "visibility" },
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_TraditionalCityPreference_StoresCityCodes()
    {
        var (graduate, _, _) = await GraduateWithResumeAsync("public");
        var mine = await (await graduate.Client.GetAsync("/api/me/resume")).ReadObjectAsync();
        Assert.Equal(["nanjing", "maanshan"], mine["preferredCities"]!.AsArray().Select(c => (string)c!["code"]!));
    }

    [Fact]
    public async Task Apply_Twice_SecondIs409()
    {
        var (graduate, _, _) = await GraduateWithResumeAsync("public");
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        Assert.Equal(HttpStatusCode.Created, (await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { })).StatusCode);
        var mine = await graduate.Client.GetFromJsonAsync<List<object>>("/api/me/applications");
        Assert.Single(mine!);
    }

    [Fact]
    public async Task Apply_ClosedPosting_Is409()
    {
        var (graduate, _, _) = await GraduateWithResumeAsync("public");
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        await employer.Client.PostAsync($"/api/postings/{postingId}/close", null);
        var response = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
