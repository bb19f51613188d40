using System.Net;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Statistics;

public sealed class StatisticsApiTests(StatisticsFixture world) : IClassFixture<StatisticsFixture>
{
    [Fact]
    public async Task SupplyDemand_PublicCityQuarter_ReturnsFiguresAndThePreviousQuarter()
    {
        var body = JsonNode.Parse(await world.CreateClient().GetStringAsync("/api/stats/supply-demand?quarter=2026Q3&city=南京"))!;

        // Hand-computed in StatisticsServiceTests: Q3 Nanjing 10 people wanted, 11 seekers → 0.91; Q2 3 ÷ 7 → 0.43.
        Assert.Equal("nanjing", (string?)body["scope"]);
        Assert.Equal(10, (double)body["current"]!["openHeadcount"]!);
        Assert.Equal(0.91, (double)body["current"]!["ratio"]!["value"]!);
        Assert.Equal("2026Q2", (string?)body["previous"]!["period"]);
        Assert.Equal(0.43, (double)body["previous"]!["ratio"]!["value"]!);
    }

    [Fact]
    public async Task Ratio_WithheldCity_ComesBackWithoutItsValue()
    {
        var body = JsonNode.Parse(await world.CreateClient().GetStringAsync("/api/stats/ratio?period=2026Q3"))!;
        var zhenjiang = body["rows"]!.AsArray().Single(r => (string?)r!["key"] == "zhenjiang")!;

        Assert.True((bool)zhenjiang["seekers"]!["withheld"]!);
        Assert.Null(zhenjiang["seekers"]!["value"]);
        Assert.Null(zhenjiang["ratio"]!["value"]);
    }

    [Theory]
    [InlineData("/api/stats/supply-demand?period=2026-13", "period")]
    [InlineData("/api/stats/supply-demand?period=Q3", "period")]
    [InlineData("/api/stats/supply-demand?city=上海", "city")]
    [InlineData("/api/stats/supply-demand?from=2026-07-01&to=2026-08-15", "from")]
    [InlineData("/api/stats/ratio?by=salary", "by")]
    [InlineData("/api/stats/flows?kind=1", "kind")]
    public async Task Endpoints_BadInput_Answer400WithAChineseReason(string url, string field)
    {
        var response = await world.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var reason = (string)problem["errors"]![field]![0]!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", reason);
    }

    [Fact]
    public async Task SupplyDemand_FromToSpanningAQuarter_IsThatQuarter()
    {
        var body = JsonNode.Parse(await world.CreateClient().GetStringAsync("/api/stats/supply-demand?from=2026-07-01&to=2026-09-30&city=nanjing"))!;

        Assert.Equal("2026Q3", (string?)body["current"]!["period"]);
        Assert.Equal(10, (double)body["current"]!["openHeadcount"]!);
    }

    [Fact]
    public async Task Details_ForThePublic_AreRefused_ForOrganisersServed()
    {
        var anonymous = world.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/stats/supply-demand?period=2026Q3&education=本科")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/stats/ratio?period=2026Q3&by=education")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/stats/funnel?period=2026Q3")).StatusCode);

        var organiser = await world.CreateOrganiserAsync("南京");
        var funnel = JsonNode.Parse(await organiser.Client.GetStringAsync("/api/stats/funnel?period=2026Q3&by=function"))!;
        // 6 applications in Q3 (see StatisticsServiceTests.Funnel_Quarter_CountsWhatBecameOfApplications).
        Assert.Equal(6, (double)funnel["rows"]![0]!["applications"]!["value"]!);
        var filtered = JsonNode.Parse(await organiser.Client.GetStringAsync("/api/stats/supply-demand?period=2026Q3&city=nanjing&education=本科"))!;
        // 本科 in Nanjing: P1 3 + P2 5 = 8 people wanted.
        Assert.Equal(8, (double)filtered["current"]!["openHeadcount"]!);
    }

    [Fact]
    public async Task Report_NanjingQuarter_SaysTheRatioAndItsChange()
    {
        var body = JsonNode.Parse(await world.CreateClient().GetStringAsync("/api/stats/report?quarter=2026Q3&city=nanjing"))!;
        var sentences = body["sentences"]!.AsArray().Select(s => (string)s!).ToList();

        // 0.91 now, 0.43 before: up 0.48; 10 people wanted against 11 seekers.
        Assert.Equal("本季度南京求人倍率为0.91，较上季度上升0.48，求职人数多于岗位需求。", sentences[0]);
        // Demand 10 against 3 (+233.3 %); seekers 11 against 7 (+57.1 %).
        Assert.Equal("本季度南京在招岗位3个，需求人数10人，较上季度增长233.3%；求职人数11人，较上季度增长57.1%。", sentences[1]);
        // Offered median 8000 against expected 7667 (see SupplyDemand_NanjingQuarter_CountsDemandSupplyAndRatio).
        Assert.Equal("企业提供的月薪中位数为8,000元，求职者期望月薪中位数为7,667元，企业报价高于或等于求职者期望。", sentences[2]);
        Assert.Null(body["byEducation"]);
    }
}
