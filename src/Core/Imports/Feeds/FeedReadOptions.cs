namespace Jobs.Core.Imports.Feeds;

public enum FeedFormat
{
    Csv,
    JsonLines,
}

public enum FeedTextEncoding
{
    Utf8,
    Gb18030,
}

/// <summary>What a source's configuration declares about its files; anything left null is detected.</summary>
public sealed record FeedReadOptions(FeedFormat? Format = null, FeedTextEncoding? Encoding = null)
{
    public static FeedReadOptions Detect { get; } = new();

    /// <summary>
    /// From a source's configuration text: format <c>csv</c> or <c>jsonl</c>, encoding <c>utf-8</c> or <c>gb18030</c>
    /// (<c>gbk</c> and <c>gb2312</c> are subsets of GB18030 and read the same). Empty means detect.
    /// </summary>
    /// <exception cref="ArgumentException">A value names no supported format or encoding: a configuration mistake, not a file problem.</exception>
    public static FeedReadOptions FromSettings(string? format, string? encoding)
    {
        FeedFormat? f = format?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "csv" => FeedFormat.Csv,
            "jsonl" or "ndjson" or "jsonlines" or "json-lines" => FeedFormat.JsonLines,
            _ => throw new ArgumentException($"Unknown feed format '{format}'; expected csv or jsonl.", nameof(format)),
        };
        FeedTextEncoding? e = encoding?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "utf-8" or "utf8" => FeedTextEncoding.Utf8,
            "gb18030" or "gbk" or "gb2312" or "cp936" => FeedTextEncoding.Gb18030,
            _ => throw new ArgumentException($"Unknown feed encoding '{encoding}'; expected utf-8 or gb18030.", nameof(encoding)),
        };
        return new FeedReadOptions(f, e);
    }
}
