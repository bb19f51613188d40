using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;

namespace Jobs.Tests.Imports.Feeds;

public class FeedValuesTests
{
    [Theory]
    [InlineData("应届生", ExperienceLevel.FreshGraduate)]
    [InlineData("應屆生", ExperienceLevel.FreshGraduate)]
    [InlineData("在校生", ExperienceLevel.FreshGraduate)]
    [InlineData("1-3年", ExperienceLevel.OneToThreeYears)]
    [InlineData("1～3年", ExperienceLevel.OneToThreeYears)]
    [InlineData("3年以上", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("3年及以上", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("三年以上", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("经验3年以上", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("3年以上工作经验", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("3-5年", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("2年以上", ExperienceLevel.OneToThreeYears)]
    [InlineData("2-3年", ExperienceLevel.OneToThreeYears)]
    [InlineData("4年", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("5年以上", ExperienceLevel.FiveToTenYears)]
    [InlineData("8年+", ExperienceLevel.FiveToTenYears)]
    [InlineData("10年以上", ExperienceLevel.OverTenYears)]
    [InlineData("15年以上", ExperienceLevel.OverTenYears)]
    [InlineData("0-1年", ExperienceLevel.UnderOneYear)]
    [InlineData("1年以下", ExperienceLevel.UnderOneYear)]
    [InlineData("不限", ExperienceLevel.Any)]
    [InlineData("經驗不限", ExperienceLevel.Any)]
    [InlineData("无经验要求", ExperienceLevel.Any)]
    public void TryParseExperience_AdvertSpellings_MapToBandContainingTheMinimum(string text, ExperienceLevel expected)
    {
        Assert.True(FeedValues.TryParseExperience(text, out var level));

        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("资深")]
    [InlineData("5-3年")]
    [InlineData("99年以上")]
    [InlineData("3个月")]
    [InlineData("")]
    public void TryParseExperience_Unknown_ReturnsFalse(string text)
    {
        Assert.False(FeedValues.TryParseExperience(text, out _));
    }

    [Theory]
    [InlineData("本科", EducationLevel.Bachelor)]
    [InlineData("本科及以上", EducationLevel.Bachelor)]
    [InlineData("本科或以上学历", EducationLevel.Bachelor)]
    [InlineData("全日制本科", EducationLevel.Bachelor)]
    [InlineData("大專", EducationLevel.Associate)]
    [InlineData("碩士", EducationLevel.Master)]
    [InlineData("学历不限", EducationLevel.Any)]
    public void TryParseEducation_AdvertSpellings_MapToLevel(string text, EducationLevel expected)
    {
        Assert.True(FeedValues.TryParseEducation(text, out var level));

        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("软件/互联网", "软件/互联网")]
    [InlineData(" 软件 / 互联网 ", "软件/互联网")]
    [InlineData("軟件/互聯網", "软件/互联网")]
    [InlineData("軟體/網際網路", "软件/互联网")]
    [InlineData("电子／半导体", "电子/半导体")]
    [InlineData("電子/半導體", "电子/半导体")]
    [InlineData("醫療/健康", "医疗/健康")]
    [InlineData("生產製造", "生产制造")]
    [InlineData("農業", null)]
    [InlineData("", null)]
    public void NormalizeCategory_SimplifiedOrTraditional_GivesListedCategory(string text, string? expected)
    {
        Assert.Equal(expected, FeedValues.NormalizeCategory(text));
    }

    [Theory]
    [InlineData("5", 5, true)]
    [InlineData("5人", 5, true)]
    [InlineData("５名", 5, true)]
    [InlineData("3-5人", 5, true)]
    [InlineData("若干", null, true)]
    [InlineData("不限", null, true)]
    [InlineData("0", null, false)]
    [InlineData("10001", null, false)]
    [InlineData("-3", null, false)]
    [InlineData("很多", null, false)]
    public void ParseHeadcount_Forms_GiveCountOrOpen(string text, int? expected, bool valid)
    {
        var count = FeedValues.ParseHeadcount(text, out var ok);

        Assert.Equal(expected, count);
        Assert.Equal(valid, ok);
    }
}
