using Jobs.Core.Common;

namespace Jobs.Tests.Domain;

public class FormatRulesTests
{
    [Fact]
    public void CreditCodeCreate_AnyRandomSource_PassesItsOwnCheck()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var code = CreditCode.Create("340500", max => random.Next(max));
            Assert.Equal(18, code.Length);
            Assert.StartsWith("91340500", code, StringComparison.Ordinal);
            Assert.Null(CreditCode.Validate(code));
        }
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110108551385082Q")]
    public void CreditCodeValidate_PublishedCodes_AreValid(string code)
    {
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验位")]
    [InlineData("91350100M000100Y4", "18位")]
    [InlineData("91350100M0001O0Y43", "非法字符")]
    [InlineData("", "不能为空")]
    public void CreditCodeValidate_BadCode_SaysWhy(string code, string reasonPart)
    {
        Assert.Contains(reasonPart, CreditCode.Validate(code), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491331002X", false)]
    [InlineData("1101051949123100", false)]
    public void IsIdNumber_Input_ChecksDateAndCheckCharacter(string id, bool valid)
    {
        Assert.Equal(valid, ContactRules.IsIdNumber(id));
    }

    [Theory]
    [InlineData("13912345678", true)]
    [InlineData("+86 13912345678", true)]
    [InlineData("12912345678", false)]
    [InlineData("1391234567", false)]
    public void IsMobilePhone_Input_AcceptsMainlandMobiles(string phone, bool valid)
    {
        Assert.Equal(valid, ContactRules.IsMobilePhone(phone));
    }

    [Theory]
    [InlineData("本科", EducationLevel.Bachelor)]
    [InlineData("本科及以上", EducationLevel.Bachelor)]
    [InlineData("大專", EducationLevel.Associate)]
    [InlineData("研究生", EducationLevel.Master)]
    [InlineData("学历不限", EducationLevel.Any)]
    [InlineData("Doctorate", EducationLevel.Doctorate)]
    public void EducationTryParse_Label_MapsToLevel(string text, EducationLevel expected)
    {
        Assert.True(EducationLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void EducationSatisfies_Ranks_TreatSecondaryTracksAlike()
    {
        Assert.True(EducationLevel.SecondaryVocational.Satisfies(EducationLevel.HighSchool));
        Assert.True(EducationLevel.Master.Satisfies(EducationLevel.Bachelor));
        Assert.False(EducationLevel.Associate.Satisfies(EducationLevel.Bachelor));
        Assert.False(EducationLevels.TryParse("幼儿园", out _));
    }

    [Theory]
    [InlineData("应届生", ExperienceLevel.FreshGraduate)]
    [InlineData("1-3年", ExperienceLevel.OneToThreeYears)]
    [InlineData("3年以上", ExperienceLevel.ThreeToFiveYears)]
    [InlineData("經驗不限", ExperienceLevel.Any)]
    public void ExperienceTryParse_Label_MapsToBand(string text, ExperienceLevel expected)
    {
        Assert.True(ExperienceLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }
}
