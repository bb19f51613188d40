using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Matching;

/// <summary>
/// A small world for two-sided matching, created through the API: the same Java posting in Nanjing, Ma'anshan, Chuzhou and
/// Huai'an; Java postings that break a hard rule (硕士 required, closed) or ask for years of experience; an accounting
/// posting; and graduates on the other side, including a hidden résumé and one below the degree requirement.
/// </summary>
public sealed class MatchingFixture : JobsApiFactory, IAsyncLifetime
{
    public Dictionary<string, long> Postings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Resumes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SignedIn> Employers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SignedIn> Graduates { get; } = new(StringComparer.Ordinal);

    public static object JavaPosting(string city, string education = "本科", string experience = "应届生", string title = "Java开发工程师") => new
    {
        title,
        description = "负责公司核心业务系统的后端开发，使用 Java 和 Spring Boot 构建微服务，参与数据库设计与性能优化。欢迎应届毕业生。",
        city,
        category = "软件/互联网",
        salaryMin = 9000,
        salaryMax = 13000,
        education,
        experience,
        headcount = 3,
        skills = new[] { "Java", "Spring Boot", "MySQL" },
    };

    public static object Resume(string major, string degree, string[] skills, string[] cities, string visibility = "public",
        string[]? desiredTitles = null, int expectedMin = 8000, int expectedMax = 12000) => new
        {
            fullName = "李同学",
            school = "南京工业大学",
            major,
            degree,
            graduationYear = 2026,
            skills,
            desiredTitles = desiredTitles ?? [],
            preferredCities = cities,
            expectedSalaryMin = expectedMin,
            expectedSalaryMax = expectedMax,
            selfIntroduction = "在校期间参与过多个课程项目，做事认真。",
            visibility,
            contactVisibleToEmployers = false,
            phone = "13812345678",
            email = $"li.{Guid.NewGuid():N}@example.com",
        };

    public async Task InitializeAsync()
    {
        foreach (var (key, city) in new[] { ("nj", "南京"), ("mas", "马鞍山"), ("cz", "滁州"), ("ha", "淮安") })
        {
            Employers[key] = await this.RegisterEmployerAsync(city, $"{city}启航软件有限公司");
        }

        Postings["java-nj"] = await Employers["nj"].CreatePostingAsync(JavaPosting("南京"));
        Postings["java-mas"] = await Employers["mas"].CreatePostingAsync(JavaPosting("马鞍山"));
        Postings["java-cz"] = await Employers["cz"].CreatePostingAsync(JavaPosting("滁州"));
        Postings["java-ha"] = await Employers["ha"].CreatePostingAsync(JavaPosting("淮安"));
        Postings["java-nj-master"] = await Employers["nj"].CreatePostingAsync(JavaPosting("南京", education: "硕士", title: "Java架构师"));
        Postings["java-nj-senior"] = await Employers["nj"].CreatePostingAsync(JavaPosting("南京", experience: "5-10年", title: "高级Java开发工程师"));
        Postings["java-nj-closed"] = await Employers["nj"].CreatePostingAsync(JavaPosting("南京", title: "Java后端开发"));
        Postings["accountant-nj"] = await Employers["nj"].CreatePostingAsync(new
        {
            title = "会计",
            description = "负责日常账务处理、凭证录入、月末结账和纳税申报，熟练使用用友或金蝶财务软件。",
            city = "南京",
            category = "金融/保险",
            salaryMin = 6000,
            salaryMax = 8000,
            education = "大专",
            experience = "不限",
            headcount = 1,
            skills = new[] { "用友", "金蝶", "初级会计" },
        });
        var closed = await Employers["nj"].Client.PostAsync($"/api/postings/{Postings["java-nj-closed"]}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        await AddGraduateAsync("java-nj", Resume("计算机科学与技术", "本科", ["Java", "Spring Boot", "MySQL"], ["南京"], desiredTitles: ["Java开发工程师"]));
        await AddGraduateAsync("java-ha", Resume("软件工程", "本科", ["Java", "Spring Boot", "MySQL"], ["淮安"]));
        await AddGraduateAsync("java-associate", Resume("软件技术", "大专", ["Java", "Spring Boot", "MySQL"], ["南京"]));
        await AddGraduateAsync("java-hidden", Resume("计算机科学与技术", "本科", ["Java", "Spring Boot", "MySQL"], ["南京"], visibility: "hidden"));
        await AddGraduateAsync("accounting", Resume("会计学", "本科", ["用友", "金蝶", "Excel"], ["南京"], desiredTitles: ["会计"]));

        await WaitUntilSearchableAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task<JsonObject> GetAsync(SignedIn who, string path)
    {
        var response = await who.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public string KeyOfPosting(long id) => Postings.Single(p => p.Value == id).Key;

    public string KeyOfResume(long id) => Resumes.Single(p => p.Value == id).Key;

    private async Task AddGraduateAsync(string key, object resume)
    {
        var graduate = await this.RegisterGraduateAsync();
        Graduates[key] = graduate;
        var response = await graduate.Client.PostAsJsonAsync("/api/resumes", resume);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Resumes[key] = (long)JsonNode.Parse(body)!["id"]!;
    }

    /// <summary>The index refreshes near-real-time; match only once every open posting and visible résumé is searchable.</summary>
    private async Task WaitUntilSearchableAsync()
    {
        var admin = await this.SignInAdminAsync();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var postings = (int)(await GetAsync(admin, "/api/postings/search?pageSize=1"))["total"]!;
            var resumes = (int)(await GetAsync(admin, "/api/resumes/search?pageSize=1"))["total"]!;
            if (postings == 7 && resumes == 4)
            {
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"search sees {postings} postings and {resumes} résumés");
            await Task.Delay(100);
        }
    }
}
