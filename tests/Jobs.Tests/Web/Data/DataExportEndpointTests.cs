using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jobs.Tests.Infrastructure;
using Jobs.Web.Data;
using Jobs.Web.Data.Kit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Web.Data;

/// <summary>The host with one extra statistics source of fixed tables (test data), so downloads go through the real pipeline.</summary>
public sealed class FigureExportFactory : JobsApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IFigureSource, SampleFigureSource>());
    }
}

public sealed class DataExportEndpointTests(FigureExportFactory factory) : IClassFixture<FigureExportFactory>
{
    private const string Csv = "/data/export/kit-sample.csv";

    [Fact]
    public async Task Export_UnknownSource_NotFoundProblemInChinese()
    {
        var response = await factory.CreateClient().GetAsync("/data/export/no-such-stats.csv?figure=ratio-by-city");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "no-such-stats");
    }

    [Fact]
    public async Task Export_CsvWithoutFigure_BadRequestAskingForOne()
    {
        var response = await factory.CreateClient().GetAsync(Csv + "?city=南京");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "请指定要下载的图表");
    }

    [Theory]
    [InlineData(Csv + "?city=none&figure=ratio-by-city", HttpStatusCode.BadRequest, "查询条件无效")]
    [InlineData(Csv + "?figure=no-such-figure", HttpStatusCode.NotFound, "no-such-figure")]
    [InlineData("/data/export/kit-sample.pdf?figure=ratio-by-city", HttpStatusCode.NotFound, "pdf")]
    [InlineData("/data/export/%ED%A0%80.csv?figure=ratio-by-city", HttpStatusCode.NotFound, "没有")]
    [InlineData(Csv + "?figure=%ED%A0%80", HttpStatusCode.NotFound, "没有")]
    [InlineData(Csv + "?figure=%00", HttpStatusCode.NotFound, "没有")]
    [InlineData(Csv + "?figure=", HttpStatusCode.BadRequest, "请指定要下载的图表")]
    public async Task Export_BadRequestParts_ProblemNotServerError(string path, HttpStatusCode status, string mentioned)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await AssertProblemAsync(response, status, mentioned);
    }

    [Fact]
    public async Task Export_CsvFigure_BomHeaderRowQueryAppliedAndChineseFileName()
    {
        var response = await factory.CreateClient().GetAsync(Csv + "?city=%E6%89%AC%E5%B7%9E&figure=ratio-by-city");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("供求-南京-2026Q3.csv", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("供求-南京-2026Q3.csv"),
            response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        Assert.Equal(
            ["城市,求人倍率,需求人数,其他城市占比", "扬州,1.32,12480,0.253", "镇江,0.5,2210,0.1", "马鞍山,,35,", "扬州,2.25,5060,0.305", ""],
            lines);
    }

    [Fact]
    public async Task Export_XlsxWithoutFigure_EveryFigureOneSheetNamedByTheSet()
    {
        var response = await factory.CreateClient().GetAsync("/data/export/kit-sample.xlsx?city=%E5%8D%97%E4%BA%AC");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FigureXlsxWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("供求-南京-2026Q3.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["求人倍率（按城市）", "求人倍率走势", "毕业生意向流向（毕业城市→意向城市）"], sheets.Select(s => s.Name!.Value));
        var first = (WorksheetPart)book.WorkbookPart.GetPartById(sheets[0].Id!);
        var cells = first.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("南京", cells["A2"].InnerText);
        Assert.Equal("1.32", cells["B2"].CellValue!.Text);
        Assert.False(cells.ContainsKey("B4"));
    }

    [Fact]
    public async Task Export_SignedInReader_SourceBuildsForThatReader()
    {
        var admin = new SiteClient(factory);
        await admin.SignInAsync(JobsApiFactory.AdminEmail, JobsApiFactory.AdminPassword);

        var signedIn = await NoteOfFirstSheetAsync(await admin.GetAsync("/data/export/kit-sample.xlsx?figure=ratio-by-city"));
        var anonymous = await NoteOfFirstSheetAsync(await factory.CreateClient().GetAsync("/data/export/kit-sample.xlsx?figure=ratio-by-city"));

        Assert.Equal("读者：Admin", signedIn);
        Assert.Equal("读者：匿名", anonymous);
    }

    private static async Task<string> NoteOfFirstSheetAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        var cells = ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>();
        return cells.Single(c => c.CellReference == "A7").InnerText;
    }

    [Fact]
    public async Task Export_LinkTheFigureRenders_DownloadsThatFigure()
    {
        var html = await ComponentHtml.FigureAsync(FigureSamples.Trend(), SampleFigureSource.SourceName);
        var href = Regex.Match(html, "href=\"(/data/export/[^\"]+\\.xlsx[^\"]*)\"").Groups[1].Value;

        var response = await factory.CreateClient().GetAsync(href.Replace("&amp;", "&", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(["求人倍率走势"], book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal("供求-南京-2026Q3.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("供求-南京-2026Q3", "csv", "供求-南京-2026Q3.csv")]
    [InlineData("供求/南京:2026?\"季\"", "xlsx", "供求_南京_2026__季_.xlsx")]
    [InlineData(" 流向\t ", "csv", "流向_.csv")]
    public void FileName_Stem_UnsafeCharactersReplaced(string stem, string extension, string expected) =>
        Assert.Equal(expected, DataExportEndpoints.FileName(stem, extension));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string mentioned)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Matches("[\u4e00-\u9fff]", detail);
        Assert.Contains(mentioned, problem["title"]!.GetValue<string>() + detail, StringComparison.Ordinal);
    }
}
