using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Jobs.Tests.Privacy;

/// <summary>
/// Minimum necessary contact data: ID numbers never reach employers or organisers, lists never carry contact data, a single
/// view that shows it is recorded field by field for the graduate to see, and the columns are ciphertext on disk.
/// </summary>
public class ContactDataTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private const string IdNumber = "11010519491231002X";

    internal static string UniquePhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    internal static object Resume(string phone, string email, string visibility = "public", bool contactVisible = true) => new
    {
        fullName = "李思源", school = "南京大学", major = "计算机科学与技术", degree = "本科", graduationYear = 2026,
        skills = new[] { "Java", "Spring Boot" }, preferredCities = new[] { "南京" }, visibility, contactVisibleToEmployers = contactVisible,
        phone, email, idNumber = IdNumber, selfIntroduction = "做过校园二手交易平台的后端。",
    };

    private async Task<(SignedIn Graduate, long ResumeId, string Phone, string Email)> GraduateAsync(string visibility = "public", bool contactVisible = true)
    {
        var graduate = await factory.RegisterGraduateAsync();
        var phone = UniquePhone();
        var email = $"li.{Guid.NewGuid():N}@example.com";
        var id = await graduate.CreateResumeAsync(Resume(phone, email, visibility, contactVisible));
        return (graduate, id, phone, email);
    }

    private static async Task<long> ApplyAsync(SignedIn graduate, long postingId)
    {
        var apply = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "希望加入贵公司" });
        Assert.Equal(HttpStatusCode.Created, apply.StatusCode);
        return (long)(await apply.ReadObjectAsync())["id"]!;
    }

    /// <summary>Polls a search until the résumé is in the index (it refreshes on its own, in the background).</summary>
    private static async Task<string> SearchUntilFoundAsync(HttpClient client, string path, long resumeId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string text;
        do
        {
            text = await client.GetStringAsync(path);
        }
        while (!text.Contains($"\"id\":{resumeId},", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains($"\"id\":{resumeId},", text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public async Task IdNumber_EmployerAndOrganiser_NeverSeeItInAnyResponsePageOrSearch()
    {
        var (graduate, resumeId, phone, _) = await GraduateAsync();
        var employer = await factory.RegisterEmployerAsync(name: "南京身份证测试科技有限公司");
        var postingId = await employer.CreatePostingAsync();
        var applicationId = await ApplyAsync(graduate, postingId);
        var organiser = await factory.CreateOrganiserAsync("南京");

        var employerSite = new SiteClient(factory);
        await employerSite.SignInAsync(employer.Email, ApiClient.Password);
        var organiserSite = new SiteClient(factory);
        await organiserSite.SignInAsync(organiser.Email, ApiClient.Password);

        var texts = new List<(string Who, string Where, string Text)>();
        foreach (var path in new[]
                 {
                     $"/api/resumes/{resumeId}", $"/api/applications/{applicationId}", $"/api/postings/{postingId}/applications", "/api/resumes?pageSize=100",
                 })
        {
            texts.Add(("employer", path, await employer.Client.GetStringAsync(path)));
            texts.Add(("organiser", path, await organiser.Client.GetStringAsync(path)));
        }

        var search = "/api/resumes/search?q=" + Uri.EscapeDataString("Spring Boot") + "&pageSize=50";
        texts.Add(("employer", search, await SearchUntilFoundAsync(employer.Client, search, resumeId)));
        texts.Add(("organiser", search, await SearchUntilFoundAsync(organiser.Client, search, resumeId)));
        texts.Add(("employer", "matches", await SearchUntilFoundAsync(employer.Client, $"/api/postings/{postingId}/matches?pageSize=50", resumeId)));
        foreach (var page in new[]
                 {
                     $"/employer/applications/{applicationId}", $"/employer/resumes/{resumeId}", $"/employer/postings/{postingId}/applicants",
                     $"/employer/postings/{postingId}/candidates",
                 })
        {
            texts.Add(("employer", page, await employerSite.GetStringAsync(page)));
        }

        foreach (var (who, where, text) in texts)
        {
            Assert.False(text.Contains(IdNumber, StringComparison.OrdinalIgnoreCase), $"{who} saw the ID number at {where}");
        }

        // The employer applied to does get phone in the single views (and only there).
        Assert.Contains(phone, texts.Single(t => t.Who == "employer" && t.Where == $"/api/resumes/{resumeId}").Text, StringComparison.Ordinal);
        Assert.Contains(phone, texts.Single(t => t.Where == $"/employer/applications/{applicationId}").Text, StringComparison.Ordinal);

        // The owner and admins still see it.
        Assert.Equal(IdNumber, (string)JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/resume"))!["contact"]!["idNumber"]!);
        var admin = await factory.SignInAdminAsync();
        Assert.Equal(IdNumber, (string)JsonNode.Parse(await admin.Client.GetStringAsync($"/api/resumes/{resumeId}"))!["contact"]!["idNumber"]!);
    }

    [Fact]
    public async Task Lists_EntitledEmployer_CarryNoContactData()
    {
        var (graduate, resumeId, phone, email) = await GraduateAsync();
        var employer = await factory.RegisterEmployerAsync(name: "南京列表测试科技有限公司");
        var postingId = await employer.CreatePostingAsync();
        await ApplyAsync(graduate, postingId);

        var lists = new[]
        {
            await employer.Client.GetStringAsync("/api/resumes?pageSize=100"),
            await employer.Client.GetStringAsync($"/api/postings/{postingId}/applications"),
            await SearchUntilFoundAsync(employer.Client, "/api/resumes/search?q=" + Uri.EscapeDataString("计算机") + "&pageSize=50", resumeId),
            await SearchUntilFoundAsync(employer.Client, $"/api/postings/{postingId}/matches?pageSize=50", resumeId),
        };
        foreach (var text in lists)
        {
            Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(email, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"phone\":\"", text, StringComparison.Ordinal);
        }

        var applicant = JsonNode.Parse(lists[1])!["items"]!.AsArray().Single()!["resume"]!;
        Assert.Null(applicant["contact"]);
        Assert.Contains("列表和搜索结果不显示联系方式", (string)applicant["contactNotice"]!, StringComparison.Ordinal);

        // Lists reveal nothing, so nothing was recorded.
        var views = JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/contact-views"))!;
        Assert.Equal(0, (int)views["total"]!);
    }

    [Fact]
    public async Task Reveal_EmployerOpensResumeAndApplication_OneRecordPerFieldPerResponseTheOwnerSees()
    {
        var (graduate, resumeId, _, _) = await GraduateAsync(visibility: "hidden", contactVisible: false);
        var employer = await factory.RegisterEmployerAsync(name: "南京记录测试科技有限公司");
        var postingId = await employer.CreatePostingAsync();
        var applicationId = await ApplyAsync(graduate, postingId);

        Assert.Equal(HttpStatusCode.OK, (await employer.Client.GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        var views = JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/contact-views"))!;
        Assert.Equal(2, (int)views["total"]!);
        var items = views["items"]!.AsArray();
        Assert.Equal(["email", "phone"], items.Select(i => (string)i!["field"]!).Order());
        Assert.All(items, i =>
        {
            Assert.Equal("南京记录测试科技有限公司", (string)i!["viewer"]!);
            Assert.Equal($"/api/resumes/{resumeId}", (string)i["where"]!);
            Assert.Equal("简历详情（接口）", (string)i["whereLabel"]!);
            Assert.Equal(employer.EmployerId, (long)i["employerId"]!);
            Assert.Null(i["viewerUserId"]);
        });
        Assert.Contains(items, i => (string)i!["fieldLabel"]! == "手机号");

        // The owner reading their own résumé writes nothing; an application opened on the site writes two more, newest first.
        await graduate.Client.GetStringAsync($"/api/resumes/{resumeId}");
        var site = new SiteClient(factory);
        await site.SignInAsync(employer.Email, ApiClient.Password);
        await site.GetStringAsync($"/employer/applications/{applicationId}");
        views = JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/contact-views"))!;
        Assert.Equal(4, (int)views["total"]!);
        Assert.Equal($"/employer/applications/{applicationId}", (string)views["items"]![0]!["where"]!);
        Assert.Equal("投递详情（网页）", (string)views["items"]![0]!["whereLabel"]!);

        // The graduate's page lists them.
        var graduateSite = new SiteClient(factory);
        await graduateSite.SignInAsync(graduate.Email, ApiClient.Password);
        var page = await graduateSite.GetStringAsync("/me/contact-views");
        Assert.Contains("南京记录测试科技有限公司", page, StringComparison.Ordinal);
        Assert.Contains("投递详情（网页）", page, StringComparison.Ordinal);
        Assert.Contains("共 4 条记录", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/contact-views\"", await graduateSite.GetStringAsync("/me/resume"), StringComparison.Ordinal);

        // Admins audit by employer; nobody else may.
        var admin = await factory.SignInAdminAsync();
        var audit = JsonNode.Parse(await admin.Client.GetStringAsync($"/api/admin/contact-views?employerId={employer.EmployerId}"))!;
        Assert.Equal(4, (int)audit["total"]!);
        Assert.NotNull(audit["items"]![0]!["viewerUserId"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.GetAsync($"/api/admin/contact-views?employerId={employer.EmployerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/admin/contact-views")).StatusCode);
    }

    // SQLite only: it reads the raw database file and its WAL byte by byte.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task RawDatabase_AfterResumeSaved_HoldsNoPlaintextContact()
    {
        var (_, resumeId, phone, email) = await GraduateAsync();
        // Force the write-ahead log into the main file, then read both, bytes and columns.
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = $"SELECT ContactPhone, ContactEmail, ContactIdNumber FROM Resumes WHERE Id = {resumeId}";
            await using (var reader = await command.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                for (var i = 0; i < 3; i++)
                {
                    var stored = reader.GetString(i);
                    Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
                    Assert.DoesNotContain(phone, stored, StringComparison.Ordinal);
                }
            }

            var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(FULL);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.Equal(-1, IndexOf(bytes, Encoding.UTF8.GetBytes(phone)));
            Assert.Equal(-1, IndexOf(bytes, Encoding.UTF8.GetBytes(email)));
        }
    }

    [Fact]
    public async Task Restart_NewHostOnSameFolder_StillDecrypts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string email;
            var phone = UniquePhone();
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var graduate = await first.RegisterGraduateAsync();
                email = graduate.Email;
                await graduate.CreateResumeAsync(Resume(phone, "restart@example.com"));
            }

            using var second = JobsApiFactory.OverFolder(folder);
            var back = await second.SignInAsync(email);
            var contact = JsonNode.Parse(await back.Client.GetStringAsync("/api/me/resume"))!["contact"]!;
            Assert.Equal((phone, "restart@example.com", IdNumber), ((string)contact["phone"]!, (string)contact["email"]!, (string)contact["idNumber"]!));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
