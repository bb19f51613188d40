using System.Text.RegularExpressions;
using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;
using static Jobs.Tests.Imports.Feeds.FeedTestKit;

namespace Jobs.Tests.Imports.Feeds;

/// <summary>The examples in docs/feed-format-v1.md are what cities copy, so they must import exactly as described.</summary>
public class FeedFormatDocumentTests
{
    private static readonly string Document = File.ReadAllText(FindDocument());

    private static string FindDocument()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "feed-format-v1.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/feed-format-v1.md not found above the test binaries.");
    }

    private static string Example(string language) =>
        Regex.Match(Document, "```" + language + "\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void CsvExample_ImportsEveryRowAsDescribed()
    {
        var result = Parse(Example("csv"));

        Assert.Null(result.FileError);
        Assert.Empty(result.Rejections);
        // The 面议 row states no figures: imported, with the compliance reminder on its line (issue 15, item 5).
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((6, "salary"), (warning.Line, warning.Field));
        Assert.Contains("未标明薪酬", warning.Reason, StringComparison.Ordinal);
        Assert.Equal([2, 5, 6], result.Rows.Select(r => r.Line));
        var first = result.Rows[0];
        Assert.Equal(("nanjing", "鼓楼区", 15000, 25000, 14, ExperienceLevel.ThreeToFiveYears), (first.CityCode, first.District, first.SalaryMin, first.SalaryMax, first.SalaryMonths, first.Experience));
        Assert.Equal("岗位职责：\n负责后端服务开发\n参与架构设计\n任职要求：熟悉 Java，有分布式经验者优先。", first.Description);
        Assert.Equal("91320100MA1X2K3L44", first.EmployerCreditCode);
        var second = result.Rows[1];
        Assert.Equal(("maanshan", "雨山区", 4350, SalaryBasis.Daily, 1), (second.CityCode, second.District, second.SalaryMin, second.SalaryBasis, second.Headcount));
        var third = result.Rows[2];
        Assert.Equal(("wuhu", true, EducationLevel.Associate, true), (third.CityCode, third.SalaryNegotiable, third.Education, third.Closed));
    }

    [Fact]
    public void JsonLinesExample_ImportsBothLines()
    {
        var result = Parse(Example("json"));

        Assert.Null(result.FileError);
        Assert.Empty(result.Rejections);
        Assert.Equal(FeedFormat.JsonLines, result.Format);
        Assert.Equal(["NJ-2025-0001", "NJ-2025-0002"], result.Rows.Select(r => r.ExternalId));
        Assert.Equal(new DateTime(2025, 3, 1, 1, 0, 0, DateTimeKind.Utc), result.Rows[0].PostedAtUtc);
        Assert.Equal(["Java", "Spring Boot", "MySQL"], result.Rows[0].Skills);
        Assert.Equal("maanshan", result.Rows[1].CityCode);
    }

    [Fact]
    public void SalaryTable_EveryExampleParsesToTheDocumentedFigures()
    {
        var section = Document[Document.IndexOf("### 3.1", StringComparison.Ordinal)..Document.IndexOf("### 3.2", StringComparison.Ordinal)];
        var rows = Regex.Matches(section, @"^\| (`[^|]+`(?:, [^|]+)?) \| ([\d,]+) – ([\d,]+)", RegexOptions.Multiline);
        Assert.Equal(8, rows.Count);
        foreach (Match row in rows)
        {
            var min = int.Parse(row.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            var max = int.Parse(row.Groups[3].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            foreach (Match example in Regex.Matches(row.Groups[1].Value, "`([^`]+)`"))
            {
                var salary = SalaryText.Parse(example.Groups[1].Value);
                Assert.True(salary.Succeeded, $"{example.Groups[1].Value}: {salary.Error}");
                Assert.Equal((min, max), (salary.Min!.Value, salary.Max!.Value));
            }
        }
    }
}
