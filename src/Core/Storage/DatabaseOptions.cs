using Npgsql;

namespace Jobs.Core.Storage;

/// <summary>
/// Which system of record: <c>ConnectionStrings:Postgres</c> chooses PostgreSQL; unset, the SQLite file under
/// <see cref="StorageOptions.DataDirectory"/> stays the embedded default.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>), or empty for SQLite.</summary>
    public string? Postgres { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Postgres);

    /// <summary>Null when usable; otherwise what is wrong, for the start-up check.</summary>
    public string? Problem()
    {
        if (!UsesPostgres)
        {
            return null;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Postgres);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                return "ConnectionStrings:Postgres names no Host.";
            }

            return string.IsNullOrWhiteSpace(builder.Database) ? "ConnectionStrings:Postgres names no Database." : null;
        }
        catch (ArgumentException e)
        {
            return $"ConnectionStrings:Postgres is not a valid connection string: {e.Message}";
        }
    }
}
