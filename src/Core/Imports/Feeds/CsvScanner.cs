using System.Buffers;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// RFC 4180 CSV: comma-separated, a header row, double quotes around fields that hold commas, quotes or line breaks,
/// <c>""</c> for a quote inside them. Lenient where files commonly slip and the meaning is still clear: a stray quote
/// inside an unquoted field is text, and text after a closing quote is appended (<c>"ab"c</c> reads <c>abc</c>).
/// An unclosed quote at the end of the file is fatal, because everything after it would have been swallowed.
/// </summary>
internal sealed class CsvScanner(TextReader reader, FeedTextEncoding encoding) : FeedScanner(reader, encoding)
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly ValueBuffer _value = new(FeedReader.MaxFieldLength);
    private readonly List<string?> _header = [];

    // Per field; null for the fields that rarely repeat.
    private readonly StringPool?[] _pools = Enum.GetValues<FeedField>()
        .Select(f => f is FeedField.ExternalId or FeedField.Description ? null : new StringPool()).ToArray();
    private int[] _columns = [];
    private string?[] _values = new string?[FeedFields.Count];
    private int _overLong;
    private int _fieldCount;
    private bool _anyContent;
    private bool _extraContent;
    private int _recordLine;

    private enum End
    {
        Comma,
        Record,
        File,
        Error,
    }

    public override IEnumerable<FeedRecord> Records()
    {
        if (!ReadHeader())
        {
            yield break;
        }

        while (ReadRecord(header: false))
        {
            if (!_anyContent)
            {
                continue;
            }

            string? error = null;
            if (_fieldCount < _columns.Length || _extraContent)
            {
                error = $"该行有{_fieldCount}个字段，表头有{_columns.Length}列（可能是文本中有未加引号的逗号或换行）";
            }

            yield return new FeedRecord(_recordLine, _values, _overLong, error);
            _values = new string?[FeedFields.Count];
        }
    }

    private bool ReadHeader()
    {
        if (!ReadRecord(header: true))
        {
            Fail("文件为空", 1);
            return false;
        }

        _columns = new int[_header.Count];
        var seen = new HashSet<FeedField>();
        for (var i = 0; i < _header.Count; i++)
        {
            _columns[i] = -1;
            var name = _header[i]?.Trim().Trim('\uFEFF');
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (FeedFields.TryParse(name, out var field))
            {
                if (!seen.Add(field))
                {
                    Fail($"表头中的列“{field.Name()}”出现了不止一次", _recordLine);
                    return false;
                }

                _columns[i] = (int)field;
            }
            else
            {
                Warnings.Add(new FeedWarning(_recordLine, null, name.Length <= 40 ? name : name[..40] + "…",
                    $"未知的列“{(name.Length <= 40 ? name : name[..40] + "…")}”，已忽略。可用的列：{string.Join("、", Enum.GetValues<FeedField>().Select(f => f.Name()))}"));
            }
        }

        var missing = FeedFields.Required.Where(f => !seen.Contains(f)).Select(f => f.Name()).ToList();
        if (missing.Count > 0)
        {
            var only = _header.Count == 1 ? _header[0] ?? "" : "";
            var hint = only.IndexOfAny([';', '\t', '，', '|']) >= 0 ? "（表头只有一列，文件似乎不是用英文逗号分隔的）" : "";
            Fail($"缺少必需的列：{string.Join("、", missing)}{hint}", _recordLine);
            return false;
        }

        return true;
    }

    /// <summary>Reads the next non-blank record into the header list or the field array; false at the end or on a file error.</summary>
    private bool ReadRecord(bool header)
    {
        while (true)
        {
            if (Pos == Len && !Fill())
            {
                return false;
            }

            var c = Buffer[Pos];
            if (c == '\n')
            {
                Pos++;
                Line++;
            }
            else if (c == '\r')
            {
                Pos++;
                Line++;
                SkipLfAfterCr();
            }
            else
            {
                break;
            }
        }

        _recordLine = Line;
        _fieldCount = 0;
        _overLong = 0;
        _anyContent = false;
        _extraContent = false;
        _header.Clear();
        while (true)
        {
            var target = header ? -2 : _fieldCount < _columns.Length ? _columns[_fieldCount] : -1;
            _value.Reset(keep: target != -1);
            var end = ReadField();
            if (end == End.Error)
            {
                return false;
            }

            _anyContent |= _value.HasContent;
            if (header)
            {
                _header.Add(_value.ToValue());
            }
            else if (target >= 0)
            {
                _values[target] = _value.ToValue(_pools[target]);
                if (_value.OverLong)
                {
                    _overLong |= 1 << target;
                }
            }
            else if (_fieldCount >= _columns.Length)
            {
                // Excel pads rows with empty trailing fields; only extra text means the row is shifted.
                _extraContent |= _value.HasContent;
            }

            _fieldCount++;
            if (end != End.Comma)
            {
                return true;
            }
        }
    }

    private End ReadField()
    {
        if (Pos == Len && !Fill())
        {
            return FileError is null ? End.File : End.Error;
        }

        if (Buffer[Pos] == '"')
        {
            var quoteLine = Line;
            Pos++;
            while (true)
            {
                if (Pos == Len && !Fill())
                {
                    Fail($"第{quoteLine}行开始的带引号字段没有结束引号（文件可能被截断，或引号不成对）", quoteLine);
                    return End.Error;
                }

                var span = Buffer.AsSpan(Pos, Len - Pos);
                var i = span.IndexOfAny(QuotedStops);
                if (i < 0)
                {
                    _value.Append(span);
                    Pos = Len;
                    continue;
                }

                _value.Append(span[..i]);
                Pos += i;
                var c = Buffer[Pos++];
                if (c == '"')
                {
                    if (Pos == Len && !Fill())
                    {
                        return FileError is null ? End.File : End.Error;
                    }

                    if (Buffer[Pos] == '"')
                    {
                        _value.Append('"');
                        Pos++;
                        continue;
                    }

                    break;
                }

                _value.Append(c);
                Line++;
                if (c == '\r' && (Pos < Len || Fill()) && Buffer[Pos] == '\n')
                {
                    _value.Append('\n');
                    Pos++;
                }
            }
        }

        while (true)
        {
            if (Pos == Len && !Fill())
            {
                return FileError is null ? End.File : End.Error;
            }

            var span = Buffer.AsSpan(Pos, Len - Pos);
            var i = span.IndexOfAny(UnquotedStops);
            if (i < 0)
            {
                _value.Append(span);
                Pos = Len;
                continue;
            }

            _value.Append(span[..i]);
            Pos += i;
            var c = Buffer[Pos++];
            if (c == ',')
            {
                return End.Comma;
            }

            Line++;
            if (c == '\r')
            {
                SkipLfAfterCr();
            }

            return End.Record;
        }
    }
}
