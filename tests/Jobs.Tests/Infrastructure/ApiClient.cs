using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jobs.Core.Common;

namespace Jobs.Tests.Infrastructure;

/// <summary>Signs accounts up and in through the public API, the way a client would.</summary>
public static class ApiClient
{
    private static int _counter;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JobsApiFactory, Task<SignedIn>> Reviewers = new();

    /// <summary>The password of every account the tests sign up: meets the policy (length, not common, not the email).</summary>
    public const string Password = "Lamp-Harbor-2026";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static string UniqueEmail(string prefix) => $"{prefix}.{Guid.NewGuid():N}@test.jobs";

    /// <summary>A valid unified social credit code that no other test uses.</summary>
    public static string UniqueCreditCode()
    {
        var n = Interlocked.Increment(ref _counter);
        var random = new Random(n * 7919 + Environment.ProcessId);
        return CreditCode.Create("320100", max => random.Next(max));
    }

    public static async Task<SignedIn> RegisterGraduateAsync(this JobsApiFactory factory)
    {
        var email = UniqueEmail("grad");
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email, password = Password, role = "graduate", displayName = "测试毕业生" });
        return await factory.SignInAfterSignUpAsync(response, email);
    }

    /// <summary>Sign-up answers 202 without a token whether or not the email was taken; a client then signs in.</summary>
    public static async Task<SignedIn> SignInAfterSignUpAsync(this JobsApiFactory factory, HttpResponseMessage signUp, string email,
        string password = Password)
    {
        Assert.True(signUp.StatusCode == HttpStatusCode.Accepted, $"Sign-up failed: {(int)signUp.StatusCode} {await signUp.Content.ReadAsStringAsync()}");
        return await factory.SignInAsync(email, password);
    }

    public static async Task<SignedIn> SignInAsync(this JobsApiFactory factory, string email, string password = Password)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        return await SignedIn.FromAsync(factory, response);
    }

    /// <summary>
    /// Signs an employer up; by default it is then verified through the real API (it submits its licence, an admin approves),
    /// as most tests are about what a verified employer does. Pass <paramref name="verified"/> false for an unverified one.
    /// </summary>
    public static async Task<SignedIn> RegisterEmployerAsync(this JobsApiFactory factory, string city = "南京", string name = "南京测试科技有限公司",
        bool verified = true, string? creditCode = null)
    {
        var email = UniqueEmail("hr");
        creditCode ??= UniqueCreditCode();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new
        {
            email,
            password = Password,
            role = "employer",
            company = new { name, creditCode, city, industry = "软件/互联网" },
        });
        var employer = await factory.SignInAfterSignUpAsync(response, email);
        if (verified)
        {
            await factory.VerifyEmployerAsync(employer, creditCode, name, city);
        }

        return employer;
    }

    /// <summary>The smallest valid PNG: an 8-byte signature and enough bytes to look like a picture.</summary>
    public static byte[] LicencePng { get; } =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00,
        0x00, 0x05, 0x00, 0x01, 0x7A, 0x5E, 0xAB, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
        0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>The employer's verification submission as a multipart form.</summary>
    public static MultipartFormDataContent VerificationForm(string creditCode, string legalName, string city, byte[]? licence = null,
        string fileName = "营业执照.png", string contentType = "image/png")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(creditCode), "creditCode" },
            { new StringContent(legalName), "legalName" },
            { new StringContent(city), "city" },
        };
        var file = new ByteArrayContent(licence ?? LicencePng);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "licence", fileName);
        return form;
    }

    /// <summary>Has an admin approve the employer's newest (pending) verification record, e.g. after a rename sent it back.</summary>
    public static async Task ApprovePendingVerificationAsync(this JobsApiFactory factory, long employerId)
    {
        var admin = await factory.SignInAdminAsync();
        var state = await (await admin.Client.GetAsync($"/api/employers/{employerId}/verification")).ReadObjectAsync();
        var newest = state["history"]!.AsArray()[0]!;
        Assert.Equal("pending", (string)newest["status"]!);
        var approved = await admin.Client.PostAsync($"/api/verifications/{(long)newest["id"]!}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    /// <summary>Submits the employer's licence and has an admin approve it; returns the submission's id.</summary>
    public static async Task<long> VerifyEmployerAsync(this JobsApiFactory factory, SignedIn employer, string creditCode, string name, string city)
    {
        var submitted = await employer.Client.PostAsync($"/api/employers/{employer.EmployerId}/verification", VerificationForm(creditCode, name, city));
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"Verification submission failed: {await submitted.Content.ReadAsStringAsync()}");
        var id = (long)(await submitted.ReadObjectAsync())["id"]!;
        // One admin sign-in per host (a PBKDF2 run each); signed in again if a test ended that session.
        var admin = await Reviewers.GetValue(factory, f => f.SignInAdminAsync());
        var approved = await admin.Client.PostAsync($"/api/verifications/{id}/approve", null);
        if (approved.StatusCode == HttpStatusCode.Unauthorized)
        {
            admin = await factory.SignInAdminAsync();
            Reviewers.AddOrUpdate(factory, Task.FromResult(admin));
            approved = await admin.Client.PostAsync($"/api/verifications/{id}/approve", null);
        }

        Assert.True(approved.StatusCode == HttpStatusCode.OK, $"Approval failed: {await approved.Content.ReadAsStringAsync()}");
        return id;
    }

    public static Task<SignedIn> SignInAdminAsync(this JobsApiFactory factory) =>
        factory.SignInAsync(JobsApiFactory.AdminEmail, JobsApiFactory.AdminPassword);

    public static async Task<SignedIn> CreateOrganiserAsync(this JobsApiFactory factory, string city)
    {
        var admin = await factory.SignInAdminAsync();
        var email = UniqueEmail("organiser");
        var created = await admin.Client.PostAsJsonAsync("/api/admin/organisers", new { email, password = Password, city });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await factory.SignInAsync(email);
    }

    public static object ValidPosting(string title = "Java开发工程师", string city = "南京") => new
    {
        title,
        description = "岗位职责：1. 负责后端服务开发；2. 参与系统设计。任职要求：本科及以上，熟悉 Spring Boot。五险一金，双休。",
        city,
        district = "建邺区",
        category = "软件/互联网",
        salaryMin = 10000,
        salaryMax = 15000,
        salaryMonths = 13,
        education = "本科",
        experience = "1-3年",
        headcount = 3,
        skills = new[] { "Java", "Spring Boot", "MySQL" },
    };

    public static object ValidResume(string visibility = "public", bool contactVisibleToEmployers = false, string phone = "13912345678") => new
    {
        fullName = "王小明",
        school = "南京大学",
        major = "计算机科学与技术",
        degree = "本科",
        graduationYear = 2026,
        skills = new[] { "Java", "Spring Boot" },
        preferredCities = new[] { "南京", "馬鞍山" },
        expectedSalaryMin = 8000,
        expectedSalaryMax = 12000,
        experiences = new[] { new { organisation = "南京云启软件科技有限公司", title = "后端开发实习生", start = "2025-07", end = "2025-09" } },
        selfIntroduction = "热爱编程，做过校园二手交易平台。",
        visibility,
        contactVisibleToEmployers,
        phone,
        email = "wangxm@example.com",
        idNumber = "11010519491231002X",
    };

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<long> CreatePostingAsync(this SignedIn employer, object? posting = null)
    {
        var response = await employer.Client.PostAsJsonAsync("/api/postings", posting ?? ValidPosting());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)(await response.ReadObjectAsync())["id"]!;
    }

    public static async Task<long> CreateResumeAsync(this SignedIn graduate, object? resume = null)
    {
        var response = await graduate.Client.PostAsJsonAsync("/api/resumes", resume ?? ValidResume());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)(await response.ReadObjectAsync())["id"]!;
    }
}

public sealed record SignedIn(HttpClient Client, long UserId, string Email, long? EmployerId, string AccessToken, string RefreshToken)
{
    public static async Task<SignedIn> FromAsync(JobsApiFactory factory, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Sign-up/in failed: {(int)response.StatusCode} {body}");
        var json = JsonNode.Parse(body)!;
        var client = factory.CreateClient();
        var accessToken = (string)json["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var user = json["user"]!;
        return new SignedIn(client, (long)user["id"]!, (string)user["email"]!, (long?)user["employerId"], accessToken, (string)json["refreshToken"]!);
    }
}
