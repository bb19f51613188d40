using Jobs.Core.Imports;

namespace Jobs.Tests.Imports;

public sealed class DuplicateKeysTests
{
    [Theory]
    [InlineData("南京 華爲（科技）有限公司", "南京华为科技有限公司")]
    [InlineData("ＪＡＶＡ 開發工程師", "java开发工程师")]
    [InlineData("Java-开发·工程师", "java开发工程师")]
    public void Normalize_SpellingVariants_GiveTheSameKey(string text, string expected)
    {
        using var keys = new DuplicateKeys();

        Assert.Equal(expected, keys.Normalize(text));
    }

    [Fact]
    public void For_CreditCodeOrName_KeysTheEmployerByCodeFirst()
    {
        Assert.Equal("c:91320100MA1XXXXX00|java开发工程师|nanjing", DuplicateKeys.For(DuplicateKeys.EmployerIdentity("91320100MA1XXXXX00", "紫金软件"), "java开发工程师", "nanjing"));
        Assert.Equal("n:紫金软件|java开发工程师|nanjing", DuplicateKeys.For(DuplicateKeys.EmployerIdentity(null, "紫金软件"), "java开发工程师", "nanjing"));
    }

    [Fact]
    public void Normalize_DifferentTitles_StayDifferent()
    {
        using var keys = new DuplicateKeys();

        Assert.NotEqual(keys.Normalize("Java开发工程师"), keys.Normalize("JavaScript开发工程师"));
    }
}
