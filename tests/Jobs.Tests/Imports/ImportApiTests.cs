using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jobs.Core.Common;
using Jobs.Core.Imports;
using Jobs.Core.Postings;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Imports;

/// <summary>
/// Feed uploads through the real HTTP pipeline onto a real SQLite file. Each test uses its own source city (or a fresh
/// host), because a feed is a full snapshot of its source and one test's file would close another's postings.
/// </summary>
public sealed class ImportApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Upload_ValidFeed_AddsPostingsWithReportAndSource()
    {
        var admin = await factory.SignInAdminAsync();
        var report = await admin.UploadOkAsync("淮安", Csv(Rows("ha", 3, city: "淮安")));

        Assert.Equal("succeeded", (string)report["status"]!);
        Assert.Equal("huaian", (string)report["city"]!);
        Assert.Equal((3, 3, 0, 0, 0), (report.Count("records"), report.Count("added"), report.Count("updated"), report.Count("closed"), report.Count("rejected")));
        Assert.Equal("csv", (string)report["format"]!);
        Assert.Equal("utf-8", (string)report["encoding"]!);
        Assert.True((long)report["durationMs"]! >= 0);

        var state = await factory.SourceStateAsync("huaian");
        Assert.Equal(["ha-1", "ha-2", "ha-3"], state.Keys.Order());
        var posting = await admin.GetJsonAsync($"/api/postings/{state["ha-2"].PostingId}");
        Assert.Equal("数据分析师ha2", (string)posting["title"]!);
        Assert.Equal("open", (string)posting["status"]!);
        var source = Assert.Single(posting["sources"]!.AsArray());
        Assert.Equal(("huaian", "ha-2", true), ((string)source!["city"]!, (string)source["externalId"]!, (bool)source["active"]!));

        var stored = await admin.GetJsonAsync($"/api/imports/{(long)report["id"]!}");
        Assert.Equal(3, stored.Count("added"));
    }

    [Fact]
    public async Task Upload_SameFileTwice_SecondRunChangesNothing()
    {
        var admin = await factory.SignInAdminAsync();
        var file = Csv(Rows("xc", 4, city: "宣城"));
        await admin.UploadOkAsync("宣城", file);
        var before = await factory.SourceStateAsync("xuancheng");

        var again = await admin.UploadOkAsync("宣城", file);

        Assert.Equal((0, 0, 0, 4), (again.Count("added"), again.Count("updated"), again.Count("closed"), again.Count("unchanged")));
        var after = await factory.SourceStateAsync("xuancheng");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Upload_ChangedAndMissingRows_UpdatesChangedAndClosesAbsentKeepingThem()
    {
        var admin = await factory.SignInAdminAsync();
        var rows = Rows("jt", 4, city: "金坛");
        await admin.UploadOkAsync("金坛", Csv(rows));
        var before = await factory.SourceStateAsync("jintan");

        rows[0]["salary"] = "10-15K";
        var report = await admin.UploadOkAsync("金坛", Csv(rows[0], rows[1], rows[2]));

        Assert.Equal((0, 1, 1, 2), (report.Count("added"), report.Count("updated"), report.Count("closed"), report.Count("unchanged")));
        var after = await factory.SourceStateAsync("jintan");
        Assert.Equal(10000, after["jt-1"].SalaryMin);
        Assert.Equal(before["jt-2"], after["jt-2"]);
        Assert.Equal((PostingStatus.Closed, false), (after["jt-4"].Status, after["jt-4"].Active));
        var closed = await admin.GetJsonAsync($"/api/postings/{after["jt-4"].PostingId}");
        Assert.Equal("closed", (string)closed["status"]!);

        // Listed again later: the same posting reopens rather than a new one appearing.
        var back = await admin.UploadOkAsync("金坛", Csv(rows));
        Assert.Equal((0, 1), (back.Count("added"), back.Count("updated")));
        var reopened = await factory.SourceStateAsync("jintan");
        Assert.Equal((before["jt-4"].PostingId, PostingStatus.Open, true), (reopened["jt-4"].PostingId, reopened["jt-4"].Status, reopened["jt-4"].Active));
    }

    [Fact]
    public async Task Upload_SnapshotClosingMoreThanHalf_IsHeldUntilConfirmed()
    {
        var admin = await factory.SignInAdminAsync();
        var rows = Rows("cz", 4, city: "滁州");
        await admin.UploadOkAsync("滁州", Csv(rows));
        var before = await factory.SourceStateAsync("chuzhou");

        var response = await admin.UploadAsync("滁州", Csv(rows[0]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var held = await response.ReadObjectAsync();
        Assert.Equal("held", (string)held["status"]!);
        Assert.Equal((4, 3), ((int)held["openBefore"]!, held.Count("closed")));
        Assert.Contains("等待组织方确认", (string)held["message"]!);
        Assert.Equal(before, await factory.SourceStateAsync("chuzhou"));

        var organiser = await factory.CreateOrganiserAsync("滁州");
        var confirmed = await organiser.Client.PostAsync($"/api/imports/{(long)held["id"]!}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var applied = await confirmed.ReadObjectAsync();
        Assert.Equal(("succeeded", "confirmation", 3), ((string)applied["status"]!, (string)applied["trigger"]!, applied.Count("closed")));
        Assert.Equal((long)held["id"]!, (long)applied["confirmsRunId"]!);
        var after = await factory.SourceStateAsync("chuzhou");
        Assert.Equal([PostingStatus.Open, PostingStatus.Closed, PostingStatus.Closed, PostingStatus.Closed],
            after.OrderBy(p => p.Key).Select(p => p.Value.Status));
        Assert.Equal("confirmed", (string)(await admin.GetJsonAsync($"/api/imports/{(long)held["id"]!}"))["status"]!);

        var twice = await organiser.Client.PostAsync($"/api/imports/{(long)held["id"]!}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Discard_HeldRun_LeavesDataAndRefusesLaterConfirmation()
    {
        using var own = new JobsApiFactory();
        var admin = await own.SignInAdminAsync();
        var rows = Rows("dc", 3);
        await admin.UploadOkAsync("南京", Csv(rows));
        var before = await own.SourceStateAsync("nanjing");
        var held = await (await admin.UploadAsync("南京", FeedTestKit.Bytes(string.Join(',', FeedTestKit.Columns) + "\n"))).ReadObjectAsync();
        Assert.Equal("held", (string)held["status"]!);

        var discarded = await admin.Client.PostAsync($"/api/imports/{(long)held["id"]!}/discard", null);

        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Equal("discarded", (string)(await discarded.ReadObjectAsync())["status"]!);
        Assert.Equal(before, await own.SourceStateAsync("nanjing"));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PostAsync($"/api/imports/{(long)held["id"]!}/confirm", null)).StatusCode);
    }

    public static TheoryData<string, byte[], string> UnreadableFiles => new()
    {
        { "binary", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01], "" },
        { "wrong header", FeedTestKit.Bytes("编号,名称,单位\n1,Java开发,南京某公司\n"), "external_id" },
        { "truncated quote", FeedTestKit.Bytes(FeedTestKit.Csv(FeedTestKit.Row("t-1")) + "t-2,\"Java开发工程师,南京紫金软件有限公司\n"), "" },
        { "empty", [], "" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task Upload_UnreadableFile_FailsWithOneReasonAndChangesNothing(string fault, byte[] file, string reasonMentions)
    {
        var admin = await factory.SignInAdminAsync();
        await admin.UploadOkAsync("溧阳", Csv(Rows("ly", 2, city: "溧阳")));
        var before = await factory.SourceStateAsync("liyang");

        var response = await admin.UploadAsync("溧阳", file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        var reason = (string)problem["reason"]!;
        Assert.False(string.IsNullOrWhiteSpace(reason), fault);
        Assert.Contains(reasonMentions, reason);
        Assert.Equal(before, await factory.SourceStateAsync("liyang"));
        var run = await admin.GetJsonAsync($"/api/imports/{(long)problem["runId"]!}");
        Assert.Equal(("failed", reason), ((string)run["status"]!, (string)run["fileError"]!["reason"]!));
        if (fault == "truncated quote")
        {
            Assert.Equal(3, (int)problem["line"]!);
        }
    }

    public static TheoryData<string, string, string, string> BadRows => new()
    {
        { "invalid date", "posted_at", "2025-13-45", "posted_at" },
        { "negative salary", "salary", "-8000-12000", "salary" },
        { "inverted salary", "salary", "12-8K", "salary" },
        { "unknown city", "city", "火星", "city" },
        { "bad credit code", "employer_credit_code", "91320100MA1XXXXXXA", "employer_credit_code" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Upload_BadRow_RejectedWithLineFieldAndReasonRestImported(string fault, string column, string value, string field)
    {
        var admin = await factory.SignInAdminAsync();
        var good = Row("yz-ok", ("title", "会计"), ("city", "扬州"));
        var bad = Row("yz-bad", ("title", "出纳"), ("city", "扬州"), (column, value));

        var report = await admin.UploadOkAsync("扬州", Csv(good, bad));

        Assert.Equal(1, report.Count("rejected"));
        Assert.Equal(1, report.Count("added") + report.Count("unchanged"));
        var rejection = Assert.Single(report["rejections"]!.AsArray(), r => (string)r!["field"]! == field);
        Assert.Equal((3, "yz-bad"), ((int)rejection!["line"]!, (string)rejection["externalId"]!));
        Assert.False(string.IsNullOrWhiteSpace((string)rejection["reason"]!), fault);
        var state = await factory.SourceStateAsync("yangzhou");
        Assert.Equal(PostingStatus.Open, state["yz-ok"].Status);
        Assert.False(state.ContainsKey("yz-bad"));
    }

    [Fact]
    public async Task Upload_DuplicateExternalId_RejectsLaterRowKeepsFirst()
    {
        var admin = await factory.SignInAdminAsync();
        var report = await admin.UploadOkAsync("济宁", Csv(
            Row("jn-1", ("title", "机械工程师"), ("city", "济宁")),
            Row("jn-1", ("title", "电气工程师"), ("city", "济宁"))));

        Assert.Equal((1, 1), (report.Count("added"), report.Count("rejected")));
        var rejection = Assert.Single(report["rejections"]!.AsArray());
        Assert.Equal((3, "external_id"), ((int)rejection!["line"]!, (string)rejection["field"]!));
        Assert.Contains("第2行", (string)rejection["reason"]!);
        Assert.Equal("机械工程师", (await factory.SourceStateAsync("jining"))["jn-1"].Title);
    }

    [Fact]
    public async Task Upload_TenMegabyteDescription_RejectsThatRowOnly()
    {
        var admin = await factory.SignInAdminAsync();
        var huge = Row("zz-huge", ("title", "文案策划"), ("city", "枣庄"), ("description", new string('长', 10 * 1024 * 1024)));
        var normal = Row("zz-ok", ("title", "平面设计"), ("city", "枣庄"));

        var report = await admin.UploadOkAsync("枣庄", Csv(huge, normal));

        Assert.Equal((1, 1), (report.Count("added"), report.Count("rejected")));
        var rejection = Assert.Single(report["rejections"]!.AsArray());
        Assert.Equal((2, "description"), ((int)rejection!["line"]!, (string)rejection["field"]!));
        Assert.Equal(["zz-ok"], (await factory.SourceStateAsync("zaozhuang")).Keys);
    }

    [Fact]
    public async Task Upload_Gb18030FeedMixingTraditional_IsStoredAndSearchableInSimplified()
    {
        var admin = await factory.SignInAdminAsync();
        var traditional = Row("ma-1", ("title", "軟體測試工程師"), ("employer_name", "馬鞍山鋼鐵資訊科技有限公司"), ("city", "馬鞍山"),
            ("district", "花山區"), ("category", "軟體/網際網路"), ("education", "碩士"), ("experience", "經驗不限"),
            ("description", "負責軟體測試與資料庫維護，熟悉自動化測試。"), ("skills", "自動化測試、資料庫"));
        var simplified = Row("ma-2", ("title", "数控车工"), ("employer_name", "马鞍山精工机械有限公司"), ("city", "马鞍山"), ("district", "雨山区"),
            ("category", ""), ("description", "操作数控车床，按图纸加工零件。"), ("skills", "数控车床"));
        var file = FeedTestKit.Bytes(FeedTestKit.Csv(traditional, simplified), FeedTestKit.Gb18030);

        var report = await admin.UploadOkAsync("马鞍山", file);

        Assert.Equal(("gb18030", 2, 0), ((string)report["encoding"]!, report.Count("added"), report.Count("rejected")));
        var state = await factory.SourceStateAsync("maanshan");
        var stored = await admin.GetJsonAsync($"/api/postings/{state["ma-1"].PostingId}");
        Assert.Equal(("軟體測試工程師", "maanshan", "花山区", "硕士", "不限"),
            ((string)stored["title"]!, (string)stored["cityCode"]!, (string)stored["district"]!, (string)stored["education"]!, (string)stored["experience"]!));
        foreach (var (query, id) in new[] { ("软件测试", state["ma-1"].PostingId), ("数据库", state["ma-1"].PostingId), ("数控车工", state["ma-2"].PostingId) })
        {
            await EventuallyAsync(async () =>
            {
                var result = await admin.GetJsonAsync("/api/postings/search?q=" + Uri.EscapeDataString(query));
                return result["items"]!.AsArray().Any(i => (long)i!["id"]! == id) ? result : null;
            }, $"“{query}” to find posting {id}");
        }
    }

    [Fact]
    public async Task Upload_SameVacancyInTwoCityFeeds_BecomesOnePostingListingBoth()
    {
        var admin = await factory.SignInAdminAsync();
        var code = ApiClient.UniqueCreditCode();
        var inWuhu = Row("wh-77", ("title", "Java開發工程師"), ("employer_credit_code", code), ("city", "临沂"));
        var inLinyi = Row("ly-12", ("title", "JAVA 开发工程师"), ("employer_credit_code", code), ("city", "临沂"), ("salary", "9-13K"));
        await admin.UploadOkAsync("芜湖", Csv(inWuhu));

        var report = await admin.UploadOkAsync("临沂", Csv(inLinyi));

        Assert.Equal((1, 1), (report.Count("added"), report.Count("merged")));
        var wuhu = (await factory.SourceStateAsync("wuhu"))["wh-77"];
        var linyi = (await factory.SourceStateAsync("linyi"))["ly-12"];
        Assert.Equal(wuhu.PostingId, linyi.PostingId);
        var posting = await admin.GetJsonAsync($"/api/postings/{wuhu.PostingId}");
        Assert.Equal(["linyi:ly-12", "wuhu:wh-77"],
            posting["sources"]!.AsArray().Select(s => $"{(string)s!["city"]!}:{(string)s["externalId"]!}").Order());

        // One feed dropping it leaves it open while the other still lists it; nothing closes, so nothing is held either.
        var dropped = await admin.UploadOkAsync("芜湖", FeedTestKit.Bytes(string.Join(',', FeedTestKit.Columns) + "\n"));
        Assert.Equal(0, dropped.Count("closed"));
        Assert.Equal("open", (string)(await admin.GetJsonAsync($"/api/postings/{wuhu.PostingId}"))["status"]!);
        Assert.False((await factory.SourceStateAsync("wuhu"))["wh-77"].Active);
    }

    [Fact]
    public async Task Upload_WhileSourceLeaseIsHeldElsewhere_Returns409AndImportsNothing()
    {
        var admin = await factory.SignInAdminAsync();
        var locks = factory.Services.GetRequiredService<IDistributedLockProvider>();
        var lease = await locks.TryAcquireAsync(ImportService.LockName("heze"), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(lease);
        try
        {
            var response = await admin.UploadAsync("菏泽", Csv(Rows("hz", 1, city: "菏泽")));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("正在导入", (string)(await response.ReadObjectAsync())["detail"]!);
            Assert.Empty(await factory.SourceStateAsync("heze"));
        }
        finally
        {
            await lease.DisposeAsync();
        }

        Assert.Equal(1, (await admin.UploadOkAsync("菏泽", Csv(Rows("hz", 1, city: "菏泽")))).Count("added"));
    }

    [Fact]
    public async Task Upload_ByWhoMayNot_IsRefused()
    {
        var file = Csv(Rows("auth", 1, city: "镇江"));
        var anonymous = await new SignedIn(factory.CreateClient(), 0, "", null, "", "").UploadAsync("镇江", file);
        var graduate = await (await factory.RegisterGraduateAsync()).UploadAsync("镇江", file);
        var otherCity = await (await factory.CreateOrganiserAsync("南京")).UploadAsync("镇江", file);
        var ownCity = await (await factory.CreateOrganiserAsync("镇江")).UploadAsync("镇江", file);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, graduate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCity.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownCity.StatusCode);
    }

    [Theory]
    [InlineData("", "feed.csv", null, null, "city")]
    [InlineData("火星", "feed.csv", null, null, "city")]
    [InlineData("南京", "feed.csv", "xml", null, "format")]
    [InlineData("南京", "feed.csv", null, "big5", "encoding")]
    public async Task Upload_BadFormFields_Returns400NamingTheField(string city, string fileName, string? format, string? encoding, string field)
    {
        var admin = await factory.SignInAdminAsync();
        var response = await admin.UploadAsync(city, Csv(Rows("bad", 1)), fileName, format, encoding);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Upload_WithoutFile_Returns400()
    {
        var admin = await factory.SignInAdminAsync();
        using var form = new MultipartFormDataContent { { new StringContent("南京"), "city" } };
        var response = await admin.Client.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("file"));
    }

    [Fact]
    public async Task ListRuns_OrganiserSeesOwnCityOnly()
    {
        var admin = await factory.SignInAdminAsync();
        // The same snapshot the authorization test sends, so the two tests never close each other's postings.
        await admin.UploadOkAsync("镇江", Csv(Rows("auth", 1, city: "镇江")));
        var organiser = await factory.CreateOrganiserAsync("镇江");

        var own = await organiser.GetJsonAsync("/api/imports");
        var other = await organiser.Client.GetAsync("/api/imports?city=南京");

        Assert.NotEmpty(own["items"]!.AsArray());
        Assert.All(own["items"]!.AsArray(), r => Assert.Equal("zhenjiang", (string)r!["city"]!));
        Assert.Null(own["items"]!.AsArray()[0]!["rejections"]);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Rejections_ManyBadRows_PageInFileOrder()
    {
        var admin = await factory.SignInAdminAsync();
        var rows = Enumerable.Range(1, 30).Select(i => Row($"pg-{i}", ("title", $"仓管{i}"), ("posted_at", "not a date"))).ToArray();
        var report = await admin.UploadOkAsync("南京", Csv(rows));
        var id = (long)report["id"]!;

        var page2 = await admin.GetJsonAsync($"/api/imports/{id}/rejections?page=2&pageSize=10");

        Assert.Equal(30, (int)page2["total"]!);
        Assert.Equal(Enumerable.Range(12, 10), page2["items"]!.AsArray().Select(r => (int)r!["line"]!));
    }
}
