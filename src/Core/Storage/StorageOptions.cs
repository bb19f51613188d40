using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file, the search indexes and generated keys. Relative paths are under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite connection string; empty means <c>Data Source={DataDirectory}/jobs.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seed demo data into an empty database on start; only Development turns it on.</summary>
    public bool SeedDemoData { get; set; }
}
