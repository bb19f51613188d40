using Jobs.Core.Regions;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// Reads and validates a whole feed file: <see cref="FeedReader"/> for the file, <see cref="FeedValidator"/> for each
/// record, and uniqueness of <c>external_id</c> across the file. No database: the result is what an importer applies.
/// </summary>
public sealed class FeedParser(CityDirectory cities, TimeProvider? clock = null, Postings.Compliance.CompliancePolicy? compliance = null)
{
    private readonly FeedValidator _validator = new(cities, clock, compliance);

    public FeedParseResult Parse(Stream stream, FeedReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var reader = FeedReader.Open(stream, options);
        if (reader.FileError is { } openError)
        {
            return FeedParseResult.Failed(openError, reader.FileErrorLine, reader.Format, reader.Encoding);
        }

        var rows = new List<FeedPostingRow>();
        var rejections = new List<FeedRejection>();
        var warnings = new List<FeedWarning>();
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = 0;
        foreach (var record in reader.ReadRecords(cancellationToken))
        {
            records++;
            // The first occurrence owns the id even when it is rejected for something else: which of two rows the
            // city meant cannot be known, and a later row must not silently replace an earlier one.
            if (record.Error is null && FeedValidator.NormalizeExternalId(record[FeedField.ExternalId]) is { } id
                && !record.IsOverLong(FeedField.ExternalId))
            {
                if (firstLineById.TryGetValue(id, out var firstLine))
                {
                    rejections.Add(new FeedRejection(record.Line, id, FeedField.ExternalId.Name(), $"external_id“{id}”与第{firstLine}行重复，只保留第{firstLine}行"));
                    continue;
                }

                firstLineById.Add(id, record.Line);
            }

            if (_validator.Validate(record, rejections, warnings) is { } row)
            {
                rows.Add(row);
            }
        }

        if (reader.FileError is { } readError)
        {
            return FeedParseResult.Failed(readError, reader.FileErrorLine, reader.Format, reader.Encoding);
        }

        var fileWarnings = reader.Warnings;
        if (fileWarnings.Count > 0)
        {
            warnings.InsertRange(0, fileWarnings);
        }

        return new FeedParseResult
        {
            Format = reader.Format,
            Encoding = reader.Encoding,
            Rows = rows,
            Rejections = rejections,
            Warnings = warnings,
            RecordCount = records,
        };
    }

    public FeedParseResult ParseFile(string path, FeedReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Parse(stream, options, cancellationToken);
    }
}
