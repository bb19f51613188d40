using System.Text;
using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Regions;

namespace Jobs.Tests.Imports.Feeds;

/// <summary>Builds feed files the way cities send them: real encodings, real quoting, a fixed clock.</summary>
internal static class FeedTestKit
{
    public static readonly CityDirectory Cities = CityDirectory.LoadEmbedded();

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly FeedParser Parser = new(Cities, new FixedClock(Now));

    public static readonly string ValidCreditCode = CreditCode.Create("320100", n => 3 % n);

    public static readonly string[] Columns =
    [
        "external_id", "title", "employer_name", "employer_credit_code", "city", "district", "category", "salary",
        "education", "experience", "headcount", "skills", "description", "posted_at", "expires_at", "status",
    ];

    static FeedTestKit() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>A row that passes every check; override what a test is about.</summary>
    public static Dictionary<string, string> Row(string id, params (string Column, string Value)[] overrides)
    {
        var row = new Dictionary<string, string>
        {
            ["external_id"] = id,
            ["title"] = "Java开发工程师",
            ["employer_name"] = "南京紫金软件有限公司",
            ["employer_credit_code"] = ValidCreditCode,
            ["city"] = "南京",
            ["district"] = "鼓楼区",
            ["category"] = "软件/互联网",
            ["salary"] = "8-12K",
            ["education"] = "本科",
            ["experience"] = "1-3年",
            ["headcount"] = "3",
            ["skills"] = "Java;Spring Boot",
            ["description"] = "负责后端服务的开发与维护。",
            ["posted_at"] = "2025-03-01",
            ["expires_at"] = "2025-04-30",
            ["status"] = "open",
        };
        foreach (var (column, value) in overrides)
        {
            row[column] = value;
        }

        return row;
    }

    /// <summary>CSV text with the full header (or the given one), quoting as RFC 4180 asks, LF line ends.</summary>
    public static string Csv(IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string>? columns = null)
    {
        columns ??= Columns;
        var sb = new StringBuilder();
        sb.Append(string.Join(',', columns)).Append('\n');
        foreach (var row in rows)
        {
            sb.Append(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c) ?? "")))).Append('\n');
        }

        return sb.ToString();
    }

    public static string Csv(params Dictionary<string, string>[] rows) => Csv(rows, null);

    public static string Jsonl(params Dictionary<string, string>[] rows) =>
        string.Concat(rows.Select(r => System.Text.Json.JsonSerializer.Serialize(r) + "\n"));

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static byte[] Bytes(string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var body = encoding.GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    public static FeedParseResult Parse(string text, Encoding? encoding = null, bool bom = false, FeedReadOptions? options = null) =>
        Parser.Parse(new MemoryStream(Bytes(text, encoding, bom)), options);

    public static FeedParseResult Parse(byte[] bytes, FeedReadOptions? options = null) => Parser.Parse(new MemoryStream(bytes), options);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A temporary folder for feed files written to disk, removed afterwards.</summary>
internal sealed class TempFeedDirectory : IDisposable
{
    public TempFeedDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jobs-feed-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A scanner holding the file open must not fail the test; the OS cleans the temp folder.
        }
    }
}

/// <summary>A stream that can only be read forwards, like a network download.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Short reads on purpose: real network streams hand out whatever has arrived.
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
