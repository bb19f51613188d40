using Jobs.Core.Imports.Feeds;

namespace Jobs.Tests.Imports.Feeds;

public class SalaryTextTests
{
    [Theory]
    [InlineData("8-12K", 8000, 12000)]
    [InlineData("8k-12k", 8000, 12000)]
    [InlineData("8K~12K", 8000, 12000)]
    [InlineData("8K～12K", 8000, 12000)]
    [InlineData("8k 至 12k", 8000, 12000)]
    [InlineData("8千-1.2万/月", 8000, 12000)]
    [InlineData("8千-1.2万", 8000, 12000)]
    [InlineData("8000-12000元/月", 8000, 12000)]
    [InlineData("8000-12000", 8000, 12000)]
    [InlineData("8000元-12000元", 8000, 12000)]
    [InlineData("月薪8000-12000元", 8000, 12000)]
    [InlineData("1-1.5万", 10000, 15000)]
    [InlineData("1-1.5萬", 10000, 15000)]
    [InlineData("1-1.5w", 10000, 15000)]
    [InlineData("0.8-1.2万元/月", 8000, 12000)]
    [InlineData("8k-12000", 8000, 12000)]
    [InlineData("8000-12k", 8000, 12000)]
    [InlineData("１０Ｋ－１５Ｋ", 10000, 15000)]
    [InlineData("８千－１万", 8000, 10000)]
    [InlineData("3500元", 3500, 3500)]
    [InlineData("3500", 3500, 3500)]
    [InlineData("¥6000-8000", 6000, 8000)]
    [InlineData("税前 6000-8000 元/月", 6000, 8000)]
    public void Parse_MonthlyForms_GiveMonthlyRange(string text, int min, int max)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.Equal(min, salary.Min);
        Assert.Equal(max, salary.Max);
        Assert.Equal(12, salary.MonthsPerYear);
        Assert.Equal(SalaryBasis.Monthly, salary.Basis);
        Assert.False(salary.Negotiable);
        Assert.False(salary.OpenEnded);
    }

    [Theory]
    [InlineData("15-25K·14薪", 14)]
    [InlineData("15-25k*14薪", 14)]
    [InlineData("15-25K x 14薪", 14)]
    [InlineData("15-25K・13薪", 13)]
    [InlineData("15-25K（13薪）", 13)]
    [InlineData("15-25K,16薪", 16)]
    [InlineData("15-25K·14薪/月", 14)]
    public void Parse_MonthsSuffix_SetsMonthsPerYear(string text, int months)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.Equal((15000, 25000), (salary.Min, salary.Max));
        Assert.Equal(months, salary.MonthsPerYear);
    }

    [Theory]
    [InlineData("面议")]
    [InlineData("薪资面议")]
    [InlineData("面議")]
    [InlineData(" 面谈 ")]
    public void Parse_Negotiable_HasNoFigures(string text)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.True(salary.Negotiable);
        Assert.Null(salary.Min);
        Assert.Null(salary.Max);
    }

    [Theory]
    [InlineData("200元/天", 4350, 4350)]
    [InlineData("200-300元/天", 4350, 6525)]
    [InlineData("日薪150", 3263, 3263)]
    [InlineData("150元每天", 3263, 3263)]
    [InlineData("180/日", 3915, 3915)]
    public void Parse_Daily_ConvertsWith2175WorkingDays(string text, int min, int max)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.Equal(SalaryBasis.Daily, salary.Basis);
        Assert.Equal((min, max), (salary.Min, salary.Max));
    }

    [Theory]
    [InlineData("年薪20-30万", 16667, 25000, 12)]
    [InlineData("20-30万/年", 16667, 25000, 12)]
    [InlineData("20-30万年薪", 16667, 25000, 12)]
    [InlineData("年薪24万", 20000, 20000, 12)]
    [InlineData("年薪30万·15薪", 20000, 20000, 15)]
    public void Parse_Yearly_DividesByMonthsPerYear(string text, int min, int max, int months)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.Equal(SalaryBasis.Yearly, salary.Basis);
        Assert.Equal((min, max), (salary.Min, salary.Max));
        Assert.Equal(months, salary.MonthsPerYear);
    }

    [Theory]
    [InlineData("25元/小时", 4350)]
    [InlineData("时薪25", 4350)]
    [InlineData("25元/時", 4350)]
    public void Parse_Hourly_ConvertsWith174Hours(string text, int monthly)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.Equal(SalaryBasis.Hourly, salary.Basis);
        Assert.Equal((monthly, monthly), (salary.Min, salary.Max));
    }

    [Theory]
    [InlineData("10K以上", 10000)]
    [InlineData("10K及以上", 10000)]
    [InlineData("8k起", 8000)]
    [InlineData("1万+", 10000)]
    [InlineData("8000元/月以上", 8000)]
    public void Parse_OpenEnded_MinEqualsMaxAndFlagged(string text, int floor)
    {
        var salary = SalaryText.Parse(text);

        Assert.Null(salary.Error);
        Assert.True(salary.OpenEnded);
        Assert.Equal((floor, floor), (salary.Min, salary.Max));
    }

    [Theory]
    [InlineData("-5000", "薪资不能为负数")]
    [InlineData("-8-12K", "薪资不能为负数")]
    [InlineData("5000--3000", "薪资不能为负数")]
    [InlineData("12-8K", "薪资下限高于上限")]
    [InlineData("1.2万-8千", "薪资下限高于上限")]
    [InlineData("0-5000", "薪资必须大于0")]
    public void Parse_NegativeInvertedOrZero_FailsWithReason(string text, string reason)
    {
        var salary = SalaryText.Parse(text);

        Assert.Equal(reason, salary.Error);
        Assert.False(salary.Succeeded);
        Assert.Null(salary.Min);
    }

    [Theory]
    [InlineData("8-12", "低于500元")]
    [InlineData("0.8-1.2", "低于500元")]
    [InlineData("200", "低于500元")]
    [InlineData("80-120万", "超过上限1000000元")]
    [InlineData("2000000", "超过上限1000000元")]
    [InlineData("999999999999999", "无法识别")]
    public void Parse_AbsurdFigures_FailAsLikelyUnitMistake(string text, string reasonPart)
    {
        var salary = SalaryText.Parse(text);

        Assert.NotNull(salary.Error);
        Assert.Contains(reasonPart, salary.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("待遇优厚")]
    [InlineData("8-12K-16K")]
    [InlineData("8K/周")]
    [InlineData("3000以下")]
    [InlineData("15-25K·30薪")]
    [InlineData("8-12K以上")]
    [InlineData("年薪20万/月")]
    public void Parse_Unparseable_FailsWithReason(string? text)
    {
        var salary = SalaryText.Parse(text);

        Assert.False(salary.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(salary.Error));
        Assert.Null(salary.Min);
        Assert.False(salary.Negotiable);
    }

    [Fact]
    public void Parse_MonthsOutOfRange_NamesTheAllowedRange()
    {
        Assert.Equal("每年发薪月数应在 12 到 24 之间，实际为30", SalaryText.Parse("15-25K·30薪").Error);
    }

    [Fact]
    public void Parse_VeryLongText_FailsWithoutScanning()
    {
        var salary = SalaryText.Parse(new string('8', 10_000));

        Assert.StartsWith("薪资文本过长", salary.Error, StringComparison.Ordinal);
    }
}
