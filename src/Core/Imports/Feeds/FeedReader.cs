using System.Text;
using System.Text.Unicode;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// Opens a feed file: detects its encoding and format (unless the source declares them), refuses files that cannot be
/// read at all with one reason, and streams raw records with the physical line each starts on.
/// </summary>
/// <remarks>
/// A file error can also surface while reading (an unclosed quote at the end, an undecodable byte far into a stream
/// that could not be pre-scanned): check <see cref="FileError"/> after enumerating and discard every record when it is set.
/// The reader does not own the stream.
/// </remarks>
public sealed class FeedReader : IDisposable
{
    /// <summary>
    /// The longest value kept, in characters. Fifty times the description limit leaves room for HTML markup; longer
    /// values are only counted, so a huge field rejects its row without holding the field in memory.
    /// </summary>
    public const int MaxFieldLength = 1_000_000;

    /// <summary>The longest JSON line kept, in characters: two of the longest values plus everything else.</summary>
    public const int MaxJsonLineLength = 2_000_000;

    /// <summary>How much of the start of a file is checked for binary content.</summary>
    public const int BinaryCheckBytes = 1024;

    // A stream that cannot be read twice is judged on this much of its start: a Chinese job feed that is pure ASCII
    // for its first megabyte does not occur, and a later mismatch still fails the file cleanly while reading.
    private const int NonSeekablePrefixBytes = 1024 * 1024;
    private const int SeekablePrefixBytes = 64 * 1024;

    private readonly string? _openError;
    private readonly StreamReader? _text;
    private readonly FeedScanner? _scanner;
    private bool _enumerated;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Gb18030Bom = [0x84, 0x31, 0x95, 0x33];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    static FeedReader()
    {
        // GB18030 lives in the code-pages provider on .NET; registering it twice is harmless.
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private FeedReader(string error, FeedFormat? format = null, FeedTextEncoding? encoding = null)
    {
        _openError = error;
        Format = format;
        Encoding = encoding;
    }

    private FeedReader(Stream content, FeedFormat format, FeedTextEncoding encoding)
    {
        Format = format;
        Encoding = encoding;
        _text = new StreamReader(content, StrictEncoding(encoding), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        _scanner = format == FeedFormat.Csv ? new CsvScanner(_text, encoding) : new JsonLinesScanner(_text, encoding);
    }

    /// <summary>The format used: declared or detected. Null when the file failed before it could be told.</summary>
    public FeedFormat? Format { get; }

    public FeedTextEncoding? Encoding { get; }

    /// <summary>Why the file cannot be imported at all, in Chinese; null while it can.</summary>
    public string? FileError => _openError ?? _scanner?.FileError;

    public int? FileErrorLine => _openError is null ? _scanner?.FileErrorLine : null;

    /// <summary>File-level notes that do not stop the import, such as unknown columns.</summary>
    public IReadOnlyList<FeedWarning> Warnings => _scanner?.Warnings ?? [];

    public static FeedReader Open(Stream stream, FeedReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= FeedReadOptions.Detect;
        var origin = stream.CanSeek ? stream.Position : 0;
        var head = new byte[stream.CanSeek ? SeekablePrefixBytes : NonSeekablePrefixBytes];
        var headLength = ReadFully(stream, head);
        var atEnd = headLength < head.Length;
        if (headLength == 0)
        {
            return new FeedReader("文件为空");
        }

        var bom = 0;
        FeedTextEncoding? bomEncoding = null;
        if (head.AsSpan(0, headLength).StartsWith(Utf8Bom))
        {
            (bom, bomEncoding) = (3, FeedTextEncoding.Utf8);
        }
        else if (head.AsSpan(0, headLength).StartsWith(Gb18030Bom))
        {
            (bom, bomEncoding) = (4, FeedTextEncoding.Gb18030);
        }
        else if (headLength >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            return new FeedReader("文件是UTF-16编码（Excel“Unicode文本”），请另存为UTF-8（或GB18030）的CSV后再上传");
        }

        var content = head.AsSpan(bom, headLength - bom);
        if (DescribeBinary(content[..Math.Min(content.Length, BinaryCheckBytes)]) is { } binary)
        {
            return new FeedReader(binary);
        }

        var first = content.IndexOfAnyExcept(" \t\r\n\f\v"u8);
        if (first < 0 && atEnd)
        {
            return new FeedReader("文件为空");
        }

        var firstByte = first < 0 ? (byte)0 : content[first];
        var format = options.Format;
        if (format is null)
        {
            if (firstByte == '[')
            {
                return new FeedReader("文件是一个JSON数组；请改为每行一个JSON对象（JSON Lines），或使用CSV");
            }

            format = firstByte == '{' ? FeedFormat.JsonLines : FeedFormat.Csv;
        }
        else if (format == FeedFormat.Csv && firstByte == '{')
        {
            return new FeedReader("来源配置为CSV，但文件内容是JSON Lines（首个字符是“{”）", format);
        }
        else if (format == FeedFormat.JsonLines && first >= 0 && firstByte != '{')
        {
            return new FeedReader("来源配置为JSON Lines，但文件的首个非空字符不是“{”", format);
        }

        // A byte order mark is unambiguous, so it wins over a declaration.
        var encoding = bomEncoding ?? options.Encoding
            ?? (IsUtf8(stream, head, headLength, bom, atEnd) ? FeedTextEncoding.Utf8 : FeedTextEncoding.Gb18030);

        Stream source;
        if (stream.CanSeek)
        {
            stream.Position = origin + bom;
            source = stream;
        }
        else
        {
            source = new PrefixedStream(head, bom, headLength - bom, stream);
        }

        return new FeedReader(source, format.Value, encoding);
    }

    /// <summary>Streams the records. One pass only: the underlying stream is read as it goes.</summary>
    public IEnumerable<FeedRecord> ReadRecords(CancellationToken cancellationToken = default)
    {
        if (_scanner is null)
        {
            yield break;
        }

        if (_enumerated)
        {
            throw new InvalidOperationException("A feed can be read only once.");
        }

        _enumerated = true;
        var count = 0;
        foreach (var record in _scanner.Records())
        {
            if ((++count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return record;
        }
    }

    public void Dispose() => _text?.Dispose();

    private static Encoding StrictEncoding(FeedTextEncoding encoding) => System.Text.Encoding.GetEncoding(
        encoding == FeedTextEncoding.Utf8 ? 65001 : 54936,
        EncoderFallback.ReplacementFallback,
        new DecoderReplacementFallback(FeedScanner.Undecodable.ToString()));

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>Null for text; otherwise what the file looks like, so the city knows what to export instead.</summary>
    internal static string? DescribeBinary(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("PK\x03\x04"u8))
        {
            return "文件是ZIP压缩包（Excel的.xlsx文件也是），请在Excel中另存为“CSV UTF-8（逗号分隔）”后再上传";
        }

        if (start.StartsWith(OleMagic))
        {
            return "文件是旧版Excel（.xls）等Office二进制文件，请另存为“CSV UTF-8（逗号分隔）”后再上传";
        }

        if (start.StartsWith("%PDF"u8))
        {
            return "文件是PDF，请导出为CSV或JSON Lines文本文件";
        }

        if (start.Contains((byte)0))
        {
            return "文件包含二进制内容（开头1KB内有NUL字节），不是CSV或JSON Lines文本文件";
        }

        var controls = 0;
        foreach (var b in start)
        {
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v') or 0x7F)
            {
                controls++;
            }
        }

        // A stray control character can sit in otherwise good text; a handful in one kilobyte cannot.
        return controls > Math.Max(2, start.Length / 100)
            ? "文件包含二进制内容（开头1KB内有大量控制字符），不是CSV或JSON Lines文本文件"
            : null;
    }

    /// <summary>
    /// Whether the bytes are valid UTF-8: the whole stream when it can be rewound (the caller seeks back), otherwise
    /// the prefix already read. Validation is vectorised, so the extra pass costs little next to parsing.
    /// </summary>
    private static bool IsUtf8(Stream stream, byte[] head, int headLength, int start, bool atEnd)
    {
        var data = head.AsSpan(start, headLength - start);
        var cut = ValidUtf8Cut(data, final: atEnd);
        if (cut < 0)
        {
            return false;
        }

        if (atEnd || !stream.CanSeek)
        {
            return true;
        }

        var buffer = new byte[SeekablePrefixBytes];
        var carry = data.Length - cut;
        data[cut..].CopyTo(buffer);
        while (true)
        {
            var n = stream.Read(buffer, carry, buffer.Length - carry);
            var length = carry + n;
            cut = ValidUtf8Cut(buffer.AsSpan(0, length), final: n == 0);
            if (cut < 0)
            {
                return false;
            }

            if (n == 0)
            {
                return true;
            }

            carry = length - cut;
            buffer.AsSpan(cut, carry).CopyTo(buffer);
        }
    }

    /// <summary>
    /// Validates the bytes up to the last complete sequence and returns where they end (the rest is carried into the
    /// next block), or -1 when invalid. At the end of input nothing may be carried.
    /// </summary>
    private static int ValidUtf8Cut(ReadOnlySpan<byte> data, bool final)
    {
        var cut = data.Length;
        if (!final)
        {
            for (var i = data.Length - 1; i >= Math.Max(0, data.Length - 4); i--)
            {
                var b = data[i];
                if ((b & 0xC0) == 0x80)
                {
                    continue;
                }

                var width = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                if (data.Length - i < width)
                {
                    cut = i;
                }

                break;
            }
        }

        return Utf8.IsValid(data[..cut]) ? cut : -1;
    }

    /// <summary>Replays the already-read start of a non-seekable stream, then reads on from it.</summary>
    private sealed class PrefixedStream(byte[] prefix, int offset, int count, Stream rest) : Stream
    {
        private int _offset = offset;
        private int _count = count;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_count == 0)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(_count, buffer.Length);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            _count -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
