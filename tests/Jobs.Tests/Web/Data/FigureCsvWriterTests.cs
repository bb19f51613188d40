using System.Text;
using Jobs.Web.Data;
using Jobs.Web.Data.Kit;

namespace Jobs.Tests.Web.Data;

public sealed class FigureCsvWriterTests
{
    [Fact]
    public void Write_SmallTable_ExactBytesWithBomQuotingWithheldAndInjectionGuard()
    {
        var table = new FigureTable(
            "sample",
            "样例",
            FigureChart.None,
            [
                new("城市", FigureValueKind.Text),
                new("求人倍率", FigureValueKind.Ratio),
                new("需求人数", FigureValueKind.Count),
                new("占比", FigureValueKind.Share),
                new("说明, 备注", FigureValueKind.Text),
            ],
            [
                new FigureRow([FigureCell.Label("南京"), FigureCell.Value(1.3249m), FigureCell.Value(12_480), FigureCell.Value(0.25344m), FigureCell.Label("含\"高新\"区")]),
                new FigureRow([FigureCell.Label("=HYPERLINK(\"x\")"), FigureCell.Hidden, FigureCell.Value(35), FigureCell.Hidden, FigureCell.Label("-1+1")]),
                new FigureRow([FigureCell.Label("镇江"), FigureCell.Value(null), FigureCell.Value(-12), FigureCell.Value(1), FigureCell.Label("两行\n说明")]),
                new FigureRow([FigureCell.Label("扬州"), FigureCell.Value(0.5m), FigureCell.Value(0), FigureCell.Value(0.1m), FigureCell.Label("@cmd")]),
            ],
            "不写进文件的说明");

        var bytes = FigureCsvWriter.Write(table);

        const string expected =
            "城市,求人倍率,需求人数,占比,\"说明, 备注\"\r\n" +
            "南京,1.32,12480,0.253,\"含\"\"高新\"\"区\"\r\n" +
            "\"'=HYPERLINK(\"\"x\"\")\",,35,,'-1+1\r\n" +
            "镇江,,-12,1,\"两行\n说明\"\r\n" +
            "扬州,0.5,0,0.1,'@cmd\r\n";
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(expected)], bytes);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 25", "'+86 25")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("南京=1", "南京=1")]
    [InlineData("", "")]
    public void Text_FormulaLead_GetsApostrophe(string text, string written) => Assert.Equal(written, FigureCsvWriter.Text(text));

    [Fact]
    public void Write_FirstLine_IsTheHeaderRowNotTheTitle()
    {
        var lines = Encoding.UTF8.GetString(FigureCsvWriter.Write(FigureSamples.RatioByCity()).AsSpan(3)).Split("\r\n");

        Assert.Equal("城市,求人倍率,需求人数,其他城市占比", lines[0]);
        Assert.Equal("马鞍山,,35,", lines[3]);
        Assert.Equal(6, lines.Length);
        Assert.Equal("", lines[^1]);
    }
}
