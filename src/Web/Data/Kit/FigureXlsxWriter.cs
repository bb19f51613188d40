using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jobs.Web.Data.Kit;

/// <summary>
/// Figures as a workbook, one sheet each: a bold header row, numbers as real numeric cells (at the page's precision) with
/// the number format of their kind, text as inline strings (never formulas, so a label cannot run), withheld cells empty
/// with the note under the table.
/// </summary>
public static class FigureXlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on a sheet name.</summary>
    public const int SheetNameLength = 31;

    /// <summary>The number format of each kind, as Excel format codes; custom ids start at 164.</summary>
    public static IReadOnlyDictionary<FigureValueKind, string> FormatCodes { get; } = new Dictionary<FigureValueKind, string>
    {
        [FigureValueKind.Count] = "#,##0",
        [FigureValueKind.Ratio] = "0.00",
        [FigureValueKind.Money] = "#,##0",
        [FigureValueKind.Share] = "0.0%",
        [FigureValueKind.Days] = "0.0",
    };

    private const uint HeaderStyle = 1;
    private static readonly FigureValueKind[] NumberKinds = [.. FormatCodes.Keys];

    public static byte[] Write(IReadOnlyList<FigureTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = SheetNames(tables.Select(t => t.Title).ToList());
            for (var i = 0; i < tables.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(tables[i]);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = names[i] });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Titles made into legal, distinct sheet names: no <c>[]:*?/\</c>, at most 31 characters, no two alike (Excel ignores case).</summary>
    public static IReadOnlyList<string> SheetNames(IReadOnlyList<string> titles)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        for (var i = 0; i < titles.Count; i++)
        {
            var clean = new string([.. titles[i].Select(c => "[]:*?/\\".Contains(c) || char.IsControl(c) ? ' ' : c)]).Trim().Trim('\'').Trim();
            if (clean.Length == 0 || clean.Equals("History", StringComparison.OrdinalIgnoreCase))
            {
                clean = $"Sheet{i + 1}";
            }

            var name = Cut(clean, SheetNameLength);
            for (var n = 2; !taken.Add(name); n++)
            {
                var suffix = $" ({n})";
                name = Cut(clean, SheetNameLength - suffix.Length) + suffix;
            }

            names.Add(name);
        }

        return names;
    }

    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        // Never split a surrogate pair (a rare character outside the basic plane).
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut].TrimEnd();
    }

    private static Worksheet Worksheet(FigureTable table)
    {
        var data = new SheetData();
        uint rowIndex = 1;
        data.Append(Row(rowIndex++, table.Columns.Select(c => TextCell(c.Header, HeaderStyle))));
        foreach (var row in table.Rows)
        {
            data.Append(Row(rowIndex++, table.Columns.Select((column, i) => i < row.Cells.Count ? ValueCell(row.Cells[i], column.Kind) : null)));
        }

        var notes = new[] { table.Note, FigureFormat.HasWithheld(table) ? FigureFormat.WithheldNote : null }.OfType<string>().ToList();
        rowIndex++;
        foreach (var note in notes)
        {
            data.Append(Row(rowIndex++, [TextCell(note, 0)]));
        }

        var columns = new Columns(table.Columns.Select((column, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(table.Rows.Select(r => i < r.Cells.Count ? FigureFormat.Cell(r.Cells[i], column.Kind) : "").Append(column.Header).Max(Width) + 2, 8, 48),
            CustomWidth = true,
        }));
        return new Worksheet(columns, data);
    }

    /// <summary>Width in Excel's character units: a CJK character takes two.</summary>
    private static double Width(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);

    private static Row Row(uint index, IEnumerable<Cell?> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (cell is null)
            {
                continue;
            }

            cell.CellReference = ColumnName(column) + index;
            row.Append(cell);
        }

        return row;
    }

    private static Cell? ValueCell(FigureCell cell, FigureValueKind kind) => cell switch
    {
        { Withheld: true } => null,
        { Number: { } n } => new Cell
        {
            CellValue = new CellValue(FigureFormat.Rounded(n, kind)),
            DataType = CellValues.Number,
            StyleIndex = StyleOf(kind),
        },
        { Text: { } t } => TextCell(t, 0),
        _ => null,
    };

    private static Cell TextCell(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>Style 0 is plain, 1 the bold header, then one per number kind in <see cref="NumberKinds"/> order.</summary>
    private static uint StyleOf(FigureValueKind kind) => Array.IndexOf(NumberKinds, kind) is var i and >= 0 ? (uint)(2 + i) : 0;

    private static Stylesheet Stylesheet()
    {
        var formats = new NumberingFormats(NumberKinds.Select((kind, i) => new NumberingFormat
        {
            NumberFormatId = (uint)(164 + i),
            FormatCode = FormatCodes[kind],
        }));
        var cellFormats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true });
        for (var i = 0; i < NumberKinds.Length; i++)
        {
            cellFormats.Append(new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true });
        }

        return new Stylesheet(
            formats,
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            cellFormats);
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }
}
