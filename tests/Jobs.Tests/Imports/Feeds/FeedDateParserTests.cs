using Jobs.Core.Imports.Feeds;

namespace Jobs.Tests.Imports.Feeds;

public class FeedDateParserTests
{
    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("2025/3/1")]
    [InlineData("2025/03/01")]
    [InlineData("2025-3-1")]
    [InlineData("2025.3.1")]
    [InlineData("2025年3月1日")]
    [InlineData("2025年03月01日")]
    [InlineData("2025年3月1号")]
    [InlineData("２０２５年３月１日")]
    [InlineData(" 2025-03-01 ")]
    public void TryParse_DateOnly_IsChinaMidnightInUtc(string text)
    {
        Assert.True(FeedDateParser.TryParse(text, out var date, out var error), error);

        Assert.Equal(new DateTime(2025, 2, 28, 16, 0, 0, DateTimeKind.Utc), date.Utc);
        Assert.Equal(DateTimeKind.Utc, date.Utc.Kind);
        Assert.False(date.HasTime);
        Assert.Equal(new DateTime(2025, 3, 1, 16, 0, 0, DateTimeKind.Utc), date.EndOfDayUtc);
    }

    [Theory]
    [InlineData("2025-03-01T09:30:00", 2025, 3, 1, 1, 30, 0)]
    [InlineData("2025-03-01 09:30", 2025, 3, 1, 1, 30, 0)]
    [InlineData("2025-03-01T07:15:20", 2025, 2, 28, 23, 15, 20)]
    [InlineData("2025-03-01T09:30:00+08:00", 2025, 3, 1, 1, 30, 0)]
    [InlineData("2025-03-01T09:30:00+0800", 2025, 3, 1, 1, 30, 0)]
    [InlineData("2025-03-01T09:30:00Z", 2025, 3, 1, 9, 30, 0)]
    [InlineData("2025-03-01T09:30:00.250Z", 2025, 3, 1, 9, 30, 0)]
    [InlineData("2025-03-01T09:30:00-05:00", 2025, 3, 1, 14, 30, 0)]
    [InlineData("2025/3/1 9:30:00", 2025, 3, 1, 1, 30, 0)]
    [InlineData("2025年3月1日 09:30", 2025, 3, 1, 1, 30, 0)]
    public void TryParse_WithTime_HonoursOffsetOrChinaTime(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(FeedDateParser.TryParse(text, out var date, out var error), error);

        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc), date.Utc.AddTicks(-(date.Utc.Ticks % TimeSpan.TicksPerSecond)));
        Assert.True(date.HasTime);
        Assert.Equal(date.Utc, date.EndOfDayUtc);
    }

    [Fact]
    public void TryParse_Fraction_KeepsMilliseconds()
    {
        Assert.True(FeedDateParser.TryParse("2025-03-01T09:30:00.250Z", out var date, out _));

        Assert.Equal(250, date.Utc.Millisecond);
    }

    [Theory]
    [InlineData("2025-02-30", "日期不存在：2025年2月30日")]
    [InlineData("2025-13-01", "日期不存在：2025年13月1日")]
    [InlineData("2024-02-29T00:00:00", null)]
    [InlineData("2025-02-29", "日期不存在：2025年2月29日")]
    [InlineData("1999-12-31", "年份1999超出范围（2000–2099）")]
    [InlineData("2025-03-01T25:00", "时间无效：“2025-03-01T25:00”")]
    [InlineData("45717", "日期“45717”像是 Excel 的日期序号，请导出为 2025-03-01 格式的文本")]
    [InlineData("", "日期为空")]
    public void TryParse_ImpossibleDates_ExplainWhy(string text, string? reason)
    {
        var ok = FeedDateParser.TryParse(text, out _, out var error);

        Assert.Equal(reason is null, ok);
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("03/01/2025")]
    [InlineData("2025-03")]
    [InlineData("20250301")]
    [InlineData("2025-03/01")]
    [InlineData("2025-03-01T")]
    [InlineData("2025-03-01T09")]
    [InlineData("2025-03-01 下午")]
    [InlineData("2025-03-01T09:30:00+8")]
    [InlineData("昨天")]
    [InlineData("March 1, 2025")]
    public void TryParse_UnknownForms_ListTheAcceptedOnes(string text)
    {
        Assert.False(FeedDateParser.TryParse(text, out _, out var error));

        Assert.StartsWith("无法识别的日期", error, StringComparison.Ordinal);
        Assert.Contains("2025年3月1日", error, StringComparison.Ordinal);
    }
}
