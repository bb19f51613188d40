using System.Text;
using Jobs.Core.Imports.Feeds;
using static Jobs.Tests.Imports.Feeds.FeedTestKit;

namespace Jobs.Tests.Imports.Feeds;

public class FeedReaderTests
{
    private static (FeedReader Reader, List<FeedRecord> Records) ReadAll(byte[] bytes, FeedReadOptions? options = null, bool forwardOnly = false)
    {
        Stream stream = new MemoryStream(bytes);
        if (forwardOnly)
        {
            stream = new ForwardOnlyStream(stream);
        }

        var reader = FeedReader.Open(stream, options);
        return (reader, reader.ReadRecords().ToList());
    }

    [Fact]
    public void Open_Utf8WithoutBom_DetectsUtf8AndCsv()
    {
        var (reader, records) = ReadAll(Bytes(Csv(Row("a1"))));

        Assert.Null(reader.FileError);
        Assert.Equal(FeedTextEncoding.Utf8, reader.Encoding);
        Assert.Equal(FeedFormat.Csv, reader.Format);
        Assert.Equal("南京紫金软件有限公司", Assert.Single(records)[FeedField.EmployerName]);
    }

    [Fact]
    public void Open_Utf8WithBom_SkipsBomSoFirstColumnMatches()
    {
        var (reader, records) = ReadAll(Bytes(Csv(Row("a1")), bom: true));

        Assert.Null(reader.FileError);
        Assert.Equal(FeedTextEncoding.Utf8, reader.Encoding);
        Assert.Equal("a1", Assert.Single(records)[FeedField.ExternalId]);
    }

    [Fact]
    public void Open_Gb18030Bytes_DetectedAndDecoded()
    {
        var bytes = Bytes(Csv(Row("g1", ("title", "会计（总账方向）"), ("city", "马鞍山"))), Gb18030);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var (reader, records) = ReadAll(bytes);

        Assert.Null(reader.FileError);
        Assert.Equal(FeedTextEncoding.Gb18030, reader.Encoding);
        Assert.Equal("会计（总账方向）", records[0][FeedField.Title]);
        Assert.Equal("马鞍山", records[0][FeedField.City]);
    }

    [Fact]
    public void Open_Gb18030FromForwardOnlyStream_DetectedFromPrefix()
    {
        var rows = Enumerable.Range(1, 300).Select(i => Row($"g{i}", ("description", $"第{i}条：负责仓储物流的日常管理。"))).ToArray();
        var (reader, records) = ReadAll(Bytes(Csv(rows), Gb18030), forwardOnly: true);

        Assert.Null(reader.FileError);
        Assert.Equal(FeedTextEncoding.Gb18030, reader.Encoding);
        Assert.Equal(300, records.Count);
        Assert.Equal("第300条：负责仓储物流的日常管理。", records[^1][FeedField.Description]);
    }

    [Fact]
    public void Open_Gb18030AfterLongAsciiStart_WholeFileScannedSoStillGb18030()
    {
        // 200 KB of ASCII before the first Chinese character: a prefix-only check would have said UTF-8.
        var rows = Enumerable.Range(1, 2000).Select(i => Row($"id{i}", ("title", "Developer"), ("employer_name", "ACME Ltd"),
            ("city", "nanjing"), ("district", ""), ("category", ""), ("education", ""), ("experience", ""),
            ("description", "Plain ASCII text that goes on for a while to push the first Chinese character far away."))).ToList();
        rows.Add(Row("last", ("title", "仓库管理员")));
        var (reader, records) = ReadAll(Bytes(Csv(rows), Gb18030));

        Assert.Null(reader.FileError);
        Assert.Equal(FeedTextEncoding.Gb18030, reader.Encoding);
        Assert.Equal("仓库管理员", records[^1][FeedField.Title]);
    }

    [Fact]
    public void Open_DeclaredUtf8ButGb18030Bytes_FailsWithLineAndHint()
    {
        var csv = Csv(Row("a1", ("title", "Clerk"), ("employer_name", "ACME"), ("city", "nanjing"), ("district", ""), ("category", ""),
            ("education", ""), ("experience", ""), ("description", "ASCII only")), Row("a2", ("title", "仓库管理员")));

        var (reader, _) = ReadAll(Bytes(csv, Gb18030), new FeedReadOptions(Encoding: FeedTextEncoding.Utf8));

        Assert.NotNull(reader.FileError);
        Assert.StartsWith("文件在第3行附近含有不是UTF-8的字节", reader.FileError, StringComparison.Ordinal);
        Assert.Equal(3, reader.FileErrorLine);
    }

    [Fact]
    public void Open_NeitherUtf8NorGb18030_FailsAtTheBadLine()
    {
        // Latin-1 "café," is not UTF-8, and 0xE9 followed by a comma is no GB18030 sequence either.
        var ascii = Row("a1", ("title", "Clerk"), ("employer_name", "ACME"), ("city", "nanjing"), ("district", ""), ("category", ""),
            ("education", ""), ("experience", ""), ("description", "ASCII only"));
        var bytes = Bytes(Csv(ascii)).Concat(Encoding.Latin1.GetBytes("a2,café,ACME\n")).ToArray();

        var (reader, _) = ReadAll(bytes);

        Assert.Equal(FeedTextEncoding.Gb18030, reader.Encoding);
        Assert.Equal("文件在第3行附近含有GB18030无法解码的字节，请检查文件编码", reader.FileError);
    }

    [Fact]
    public void Open_JsonLinesSniffed_ByFirstBrace()
    {
        var (reader, records) = ReadAll(Bytes("\n  " + Jsonl(Row("j1"), Row("j2"))));

        Assert.Equal(FeedFormat.JsonLines, reader.Format);
        Assert.Equal(["j1", "j2"], records.Select(r => r[FeedField.ExternalId]));
        Assert.Equal([2, 3], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, "ZIP压缩包")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "旧版Excel")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }, "NUL字节")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x65, 0x00, 0x78, 0x00 }, "UTF-16")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    public void Open_BinaryFiles_FailWithOneReasonAndNoRecords(byte[] start, string reasonPart)
    {
        var bytes = start.Concat(Enumerable.Range(0, 2000).Select(i => (byte)(i * 7))).ToArray();

        var (reader, records) = ReadAll(bytes);

        Assert.Contains(reasonPart, reader.FileError, StringComparison.Ordinal);
        Assert.Empty(records);
        Assert.Null(reader.Format);
    }

    [Fact]
    public void Open_ManyControlCharacters_IsBinary()
    {
        var bytes = Enumerable.Range(0, 1024).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        var (reader, _) = ReadAll(bytes);

        Assert.Equal("文件包含二进制内容（开头1KB内有大量控制字符），不是CSV或JSON Lines文本文件", reader.FileError);
    }

    [Fact]
    public void Open_OneStrayControlCharacter_IsStillText()
    {
        var (reader, records) = ReadAll(Bytes(Csv(Row("a1", ("title", "Java\u0007开发")))));

        Assert.Null(reader.FileError);
        Assert.Single(records);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\r\n  ")]
    public void Open_EmptyFile_Fails(string text)
    {
        var (reader, records) = ReadAll(Bytes(text));

        Assert.Equal("文件为空", reader.FileError);
        Assert.Empty(records);
    }

    [Fact]
    public void Open_BomOnly_IsEmpty()
    {
        var (reader, _) = ReadAll([0xEF, 0xBB, 0xBF]);

        Assert.Equal("文件为空", reader.FileError);
    }

    [Fact]
    public void Open_JsonArray_ExplainsJsonLines()
    {
        var (reader, _) = ReadAll(Bytes("[" + System.Text.Json.JsonSerializer.Serialize(Row("a")) + "]"));

        Assert.Equal("文件是一个JSON数组；请改为每行一个JSON对象（JSON Lines），或使用CSV", reader.FileError);
    }

    [Fact]
    public void Open_DeclaredCsvButJsonContent_Fails()
    {
        var (reader, _) = ReadAll(Bytes(Jsonl(Row("a"))), new FeedReadOptions(FeedFormat.Csv));

        Assert.Equal("来源配置为CSV，但文件内容是JSON Lines（首个字符是“{”）", reader.FileError);
    }

    [Fact]
    public void Open_DeclaredJsonLinesButCsvContent_Fails()
    {
        var (reader, _) = ReadAll(Bytes(Csv(Row("a"))), new FeedReadOptions(FeedFormat.JsonLines));

        Assert.Equal("来源配置为JSON Lines，但文件的首个非空字符不是“{”", reader.FileError);
    }

    [Fact]
    public void ReadRecords_QuotedNewlines_KeptInFieldAndLinesArePhysical()
    {
        var csv = Csv(
            Row("a1", ("description", "第一行\n第二行\n第三行")),
            Row("a2", ("description", "含有\"引号\"和,逗号")),
            Row("a3"));

        var (_, records) = ReadAll(Bytes(csv));

        Assert.Equal([2, 5, 6], records.Select(r => r.Line));
        Assert.Equal("第一行\n第二行\n第三行", records[0][FeedField.Description]);
        Assert.Equal("含有\"引号\"和,逗号", records[1][FeedField.Description]);
    }

    [Fact]
    public void ReadRecords_CrLfAndBlankLines_CountedAsPhysicalLines()
    {
        var csv = Csv(Row("a1", ("description", "一\r\n二")), Row("a2")).Replace("\n", "\r\n", StringComparison.Ordinal)
            .Replace("\r\r\n", "\r\n", StringComparison.Ordinal);
        csv = csv.Insert(csv.IndexOf("a2,", StringComparison.Ordinal), "\r\n\r\n");

        var (_, records) = ReadAll(Bytes(csv));

        Assert.Equal([2, 6], records.Select(r => r.Line));
        Assert.Equal("一\r\n二", records[0][FeedField.Description]);
    }

    [Fact]
    public void ReadRecords_TruncatedQuotedField_FailsAtTheLineTheQuoteOpened()
    {
        var csv = Csv(Row("a1"), Row("a2")) + "a3,Java,\"ACME\n还没结束的企业名称,南京\n更多内容";

        var (reader, _) = ReadAll(Bytes(csv));

        Assert.Equal("第4行开始的带引号字段没有结束引号（文件可能被截断，或引号不成对）", reader.FileError);
        Assert.Equal(4, reader.FileErrorLine);
    }

    [Fact]
    public void ReadRecords_FieldCountMismatch_RecordCarriesError()
    {
        var csv = string.Join(',', Columns) + "\n" + "a1,Java,ACME,,南京\n";

        var (_, records) = ReadAll(Bytes(csv));

        Assert.Equal("该行有5个字段，表头有16列（可能是文本中有未加引号的逗号或换行）", Assert.Single(records).Error);
    }

    [Fact]
    public void ReadRecords_TrailingEmptyFieldsAndEmptyRows_Tolerated()
    {
        var csv = Csv(Row("a1")).TrimEnd('\n') + ",,\n,,,,,,,,,,,,,,,\n\n";

        var (reader, records) = ReadAll(Bytes(csv));

        Assert.Null(reader.FileError);
        Assert.Null(Assert.Single(records).Error);
    }

    [Fact]
    public void ReadRecords_LenientQuotes_StrayQuoteIsText()
    {
        var csv = string.Join(',', Columns) + "\n" + "a1,5\"显示器维修,ACME,,南京,,,,,,,,desc,2025-03-01,,\n";

        var (_, records) = ReadAll(Bytes(csv));

        Assert.Equal("5\"显示器维修", Assert.Single(records)[FeedField.Title]);
    }

    [Fact]
    public void ReadRecords_UnknownColumn_WarnsOnceAndDropsIt()
    {
        var columns = Columns.Append("wechat").ToArray();
        var row = Row("a1");
        row["wechat"] = "hr_zhang";

        var (reader, records) = ReadAll(Bytes(Csv([row], columns)));

        var warning = Assert.Single(reader.Warnings);
        Assert.Equal((1, "wechat"), (warning.Line, warning.Field));
        Assert.StartsWith("未知的列“wechat”，已忽略", warning.Reason, StringComparison.Ordinal);
        Assert.Single(records);
    }

    [Fact]
    public void ReadRecords_HeaderCaseAndSpaces_Ignored()
    {
        var columns = Columns.Select(c => " " + c.ToUpperInvariant() + " ").ToArray();
        var csv = string.Join(',', columns) + "\n" + string.Join(',', Columns.Select(c => Quote(Row("a1")[c]))) + "\n";

        var (reader, records) = ReadAll(Bytes(csv));

        Assert.Null(reader.FileError);
        Assert.Equal("a1", Assert.Single(records)[FeedField.ExternalId]);
    }

    [Fact]
    public void ReadRecords_MissingRequiredColumns_NamesEveryOne()
    {
        var columns = Columns.Except(["title", "posted_at"]).ToArray();

        var (reader, records) = ReadAll(Bytes(Csv([Row("a1")], columns)));

        Assert.Equal("缺少必需的列：title、posted_at", reader.FileError);
        Assert.Empty(records);
    }

    [Fact]
    public void ReadRecords_SemicolonSeparated_HintsAtSeparator()
    {
        var (reader, _) = ReadAll(Bytes(string.Join(';', Columns) + "\n" + "a1;Java\n"));

        Assert.StartsWith("缺少必需的列：external_id、title", reader.FileError, StringComparison.Ordinal);
        Assert.EndsWith("（表头只有一列，文件似乎不是用英文逗号分隔的）", reader.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRecords_DuplicateHeaderColumn_Fails()
    {
        var (reader, _) = ReadAll(Bytes(string.Join(',', Columns) + ",title\n"));

        Assert.Equal("表头中的列“title”出现了不止一次", reader.FileError);
    }

    [Fact]
    public void ReadRecords_JsonLinesValues_NumbersArraysAndNullsRead()
    {
        var line = """{"external_id": 1001, "title": "焊工", "skills": ["电焊", "氩弧焊"], "headcount": 5, "district": null, "extra": {"a": 1}}""";

        var (reader, records) = ReadAll(Bytes(line + "\n"));

        var record = Assert.Single(records);
        Assert.Null(record.Error);
        Assert.Equal("1001", record[FeedField.ExternalId]);
        Assert.Equal("电焊;氩弧焊", record[FeedField.Skills]);
        Assert.Equal("5", record[FeedField.Headcount]);
        Assert.Null(record[FeedField.District]);
        Assert.Equal("extra", Assert.Single(reader.Warnings).Field);
    }

    [Theory]
    [InlineData("""{"external_id": "x", "title": }""", "JSON格式错误")]
    [InlineData("""{"external_id": "x"} {"title": "y"}""", "JSON格式错误")]
    [InlineData("""{"external_id": "x", "title": {"zh": "焊工"}}""", "字段“title”应为文本或数字，不能是对象或数组")]
    [InlineData("""{"external_id": "x", "external_id": "y"}""", "字段“external_id”在同一行出现了不止一次")]
    [InlineData("""{"external_id": "x", "skills": [["a"]]}""", "字段“skills”的数组只能包含文本")]
    [InlineData("""{"external_id": "x" """, "JSON格式错误")]
    public void ReadRecords_MalformedJsonLine_ThatRecordCarriesError(string line, string reasonPart)
    {
        var (reader, records) = ReadAll(Bytes(line + "\n" + Jsonl(Row("ok"))));

        Assert.Null(reader.FileError);
        Assert.Equal(2, records.Count);
        Assert.Contains(reasonPart, records[0].Error, StringComparison.Ordinal);
        Assert.Null(records[1].Error);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void ReadRecords_ReadTwice_Throws()
    {
        using var reader = FeedReader.Open(new MemoryStream(Bytes(Csv(Row("a")))));
        _ = reader.ReadRecords().ToList();

        Assert.Throws<InvalidOperationException>(() => reader.ReadRecords().ToList());
    }

    [Theory]
    [InlineData("csv", "utf-8", FeedFormat.Csv, FeedTextEncoding.Utf8)]
    [InlineData("JSONL", "GB18030", FeedFormat.JsonLines, FeedTextEncoding.Gb18030)]
    [InlineData("ndjson", "gbk", FeedFormat.JsonLines, FeedTextEncoding.Gb18030)]
    [InlineData("", null, null, null)]
    public void FromSettings_KnownNames_Map(string? format, string? encoding, FeedFormat? expectedFormat, FeedTextEncoding? expectedEncoding)
    {
        var options = FeedReadOptions.FromSettings(format, encoding);

        Assert.Equal(expectedFormat, options.Format);
        Assert.Equal(expectedEncoding, options.Encoding);
    }

    [Fact]
    public void FromSettings_UnknownName_ThrowsAsConfigurationMistake()
    {
        var error = Assert.Throws<ArgumentException>(() => FeedReadOptions.FromSettings("xlsx", null));

        Assert.Equal("format", error.ParamName);
    }
}
