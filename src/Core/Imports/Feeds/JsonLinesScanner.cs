using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// JSON Lines: one JSON object per line. Values may be strings, numbers, booleans or null; <c>skills</c> may also be an
/// array of strings. A line that is not a well-formed object is reported on its own and the next line is read.
/// </summary>
internal sealed class JsonLinesScanner(TextReader reader, FeedTextEncoding encoding) : FeedScanner(reader, encoding)
{
    private static readonly SearchValues<char> LineStops = SearchValues.Create("\r\n");
    private static readonly byte[][] KeyBytes = Enum.GetValues<FeedField>().Select(f => Encoding.UTF8.GetBytes(f.Name())).ToArray();

    private readonly ValueBuffer _line = new(FeedReader.MaxJsonLineLength);
    private readonly HashSet<string> _unknownKeys = new(StringComparer.OrdinalIgnoreCase);
    private byte[] _bytes = new byte[4096];

    private const int PooledBytes = 192;

    // Per field, as in the CSV scanner; null for the fields that rarely repeat.
    private readonly StringPool?[] _pools = Enum.GetValues<FeedField>()
        .Select(f => f is FeedField.ExternalId or FeedField.Description ? null : new StringPool()).ToArray();

    public override IEnumerable<FeedRecord> Records()
    {
        while (ReadLine(out var lineNumber))
        {
            if (!_line.HasContent || _line.Span.Trim().IsEmpty)
            {
                continue;
            }

            yield return ParseLine(lineNumber);
        }
    }

    private bool ReadLine(out int lineNumber)
    {
        lineNumber = Line;
        _line.Reset(keep: true);
        var any = false;
        while (true)
        {
            if (Pos == Len && !Fill())
            {
                return any && FileError is null;
            }

            any = true;
            var span = Buffer.AsSpan(Pos, Len - Pos);
            var i = span.IndexOfAny(LineStops);
            if (i < 0)
            {
                _line.Append(span);
                Pos = Len;
                continue;
            }

            _line.Append(span[..i]);
            Pos += i;
            var c = Buffer[Pos++];
            Line++;
            if (c == '\r')
            {
                SkipLfAfterCr();
            }

            return true;
        }
    }

    private FeedRecord ParseLine(int lineNumber)
    {
        var chars = _line.Span;
        var needed = Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (_bytes.Length < needed)
        {
            _bytes = new byte[Math.Max(needed, _bytes.Length * 2)];
        }

        var byteCount = Encoding.UTF8.GetBytes(chars, _bytes);
        var values = new string?[FeedFields.Count];
        var overLong = _line.OverLong;
        var json = new Utf8JsonReader(_bytes.AsSpan(0, byteCount), isFinalBlock: !overLong, state: default);
        var seen = 0;
        try
        {
            if (!json.Read())
            {
                return Broken(lineNumber, values, TooLong());
            }

            if (json.TokenType != JsonTokenType.StartObject)
            {
                return Broken(lineNumber, values, "该行不是JSON对象（每行应是一个 {…} 对象）");
            }

            while (true)
            {
                if (!json.Read())
                {
                    return Broken(lineNumber, values, TooLong());
                }

                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = MatchKey(ref json, out var unknownName);
                if (!json.Read())
                {
                    // The line was cut while this value was being read: the value is the one too long to keep.
                    return field is { } f
                        ? new FeedRecord(lineNumber, values, 1 << (int)f, null)
                        : Broken(lineNumber, values, TooLong());
                }

                string? value;
                switch (json.TokenType)
                {
                    case JsonTokenType.String:
                        value = field is { } f2 ? ReadString(ref json, f2) : null;
                        break;
                    case JsonTokenType.Number:
                        value = Encoding.UTF8.GetString(json.ValueSpan);
                        break;
                    case JsonTokenType.True:
                        value = "true";
                        break;
                    case JsonTokenType.False:
                        value = "false";
                        break;
                    case JsonTokenType.Null:
                        value = null;
                        break;
                    case JsonTokenType.StartArray when field is FeedField.Skills or FeedField.Benefits:
                        if (!TryReadStringArray(ref json, field.Value, out value, out var arrayError))
                        {
                            return arrayError is null
                                ? new FeedRecord(lineNumber, values, 1 << (int)field.Value, null)
                                : Broken(lineNumber, values, arrayError);
                        }

                        break;
                    default:
                        if (!json.TrySkip())
                        {
                            return Broken(lineNumber, values, TooLong());
                        }

                        if (field is { } nested)
                        {
                            return Broken(lineNumber, values, $"字段“{nested.Name()}”应为文本或数字，不能是对象或数组");
                        }

                        value = null;
                        break;
                }

                if (field is { } known)
                {
                    if ((seen & (1 << (int)known)) != 0)
                    {
                        return Broken(lineNumber, values, $"字段“{known.Name()}”在同一行出现了不止一次");
                    }

                    seen |= 1 << (int)known;
                    values[(int)known] = value;
                }
                else if (unknownName is not null && _unknownKeys.Add(unknownName))
                {
                    var shown = unknownName.Length <= 40 ? unknownName : unknownName[..40] + "…";
                    Warnings.Add(new FeedWarning(lineNumber, null, shown, $"未知的字段“{shown}”，已忽略"));
                }
            }

            if (overLong)
            {
                // The object closed within the kept part, so the excess is trailing text after it.
                return Broken(lineNumber, values, TooLong());
            }

            if (json.Read())
            {
                return Broken(lineNumber, values, "一行只能有一个JSON对象");
            }
        }
        catch (JsonException ex)
        {
            var at = ex.BytePositionInLine is { } b ? $"（约第{b + 1}个字节处）" : "";
            return Broken(lineNumber, values, $"JSON格式错误{at}，该行无法读取");
        }
        catch (InvalidOperationException)
        {
            // The reader validates UTF-8 but refuses to unescape "\ud800" (a surrogate without its pair) only when asked for the string.
            return Broken(lineNumber, values, "该行含有无效的字符（不成对的代理项），无法读取");
        }

        return new FeedRecord(lineNumber, values, 0, null);
    }

    /// <summary>A string value, shared through the column's pool when short and unescaped (the common case).</summary>
    private string? ReadString(ref Utf8JsonReader json, FeedField field)
    {
        var pool = _pools[(int)field];
        if (pool is null || json.ValueIsEscaped || json.ValueSpan.Length > PooledBytes)
        {
            return json.GetString();
        }

        Span<char> chars = stackalloc char[PooledBytes];
        var length = Encoding.UTF8.GetChars(json.ValueSpan, chars);
        return length == 0 ? "" : pool.Get(chars[..length]);
    }

    private static FeedRecord Broken(int line, string?[] values, string reason) => new(line, values, 0, reason);

    private static string TooLong() => "该行超过" + FeedReader.MaxJsonLineLength.ToString("N0", CultureInfo.InvariantCulture) + "个字符，无法读取";

    private static FeedField? MatchKey(ref Utf8JsonReader json, out string? unknownName)
    {
        unknownName = null;
        if (!json.ValueIsEscaped)
        {
            var span = json.ValueSpan;
            for (var i = 0; i < KeyBytes.Length; i++)
            {
                if (span.SequenceEqual(KeyBytes[i]))
                {
                    return (FeedField)i;
                }
            }
        }

        var name = json.GetString();
        if (FeedFields.TryParse(name, out var field))
        {
            return field;
        }

        unknownName = name;
        return null;
    }

    /// <summary>Joins a skills (or benefits) array with ';'. False with a null error when the line was cut inside the array.</summary>
    private static bool TryReadStringArray(ref Utf8JsonReader json, FeedField field, out string? value, out string? error)
    {
        value = null;
        error = null;
        var items = new List<string>();
        while (true)
        {
            if (!json.Read())
            {
                return false;
            }

            switch (json.TokenType)
            {
                case JsonTokenType.EndArray:
                    value = items.Count == 0 ? null : string.Join(';', items);
                    return true;
                case JsonTokenType.String:
                    items.Add(json.GetString() ?? "");
                    break;
                case JsonTokenType.Number:
                    items.Add(Encoding.UTF8.GetString(json.ValueSpan));
                    break;
                default:
                    error = $"字段“{field.Name()}”的数组只能包含文本";
                    return false;
            }
        }
    }
}
