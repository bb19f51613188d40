using System.Net;
using System.Net.Http.Json;
using Jobs.Core.Fairs;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Web;

/// <summary>A few known postings, a closed one, and a fair with one allocated exhibitor, for the public pages' tests.</summary>
public sealed class PublicSiteFixture : JobsApiFactory, IAsyncLifetime
{
    public const string ScriptTitle = "<script>alert(1)</script>测试工程师";

    public SignedIn Nanjing { get; private set; } = null!;

    public SignedIn Maanshan { get; private set; } = null!;

    public long JavaId { get; private set; }

    public long ForkliftNanjingId { get; private set; }

    public long ForkliftMaanshanId { get; private set; }

    public long AccountantId { get; private set; }

    public long ScriptId { get; private set; }

    public long ClosedId { get; private set; }

    public long FairId { get; private set; }

    public Task InitializeAsync() => SeedAsync(this);

    /// <summary>Seeds the same data into any host (the browser tests use a real-socket one).</summary>
    public static async Task SeedAsync(JobsApiFactory factory, PublicSiteFixture? into = null)
    {
        into ??= factory as PublicSiteFixture;
        var nanjing = await factory.RegisterEmployerAsync("南京", "南京云启软件科技有限公司");
        var maanshan = await factory.RegisterEmployerAsync("马鞍山", "马鞍山华钢物流有限公司");
        var java = await nanjing.CreatePostingAsync(ApiClient.ValidPosting());
        var forkliftNanjing = await nanjing.CreatePostingAsync(Posting("叉车司机", "南京", "江宁区", "持叉车证，负责仓库货物装卸。包吃住，月休四天。", 6000, 8000));
        var forkliftMaanshan = await maanshan.CreatePostingAsync(Posting("叉车司机", "马鞍山", "雨山区", "厂内叉车驾驶，持证上岗。", 5500, 7000));
        var accountant = await maanshan.CreatePostingAsync(Posting("会计", "马鞍山", "花山区", "负责公司账务处理、纳税申报。", 5000, 7000));
        var script = await nanjing.CreatePostingAsync(Posting(ScriptTitle, "南京", "鼓楼区", "负责软件测试，<b>加粗</b>不是标记。", 8000, 12000));
        var closed = await nanjing.CreatePostingAsync(Posting("Java开发工程师（已招满）", "南京", "建邺区", "负责后端服务开发，Java 与 Spring Boot。", 10000, 15000));
        Assert.Equal(HttpStatusCode.OK, (await nanjing.Client.PostAsync($"/api/postings/{closed}/close", null)).StatusCode);
        for (var i = 0; i < 22; i++)
        {
            // One line each, so search does not fold them as copies of one posting.
            await maanshan.CreatePostingAsync(Posting($"质检员（{i + 1} 号线）", "滁州", "南谯区", $"负责来料与成品检验，第 {i + 1} 条线。", 4500, 6500));
        }

        var organiser = await factory.CreateOrganiserAsync("南京");
        var fair = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, title: "南京秋季高校毕业生招聘会"));
        var applied = await nanjing.Client.PostAsJsonAsync($"/api/fairs/{fair}/booths", new { postingIds = new[] { java, forkliftNanjing } });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var application = (long)(await applied.ReadObjectAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PostAsync($"/api/fairs/{fair}/booths/{application}/approve", null)).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            // Booths are numbered when the employer window closes; run that step now instead of moving the shared clock.
            Assert.True(await scope.ServiceProvider.GetRequiredService<BoothService>().AllocateAsync(fair, CancellationToken.None));
        }

        if (into is not null)
        {
            into.Nanjing = nanjing;
            into.Maanshan = maanshan;
            into.JavaId = java;
            into.ForkliftNanjingId = forkliftNanjing;
            into.ForkliftMaanshanId = forkliftMaanshan;
            into.AccountantId = accountant;
            into.ScriptId = script;
            into.ClosedId = closed;
            into.FairId = fair;
        }
    }

    public static Dictionary<string, object?> Posting(string title, string city, string district, string description, int min, int max) => new()
    {
        ["title"] = title, ["description"] = description, ["city"] = city, ["district"] = district, ["salaryMin"] = min,
        ["salaryMax"] = max, ["education"] = "不限", ["experience"] = "不限", ["headcount"] = 2,
    };

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
