using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings;
using static Jobs.Tests.Imports.Feeds.FeedTestKit;

namespace Jobs.Tests.Postings;

/// <summary>The ladders and tags read from the taxonomy data files, and feed format v1.1 on top of v1.</summary>
public class LabourTermsTests
{
    private static readonly string[] V11Columns = [.. Columns, "type", "cohort", "benefits"];

    [Theory]
    [InlineData("初中", EducationLevel.JuniorHigh)]
    [InlineData("初中以上", EducationLevel.JuniorHigh)]
    [InlineData("初中及以上", EducationLevel.JuniorHigh)]
    [InlineData("中技", EducationLevel.SecondaryVocational)]
    [InlineData("技校", EducationLevel.SecondaryVocational)]
    [InlineData("职高", EducationLevel.SecondaryVocational)]
    [InlineData("中专/中技/职高", EducationLevel.SecondaryVocational)]
    [InlineData("高中/中专", EducationLevel.HighSchool)]
    [InlineData("专科", EducationLevel.Associate)]
    [InlineData("本科及以上", EducationLevel.Bachelor)]
    [InlineData("统招本科", EducationLevel.Bachelor)]
    [InlineData("研究生", EducationLevel.Master)]
    [InlineData("博士", EducationLevel.Doctorate)]
    public void EducationTryParse_FeedSpellings_MapOntoLadder(string text, EducationLevel expected)
    {
        Assert.True(EducationLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void EducationRank_Ladder_JuniorHighBelowSecondaryTracks()
    {
        Assert.Equal(["不限", "初中及以下", "中专/中技/职高", "高中", "大专", "本科", "硕士", "博士"], EducationLevels.AllLabels);
        Assert.True(EducationLevel.SecondaryVocational.Satisfies(EducationLevel.JuniorHigh));
        Assert.True(EducationLevel.SecondaryVocational.Satisfies(EducationLevel.HighSchool));
        Assert.False(EducationLevel.SecondaryVocational.Satisfies(EducationLevel.Associate));
        Assert.False(EducationLevel.JuniorHigh.Satisfies(EducationLevel.SecondaryVocational));
    }

    [Theory]
    [InlineData("无经验可培训", ExperienceLevel.Any, true)]
    [InlineData("可接受无经验", ExperienceLevel.Any, true)]
    [InlineData("无需经验", ExperienceLevel.Any, true)]
    [InlineData("经验不限", ExperienceLevel.Any, false)]
    [InlineData("应届生", ExperienceLevel.FreshGraduate, true)]
    [InlineData("3年以上", ExperienceLevel.ThreeToFiveYears, false)]
    public void ExperienceTryParse_BeginnerSpellings_SetFlag(string text, ExperienceLevel expected, bool beginners)
    {
        Assert.True(ExperienceLevels.TryParse(text, out var level, out var welcomes));
        Assert.Equal((expected, beginners), (level, welcomes));
    }

    [Theory]
    [InlineData("社招", PostingType.FullTime)]
    [InlineData("日结", PostingType.PartTime)]
    [InlineData("暑期实习", PostingType.Internship)]
    [InlineData("管培生", PostingType.Campus)]
    [InlineData("校招", PostingType.Campus)]
    public void PostingTypeTryParse_Aliases_MapToType(string text, PostingType expected)
    {
        Assert.True(PostingTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("无双休，单休", "single-rest", "double-weekend")]
    [InlineData("包吃不包住", "meals", "housing")]
    [InlineData("单双休", "alternating-weeks", "double-weekend")]
    [InlineData("白班夜班轮换", "two-shifts", "long-day-shift")]
    [InlineData("不倒班，长白班", "long-day-shift", "rotating-shifts")]
    public void BenefitExtract_Negations_Respected(string text, string present, string absent)
    {
        var tags = BenefitTags.Resolve([], text).Select(b => b.Tag).ToList();

        Assert.Contains(present, tags);
        Assert.DoesNotContain(absent, tags);
    }

    [Fact]
    public void BenefitShownNames_ImpliedTagsPresent_ShowsOnlyTheImplyingTag()
    {
        var stored = BenefitTags.Resolve([], "包吃住，五险一金，长白班").Select(b => b.Tag).ToList();
        Assert.Contains("meals", stored);

        var shown = BenefitTags.ShownNames(stored);

        Assert.Equal(["五险一金", "包吃住", "长白班"], shown.Order(StringComparer.Ordinal));
        Assert.Equal(["包吃", "社保"], BenefitTags.ShownNames(["包吃", "社保"]));
    }

    [Fact]
    public void Parse_V1File_ReadsAsBeforeWithDefaults()
    {
        var result = Parse(Csv(Row("a1")));

        Assert.Empty(result.Rejections);
        Assert.Empty(result.Warnings);
        var row = Assert.Single(result.Rows);
        Assert.Equal((PostingType.FullTime, (int?)null, false, SalaryBasis.Monthly, 8000.0),
            (row.Terms.Type, row.Terms.Cohort, row.Terms.AcceptsBeginners, row.Terms.SalaryBasis, row.Terms.PostedSalaryMin));
    }

    [Fact]
    public void Parse_V11Fields_TypeCohortBenefitsAndSalaryKept()
    {
        var result = Parse(Csv([Row("a1", ("type", "秋招"), ("cohort", "2026届"), ("benefits", "五险一金、双休"), ("salary", "15-25K·14薪"))], V11Columns));

        var row = Assert.Single(result.Rows);
        Assert.Equal((PostingType.Campus, (int?)2026, 15000.0, 14), (row.Terms.Type, row.Terms.Cohort, row.Terms.PostedSalaryMin, row.SalaryMonths));
        Assert.Equal(["five-insurance", "social-insurance", "housing-fund", "double-weekend"],
            row.Terms.Benefits.Where(b => b.Source == PostingBenefit.Explicit).Select(b => b.Tag));
    }

    [Fact]
    public void Parse_CohortOnFullTime_Rejected()
    {
        var result = Parse(Csv([Row("a1", ("type", "全职"), ("cohort", "2026届"))], V11Columns));

        Assert.Equal("cohort", Assert.Single(result.Rejections).Field);
    }
}
