using System.ComponentModel.DataAnnotations;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Regions;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Imports;

public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Each member city's feed; a city has at most one.</summary>
    public List<ImportSourceOptions> Sources { get; set; } = [];

    /// <summary>A snapshot that would close more than this share of a source's open postings waits for an organiser.</summary>
    [Range(0.01, 1.0)]
    public double MassCloseShare { get; set; } = 0.5;

    /// <summary>Largest feed file accepted, uploaded or fetched.</summary>
    [Range(1, 4096)]
    public int MaxFileMegabytes { get; set; } = 256;

    /// <summary>How long a source's import lease lasts without renewal; a dead process blocks the source at most this long.</summary>
    [Range(5, 3600)]
    public int LockLeaseSeconds { get; set; } = 120;

    [Range(1, 3600)]
    public int HttpTimeoutSeconds { get; set; } = 300;

    /// <summary>Folder under the data directory for files being imported and held files awaiting confirmation.</summary>
    [Required]
    public string Folder { get; set; } = "imports";

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public ImportSourceOptions? FindSource(string cityCode) =>
        Sources.FirstOrDefault(s => string.Equals(s.CityCode, cityCode, StringComparison.Ordinal));
}

public sealed class ImportSourceOptions
{
    /// <summary>The publishing city: any spelling the city directory accepts (南京, Nanjing, the code).</summary>
    [Required]
    public string City { get; set; } = "";

    /// <summary>A file, a folder (its newest matching file is the snapshot) or an http(s) URL.</summary>
    [Required]
    public string Location { get; set; } = "";

    /// <summary>For a folder: which files count; newest by write time wins.</summary>
    public string FilePattern { get; set; } = "*";

    /// <summary><c>csv</c> or <c>jsonl</c>; empty means detect.</summary>
    public string? Format { get; set; }

    /// <summary><c>utf-8</c> or <c>gb18030</c>; empty means detect.</summary>
    public string? Encoding { get; set; }

    /// <summary>Hangfire cron; default daily 02:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 2 * * *";

    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Rows may create, change or close only postings of this city, as in an organiser's upload. Set false for a feed an
    /// admin trusts to publish for several cities.
    /// </summary>
    public bool OwnCityOnly { get; set; } = true;

    /// <summary>Resolved from <see cref="City"/> when the options are built.</summary>
    public string CityCode { get; set; } = "";

    public FeedReadOptions ReadOptions => FeedReadOptions.FromSettings(Format, Encoding);

    public bool IsHttp => Uri.TryCreate(Location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>Checks sources against the city directory at start.</summary>
internal sealed class ImportOptionsValidator(CityDirectory cities) : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var s = options.Sources[i];
            var at = $"Imports:Sources:{i}";
            if (cities.Resolve(s.City) is not { } city)
            {
                failures.Add($"{at}:City '{s.City}' is not a configured city.");
                continue;
            }

            if (!seen.Add(city.Code))
            {
                failures.Add($"{at}: city {city.Name} has a second source; a city publishes one feed.");
            }

            if (string.IsNullOrWhiteSpace(s.Location))
            {
                failures.Add($"{at}:Location is required (a file, a folder or an http(s) URL).");
            }

            try
            {
                _ = s.ReadOptions;
            }
            catch (ArgumentException e)
            {
                failures.Add($"{at}: {e.Message}");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _))
            {
                failures.Add($"{at}:TimeZone '{s.TimeZone}' is not a known time zone id.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
