using Jobs.Core.Regions;

namespace Jobs.Tests.Domain;

public class CityDirectoryTests
{
    private static readonly CityDirectory Cities = CityDirectory.LoadEmbedded();

    [Theory]
    [InlineData("南京", "nanjing")]
    [InlineData("南京市", "nanjing")]
    [InlineData("Nanjing", "nanjing")]
    [InlineData("nanjing", "nanjing")]
    [InlineData(" NANJING ", "nanjing")]
    [InlineData("馬鞍山", "maanshan")]
    [InlineData("马鞍山市", "maanshan")]
    [InlineData("Ma'anshan", "maanshan")]
    [InlineData("金坛", "jintan")]
    [InlineData("金坛区", "jintan")]
    [InlineData("常州金坛", "jintan")]
    [InlineData("常州市金坛区", "jintan")]
    [InlineData("溧阳市", "liyang")]
    [InlineData("濟寧", "jining")]
    [InlineData("济宁市", "jining")]
    [InlineData("ＮＡＮＪＩＮＧ", "nanjing")]
    [InlineData("Huai'an", "huaian")]
    [InlineData("淮安", "huaian")]
    public void Resolve_CommonSpelling_FindsCity(string spelling, string expectedCode)
    {
        Assert.Equal(expectedCode, Cities.Resolve(spelling)?.Code);
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("宁")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("南京南京")]
    public void Resolve_UnknownOrAmbiguous_ReturnsNull(string spelling)
    {
        Assert.Null(Cities.Resolve(spelling));
    }

    [Fact]
    public void UnknownCityMessage_Always_ListsEveryMemberCity()
    {
        var message = Cities.UnknownCityMessage("北京");
        Assert.Contains("北京", message, StringComparison.Ordinal);
        foreach (var city in Cities.Cities)
        {
            Assert.Contains(city.Name, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Regions_Embedded_HoldNanjingCircleAndSouthernShandongSideBySide()
    {
        var metro = Cities.FindRegion("nanjing-metro")!;
        Assert.True(metro.IsDefault);
        Assert.Equal(
            ["nanjing", "zhenjiang", "yangzhou", "huaian", "wuhu", "maanshan", "chuzhou", "xuancheng", "jintan", "liyang"],
            metro.Cities.Select(c => c.Code));
        Assert.Equal(["jining", "zaozhuang", "linyi", "heze"], Cities.FindRegion("lunan")!.Cities.Select(c => c.Code));
        Assert.Same(metro, Cities.DefaultRegion);
    }

    [Fact]
    public void Cities_Embedded_HaveTraditionalNamesPinyinProvinceAndDistricts()
    {
        Assert.All(Cities.Cities, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.NameTraditional));
            Assert.Matches("^[a-z]+( [a-z]+)*$", c.PinyinSyllables);
            Assert.EndsWith("省", c.Province, StringComparison.Ordinal);
            Assert.InRange(c.Latitude, 30, 37);
            Assert.InRange(c.Longitude, 114, 121);
            Assert.NotEmpty(c.Districts);
        });
        Assert.Equal("馬鞍山", Cities.GetByCode("maanshan").NameTraditional);
        Assert.Equal("常州市", Cities.GetByCode("jintan").Parent);
    }

    [Fact]
    public void DistanceKmTo_NearAndFarCities_OrdersMaanshanBeforeHuaian()
    {
        var nanjing = Cities.GetByCode("nanjing");
        var toMaanshan = nanjing.DistanceKmTo(Cities.GetByCode("maanshan"));
        var toHuaian = nanjing.DistanceKmTo(Cities.GetByCode("huaian"));
        Assert.InRange(toMaanshan, 30, 70);
        Assert.InRange(toHuaian, 140, 200);
        Assert.Equal(0, nanjing.DistanceKmTo(nanjing), 6);
    }

    [Theory]
    [InlineData("鼓楼", "鼓楼区")]
    [InlineData("鼓楼区", "鼓楼区")]
    [InlineData("Jianye", "建邺区")]
    [InlineData("建鄴區", "建邺区")]
    public void FindDistrict_Spelling_FindsNanjingDistrict(string spelling, string expected)
    {
        Assert.Equal(expected, CityDirectory.FindDistrict(Cities.GetByCode("nanjing"), spelling)?.Name);
    }
}
