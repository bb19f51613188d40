using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Privacy;

/// <summary>A host whose employers may see the contact data of two graduates a day.</summary>
public sealed class LowRevealLimitFactory : JobsApiFactory
{
    public const int Limit = 2;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Privacy:ContactRevealsPerDay", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>The daily cap on graduates whose contact data one employer may see, the flag it raises, and an admin clearing it.</summary>
public class ContactHarvestingTests(LowRevealLimitFactory factory) : IClassFixture<LowRevealLimitFactory>
{
    /// <summary>Graduates who opened their contact data to employers, so any employer may open it without an application.</summary>
    private async Task<List<(SignedIn Graduate, long ResumeId, string Phone)>> OpenGraduatesAsync(int count)
    {
        var list = new List<(SignedIn, long, string)>();
        for (var i = 0; i < count; i++)
        {
            var graduate = await factory.RegisterGraduateAsync();
            var phone = ContactDataTests.UniquePhone();
            list.Add((graduate, await graduate.CreateResumeAsync(ContactDataTests.Resume(phone, $"g{i}.{Guid.NewGuid():N}@example.com")), phone));
        }

        return list;
    }

    private static async Task<JsonNode> OpenAsync(SignedIn employer, long resumeId)
    {
        var response = await employer.Client.GetAsync($"/api/resumes/{resumeId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Reveal_MoreGraduatesThanTheDailyLimit_StopsAtLimitPlusOneFlagsAndStaysStoppedUntilCleared()
    {
        var graduates = await OpenGraduatesAsync(LowRevealLimitFactory.Limit + 1);
        var employer = await factory.RegisterEmployerAsync(name: "南京批量查看测试有限公司");

        for (var i = 0; i < LowRevealLimitFactory.Limit; i++)
        {
            Assert.Equal(graduates[i].Phone, (string)(await OpenAsync(employer, graduates[i].ResumeId))["contact"]!["phone"]!);
        }

        // Opening one already seen today costs nothing.
        Assert.NotNull((await OpenAsync(employer, graduates[0].ResumeId))["contact"]);

        var over = await OpenAsync(employer, graduates[^1].ResumeId);
        Assert.Null(over["contact"]);
        Assert.False((bool)over["contactVisible"]!);
        Assert.Contains("上限", (string)over["contactNotice"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(graduates[^1].Phone, over.ToJsonString(), StringComparison.Ordinal);
        // Nothing was shown to the refused request, so nothing is recorded for that graduate.
        Assert.Equal(0, (int)JsonNode.Parse(await graduates[^1].Graduate.Client.GetStringAsync("/api/me/contact-views"))!["total"]!);

        var admin = await factory.SignInAdminAsync();
        var flags = JsonNode.Parse(await admin.Client.GetStringAsync("/api/admin/contact-flags?open=true"))!["items"]!.AsArray()
            .Where(f => (long)f!["employerId"]! == employer.EmployerId).ToList();
        var flag = Assert.Single(flags)!;
        Assert.Equal((LowRevealLimitFactory.Limit, LowRevealLimitFactory.Limit, true), ((int)flag["revealed"]!, (int)flag["limit"]!, (bool)flag["open"]!));
        Assert.Equal("南京批量查看测试有限公司", (string)flag["employerName"]!);

        // While flagged, even a graduate seen earlier today is masked, on the API and on the site.
        Assert.Null((await OpenAsync(employer, graduates[0].ResumeId))["contact"]);
        var site = new SiteClient(factory);
        await site.SignInAsync(employer.Email, ApiClient.Password);
        var page = await site.GetStringAsync($"/employer/resumes/{graduates[0].ResumeId}");
        Assert.Contains("已暂停显示", page, StringComparison.Ordinal);
        Assert.DoesNotContain(graduates[0].Phone, page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await employer.Client.PostAsJsonAsync($"/api/admin/contact-flags/{(long)flag["id"]!}/clear", new { note = "自己解除" })).StatusCode);
        // An admin sees the flag on the admin page and clears it there.
        var adminSite = new SiteClient(factory);
        await adminSite.SignInAsync(JobsApiFactory.AdminEmail, JobsApiFactory.AdminPassword);
        Assert.Contains("南京批量查看测试有限公司", await adminSite.GetStringAsync("/admin/contact-flags"), StringComparison.Ordinal);
        var cleared = await adminSite.PostFormAsync("/admin/contact-flags", "clear", new Dictionary<string, string>
        {
            ["Input.Id"] = ((long)flag["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Note"] = "已电话核实，属正常招聘",
        });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        var after = JsonNode.Parse(await admin.Client.GetStringAsync("/api/admin/contact-flags"))!["items"]!.AsArray()
            .Single(f => (long)f!["id"]! == (long)flag["id"]!)!;
        Assert.Equal((false, "已电话核实，属正常招聘"), ((bool)after["open"]!, (string)after["clearNote"]!));
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.Client.PostAsJsonAsync($"/api/admin/contact-flags/{(long)flag["id"]!}/clear", new { note = "再次" })).StatusCode);

        Assert.Equal(graduates[^1].Phone, (string)(await OpenAsync(employer, graduates[^1].ResumeId))["contact"]!["phone"]!);
    }

    [Fact]
    public async Task Reveal_NextShanghaiDay_CountStartsAgain()
    {
        var graduates = await OpenGraduatesAsync(LowRevealLimitFactory.Limit + 1);
        var employer = await factory.RegisterEmployerAsync(name: "南京跨日查看测试有限公司");
        // Shortly before midnight in Shanghai (16:00 UTC), so the day changes within the test.
        var now = factory.Clock.GetUtcNow();
        var beforeMidnight = new DateTimeOffset(now.Year, now.Month, now.Day, 15, 50, 0, TimeSpan.Zero);
        factory.Clock.MoveTo(beforeMidnight > now ? beforeMidnight : beforeMidnight.AddDays(1));

        for (var i = 0; i < LowRevealLimitFactory.Limit; i++)
        {
            Assert.NotNull((await OpenAsync(employer, graduates[i].ResumeId))["contact"]);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(graduates[^1].Phone, (string)(await OpenAsync(employer, graduates[^1].ResumeId))["contact"]!["phone"]!);
        var admin = await factory.SignInAdminAsync();
        var flags = JsonNode.Parse(await admin.Client.GetStringAsync("/api/admin/contact-flags"))!["items"]!.AsArray();
        Assert.DoesNotContain(flags, f => (long)f!["employerId"]! == employer.EmployerId);
    }
}
