namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// One record of a feed file as read, before validation: the raw text of each known field, and the physical line
/// (1-based) where the record starts. Unknown columns and keys are not kept.
/// </summary>
public sealed class FeedRecord
{
    private readonly string?[] _values;
    private readonly int _overLong;

    internal FeedRecord(int line, string?[] values, int overLongMask, string? error)
    {
        Line = line;
        _values = values;
        _overLong = overLongMask;
        Error = error;
    }

    public int Line { get; }

    /// <summary>Why the record as a whole could not be read (malformed JSON, wrong field count); its fields are then unreliable.</summary>
    public string? Error { get; }

    /// <summary>The field's text as written (JSON numbers and booleans as their literal text); null when absent.</summary>
    public string? this[FeedField field] => _values[(int)field];

    /// <summary>
    /// True when the value was longer than <see cref="FeedReader.MaxFieldLength"/> characters (or did not fit in a JSON
    /// line of <see cref="FeedReader.MaxJsonLineLength"/>): only its beginning was kept, so the row cannot be imported.
    /// </summary>
    public bool IsOverLong(FeedField field) => (_overLong & (1 << (int)field)) != 0;
}
