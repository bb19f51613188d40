namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// The decoded-text side of a feed reader: a block buffer over the <see cref="TextReader"/>, the physical line counter,
/// and the file error that ends reading (a byte the encoding cannot decode, an unclosed quote).
/// </summary>
internal abstract class FeedScanner(TextReader reader, FeedTextEncoding encoding)
{
    protected readonly char[] Buffer = new char[64 * 1024];
    protected int Pos;
    protected int Len;

    /// <summary>Physical line of the character at <see cref="Pos"/>: CRLF, LF and a lone CR each end one line.</summary>
    protected int Line = 1;

    public string? FileError { get; protected set; }

    public int? FileErrorLine { get; protected set; }

    public List<FeedWarning> Warnings { get; } = [];

    public abstract IEnumerable<FeedRecord> Records();

    /// <summary>
    /// Stands in for bytes the encoding cannot decode. A noncharacter, so real text never holds it; finding it in a
    /// block (rather than catching an exception for the whole block) tells the line the bad bytes are on.
    /// </summary>
    internal const char Undecodable = '\uFFFF';

    /// <summary>Refills the buffer once everything in it has been consumed; false at the end of input or on a decoding error.</summary>
    protected bool Fill()
    {
        if (FileError is not null)
        {
            return false;
        }

        Len = reader.Read(Buffer, 0, Buffer.Length);
        Pos = 0;
        var bad = Buffer.AsSpan(0, Len).IndexOf(Undecodable);
        if (bad >= 0)
        {
            var line = Line + CountLineBreaks(Buffer.AsSpan(0, bad));
            Len = 0;
            Fail(encoding == FeedTextEncoding.Utf8
                ? $"文件在第{line}行附近含有不是UTF-8的字节。请整个文件统一用UTF-8保存；若文件是GB18030/GBK编码，请在来源配置中声明（或不声明，由系统自动识别）"
                : $"文件在第{line}行附近含有GB18030无法解码的字节，请检查文件编码", line);
        }

        return Len > 0;
    }

    private static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var lines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }

    protected void Fail(string reason, int line)
    {
        FileError ??= reason;
        FileErrorLine ??= line;
    }

    /// <summary>After a CR: consumes the LF of a CRLF pair, refilling if the pair straddles two blocks.</summary>
    protected void SkipLfAfterCr()
    {
        if ((Pos < Len || Fill()) && Buffer[Pos] == '\n')
        {
            Pos++;
        }
    }
}

/// <summary>
/// Collects one value's characters up to a cap. Past the cap it only counts, so a 10 MB description costs no more
/// memory than the cap while the scanner reads on to the value's end.
/// </summary>
internal sealed class ValueBuffer(int cap)
{
    private char[] _chars = new char[256];
    private int _length;

    public bool Keep { get; private set; }

    public bool OverLong { get; private set; }

    /// <summary>True once a character other than a space or tab has been seen, kept or not.</summary>
    public bool HasContent { get; private set; }

    public int Length => _length;

    public void Reset(bool keep)
    {
        _length = 0;
        Keep = keep;
        OverLong = false;
        HasContent = false;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        if (!HasContent && chars.ContainsAnyExcept(' ', '\t'))
        {
            HasContent = true;
        }

        if (!Keep)
        {
            return;
        }

        var room = cap - _length;
        if (chars.Length > room)
        {
            OverLong = true;
            chars = chars[..room];
        }

        if (_length + chars.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Min(cap, Math.Max(_chars.Length * 2, _length + chars.Length)));
        }

        chars.CopyTo(_chars.AsSpan(_length));
        _length += chars.Length;
    }

    public void Append(char c) => Append(new ReadOnlySpan<char>(in c));

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>The kept text, or null when nothing but spaces was seen.</summary>
    public string? ToValue(StringPool? pool = null) =>
        !Keep || !HasContent ? null : pool is not null ? pool.Get(Span) : new string(_chars, 0, _length);
}

/// <summary>
/// Shares the string of a value that repeats down a column (city, salary, education, employer), so a feed of
/// 100,000 rows does not allocate the same short text 100,000 times. Stops learning at its limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 64;
    private const int MaxEntries = 2048;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength)
        {
            return value.ToString();
        }

        if (_lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var created = value.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created);
        }

        return created;
    }
}
