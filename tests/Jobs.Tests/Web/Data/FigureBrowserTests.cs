using Deque.AxeCore.Playwright;
using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web.Data;

/// <summary>
/// The three charts as Chromium draws them with the site's stylesheet, on a phone, on a desktop and in print. The page is
/// the components' own HTML inside the site's frame (no host needed); screenshots land in TestResults/screens/FigureKit.
/// </summary>
public sealed class FigureBrowserTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!TestBrowser.IsInstalled && !TestBrowser.Required)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await TestBrowser.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [BrowserFact]
    public async Task Figures_Phone_NoPageOverflowHeatMapScrollsInItsBoxAndAxeClean()
    {
        var page = await OpenAsync(BrowserFixture.Phone);

        await ShotAsync(page, "01-phone");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page itself never scrolls sideways");
        Assert.True(await page.EvaluateAsync<bool>("(() => { const b = document.querySelector('.heat-scroll'); return b.scrollWidth > b.clientWidth; })()"));
        var bars = await page.Locator("#ratio-by-city rect.bar").AllAsync();
        var widths = await Task.WhenAll(bars.Select(async b => (await b.BoundingBoxAsync())!.Width));
        Assert.Equal(widths[0] / 1.3249, widths[1] / 0.5, 0);
        Assert.True(widths.Max() > 200, $"the longest bar uses the phone's width ({widths.Max()} px)");
        await AssertAxeCleanAsync(page);
    }

    [BrowserFact]
    public async Task Figures_Desktop_ChartBesideTableExceptHeatMapAbove()
    {
        var page = await OpenAsync(BrowserFixture.Desktop);

        await ShotAsync(page, "02-desktop");

        var chart = (await page.Locator("#ratio-by-city .chart").BoundingBoxAsync())!;
        var table = (await page.Locator("#ratio-by-city .table-wrap").BoundingBoxAsync())!;
        Assert.True(table.X >= chart.X + chart.Width, "bar chart left, table right");
        Assert.Equal(chart.Y, table.Y, 0);
        var heat = (await page.Locator("#flows .chart").BoundingBoxAsync())!;
        var heatTable = (await page.Locator("#flows .table-wrap").BoundingBoxAsync())!;
        Assert.True(heatTable.Y >= heat.Y + heat.Height, "heat map above its table");
        await AssertAxeCleanAsync(page);
    }

    [BrowserFact]
    public async Task Figures_PrintedReport_NoChromeNoFormsBorderedTables()
    {
        var page = await OpenAsync(new ViewportSize { Width = 794, Height = 1123 });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await ShotAsync(page, "03-print");

        foreach (var hidden in new[] { ".site-header", ".site-footer", ".skip", ".downloads", "form" })
        {
            Assert.Equal("none", await page.Locator(hidden).First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        }

        Assert.Equal("solid", await page.Locator("#ratio-by-city td").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle"));
        Assert.Equal("avoid", await page.Locator("#ratio-by-city tr").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));
        Assert.Equal("rgb(0, 0, 0)", await page.Locator(".report p.meta").First.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal("none", await page.Locator(".report a").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        var heat = (await page.Locator("#flows svg.heat-map").BoundingBoxAsync())!;
        var report = (await page.Locator(".report").BoundingBoxAsync())!;
        Assert.True(heat.Width <= report.Width + 1, "the heat map shrinks to the paper instead of being cut off");
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(PageSession.ScreensDirectory, "FigureKit", "report.pdf"), PreferCSSPageSize = true });
    }

    private async Task<IPage> OpenAsync(ViewportSize viewport)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(await PreviewHtmlAsync());
        await page.GetByRole(AriaRole.Heading, new() { Name = "南京市2026年第三季度人力资源市场供求状况分析" }).WaitForAsync();
        return page;
    }

    /// <summary>The figures inside the site's frame (header, skip link, footer) and a filter form, with site.css inlined.</summary>
    private static async Task<string> PreviewHtmlAsync()
    {
        var css = await File.ReadAllTextAsync(Path.Combine(ChartLayoutTests.RepositoryRoot(), "src", "Web", "wwwroot", "site.css"));
        var figures = string.Concat(await Task.WhenAll(
            ComponentHtml.FigureAsync(FigureSamples.RatioByCity(), SampleFigureSource.SourceName),
            ComponentHtml.FigureAsync(FigureSamples.Trend(), SampleFigureSource.SourceName),
            ComponentHtml.FigureAsync(FigureSamples.Flows(), SampleFigureSource.SourceName)));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>图表预览</title><style>{{css}}</style></head>
            <body>
            <a class="skip" href="#main">跳到正文</a>
            <header class="site-header"><div class="bar"><a class="brand" href="/">宁镇扬就业<span>平台</span></a>
            <nav class="nav" aria-label="主导航"><a href="/jobs">找工作</a><a href="/data">数据</a></nav></div></header>
            <main id="main" class="page"><div class="report">
            <h1>南京市2026年第三季度人力资源市场供求状况分析</h1>
            <form method="get" action="/data/report"><label for="q">季度</label><input id="q" name="period" value="2026Q3"><button>查看</button></form>
            <p>本季度南京求人倍率为1.32，较上季度上升0.08。</p>
            {{figures}}
            </div></main>
            <footer class="site-footer"><p>宁镇扬就业平台</p></footer>
            </body></html>
            """;
        var folder = Path.Combine(PageSession.ScreensDirectory, "FigureKit");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "preview.html"), html);
        return html;
    }

    /// <summary>The whole page, and each figure on its own at full size (a long phone page shrinks too much to judge a chart).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(PageSession.ScreensDirectory, "FigureKit");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        foreach (var figure in new[] { "ratio-by-city", "ratio-trend", "flows" })
        {
            await page.Locator("#" + figure).ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"{name}-{figure}.png") });
        }
    }

    private static async Task AssertAxeCleanAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
