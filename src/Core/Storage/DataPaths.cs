namespace Jobs.Core.Storage;

/// <summary>Where this instance keeps its files, resolved once from <see cref="StorageOptions"/>.</summary>
public sealed record DataPaths(string DataDirectory, string ConnectionString)
{
    public static DataPaths From(StorageOptions options, string contentRoot)
    {
        var directory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(directory);
        var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? $"Data Source={Path.Combine(directory, "jobs.db")};Default Timeout=30"
            : options.ConnectionString;
        return new DataPaths(directory, connectionString);
    }

    public string PathFor(string name) => Path.Combine(DataDirectory, name);
}
