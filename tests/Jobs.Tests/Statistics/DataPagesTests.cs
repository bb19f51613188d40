using System.Net;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Statistics;

/// <summary>The /data pages over <see cref="StatisticsWorld"/>: figures as computed, withheld cells as "—", details for staff only.</summary>
public sealed class DataPagesTests(StatisticsFixture world) : IClassFixture<StatisticsFixture>
{
    /// <summary>A withheld cell as <c>Figure</c> draws it: the mark for the eye, "不予显示" for a screen reader.</summary>
    private const string Withheld = @"<td class=""num withheld""><span aria-hidden=""true"">—</span><span class=""visually-hidden"">不予显示</span></td>\s*";

    private static string Shown(string value) => $@"<td class=""num"">{System.Text.RegularExpressions.Regex.Escape(value)}</td>\s*";

    [Fact]
    public async Task Overview_Quarter_ShowsRatiosAndWithholdsSmallCities()
    {
        var html = await world.CreateClient().GetStringAsync("/data?period=2026Q3");

        // Circle Q3: 21 ÷ 17 = 1.24; Nanjing 10 ÷ 11 = 0.91; Zhenjiang (3 seekers) and Yangzhou (its complement) withheld.
        Assert.Contains("<td class=\"num\">1.24</td>", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">南京</th>\s*" + Shown("0.91") + Shown("10") + Shown("11"), html);
        Assert.Matches(@"<th scope=""row"">镇江</th>\s*" + Withheld + Shown("4") + Withheld, html);
        Assert.Matches(@"<th scope=""row"">扬州</th>\s*" + Withheld + Shown("7") + Withheld, html);
        Assert.DoesNotContain("细分与漏斗", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NanjingQuarter_PrintsTheSentencesInAReport()
    {
        var html = await world.CreateClient().GetStringAsync("/data/report?city=nanjing&quarter=2026Q3");

        Assert.Contains("<article class=\"report\"", html, StringComparison.Ordinal);
        Assert.Contains("南京2026年第三季度人力资源市场供求状况分析", html, StringComparison.Ordinal);
        Assert.Contains("本季度南京求人倍率为0.91，较上季度上升0.48", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_BadPeriodOrDetailFiltersFromThePublic_Answer400WithTheReason()
    {
        var client = world.CreateClient();
        var bad = await client.GetAsync("/data?period=2026-13");
        var detail = await client.GetAsync("/data?education=本科");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("无法识别的统计期", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, detail.StatusCode);
        Assert.Contains("仅向组织方和管理员开放", await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_Anonymous_IsSentToSignIn()
    {
        var client = world.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/data/detail?period=2026Q3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>What the download endpoint writes comes from the same sources: withheld cells stay withheld there.</summary>
public sealed class FigureSourceTests(StatisticsFixture world) : IClassFixture<StatisticsFixture>
{
    [Fact]
    public async Task Sources_ForThePublic_CarryWithheldCellsAndNoDetails()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(world.Services);
        var sources = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetServices<Jobs.Web.Data.IFigureSource>(scope.ServiceProvider).ToDictionary(s => s.Name);
        var query = new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["period"] = "2026Q3" });

        var overview = await sources["overview"].BuildAsync(Jobs.Core.Common.Actor.Anonymous, query, default);
        var detail = await sources["detail"].BuildAsync(Jobs.Core.Common.Actor.Anonymous, query, default);
        var flows = await sources["flows"].BuildAsync(Jobs.Core.Common.Actor.Anonymous, query, default);

        var byCity = overview!.Figures.Single(f => f.Name == "ratio-by-city");
        var zhenjiang = byCity.Rows.Single(r => r.Cells[0].Text == "镇江");
        // Columns: 城市, 求人倍率, 需求人数, 求职人数 — ratio and seekers withheld, demand (postings only) shown.
        Assert.Equal([true, false, true], zhenjiang.Cells.Skip(1).Select(c => c.Withheld));
        Assert.Empty(detail!.Figures);
        Assert.Equal(Jobs.Web.Data.FigureChart.HeatMap, flows!.Figures[0].Chart);
        Assert.Null(await sources["overview"].BuildAsync(Jobs.Core.Common.Actor.Anonymous,
            new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["city"] = "上海" }), default));
    }
}
