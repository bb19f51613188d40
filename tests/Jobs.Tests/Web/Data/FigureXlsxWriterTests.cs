using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Jobs.Web.Data;
using Jobs.Web.Data.Kit;

namespace Jobs.Tests.Web.Data;

/// <summary>Workbooks written and read back with the same library: values, cell types, number formats, names, notes.</summary>
public sealed class FigureXlsxWriterTests
{
    [Fact]
    public void Write_RatioTable_NumericCellsWithKindFormatsBoldHeaderAndNotes()
    {
        using var book = Open(FigureXlsxWriter.Write([FigureSamples.RatioByCity()]));
        var sheet = Sheet(book, "求人倍率（按城市）");

        Assert.Equal("城市", Text(sheet, "A1"));
        Assert.True(IsBold(book, sheet["A1"]));
        Assert.True(IsBold(book, sheet["D1"]));
        Assert.Equal((1.32m, "0.00"), Number(book, sheet["B2"]));
        Assert.Equal((12_480m, "#,##0"), Number(book, sheet["C2"]));
        Assert.Equal((0.253m, "0.0%"), Number(book, sheet["D2"]));
        Assert.Equal("马鞍山", Text(sheet, "A4"));
        Assert.False(sheet.ContainsKey("B4"));
        Assert.False(sheet.ContainsKey("D4"));
        Assert.Equal((35m, "#,##0"), Number(book, sheet["C4"]));
        Assert.Equal((2.25m, "0.00"), Number(book, sheet["B5"]));
        Assert.False(sheet.ContainsKey("A6"));
        Assert.Equal("2026年第三季度；来源：各市公共就业服务机构", Text(sheet, "A7"));
        Assert.Equal(FigureFormat.WithheldNote, Text(sheet, "A8"));
    }

    [Fact]
    public void Write_AllSampleFigures_ValidAgainstTheOfficeSchema()
    {
        using var book = Open(FigureXlsxWriter.Write([FigureSamples.RatioByCity(), FigureSamples.Trend(), FigureSamples.Flows()]));

        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Write_FormulaLikeLabel_IsAnInlineStringNeverAFormula()
    {
        var table = new FigureTable("t", "注入", FigureChart.None, [new("城市", FigureValueKind.Text), new("天数", FigureValueKind.Days)],
            [new FigureRow([FigureCell.Label("=HYPERLINK(\"http://x\")"), FigureCell.Value(3.25m)])]);

        using var book = Open(FigureXlsxWriter.Write([table]));
        var sheet = Sheet(book, "注入");

        Assert.Null(sheet["A2"].CellFormula);
        Assert.Equal(CellValues.InlineString, sheet["A2"].DataType?.Value);
        Assert.Equal("=HYPERLINK(\"http://x\")", Text(sheet, "A2"));
        Assert.Equal((3.3m, "0.0"), Number(book, sheet["B2"]));
    }

    [Fact]
    public void Write_SeveralFigures_OneSheetEachInOrder()
    {
        using var book = Open(FigureXlsxWriter.Write([FigureSamples.RatioByCity(), FigureSamples.Trend(), FigureSamples.Flows()]));

        var names = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["求人倍率（按城市）", "求人倍率走势", "毕业生意向流向（毕业城市→意向城市）"], names);
        var flows = Sheet(book, names[2]);
        Assert.Equal("宣城", Text(flows, "I1"));
        Assert.False(flows.ContainsKey("D6"));
        Assert.Equal(1_060m, Number(book, flows["F6"]).Value);
    }

    [Fact]
    public void SheetNames_LongDuplicateAndIllegalTitles_ShortDistinctLegal()
    {
        var longTitle = string.Concat(Enumerable.Repeat("求人倍率按城市", 5));

        var names = FigureXlsxWriter.SheetNames([longTitle, longTitle, "供求/比例:[季度]?", "", "history", "'引号'"]);

        Assert.All(names, n => Assert.InRange(n.Length, 1, FigureXlsxWriter.SheetNameLength));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.True(n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
        Assert.Equal(longTitle[..31], names[0]);
        Assert.EndsWith(" (2)", names[1], StringComparison.Ordinal);
        Assert.Equal("供求 比例  季度", names[2]);
        Assert.Equal("Sheet4", names[3]);
        Assert.Equal("Sheet5", names[4]);
        Assert.Equal("引号", names[5]);
    }

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private static Dictionary<string, Cell> Sheet(SpreadsheetDocument book, string name)
    {
        var workbook = book.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
    }

    private static string Text(Dictionary<string, Cell> sheet, string reference)
    {
        var cell = sheet[reference];
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        return cell.InlineString!.InnerText;
    }

    private static (decimal Value, string Format) Number(SpreadsheetDocument book, Cell cell)
    {
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, "a numeric cell");
        var styles = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var code = styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
        return (decimal.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), code);
    }

    private static bool IsBold(SpreadsheetDocument book, Cell cell)
    {
        var styles = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return styles.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0)).Bold is not null;
    }
}
