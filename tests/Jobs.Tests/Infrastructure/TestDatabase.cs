using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// Direct access to a test host's system of record, whichever it is: the PostgreSQL database its data folder names (see
/// <see cref="JobsApiFactory.PostgresConnectionString"/>), or else the folder's SQLite file. Commands use <c>@name</c>
/// parameters, which both take.
/// </summary>
public static class TestDatabase
{
    /// <summary>The PostgreSQL connection string of the data folder's hosts, or null when they use the SQLite file.</summary>
    public static string? PostgresOf(string dataDirectory)
    {
        var marker = Path.Combine(dataDirectory, JobsApiFactory.PostgresMarker);
        return File.Exists(marker) ? File.ReadAllText(marker) : null;
    }

    /// <summary>Opens the database behind <paramref name="databasePath"/> (the folder's jobs.db, or its PostgreSQL database).</summary>
    public static async Task<DbConnection> OpenAsync(string databasePath)
    {
        DbConnection connection = PostgresOf(Path.GetDirectoryName(databasePath)!) is { } postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Environment for a spawned API process over the folder: its PostgreSQL database when it has one.</summary>
    /// <remarks>On a PostgreSQL run the folder gets its database here if no host made one yet (the process may come first).</remarks>
    public static IEnumerable<KeyValuePair<string, string>> ProcessEnvironment(string dataDirectory) =>
        TestPostgres.SuiteOnPostgres ? [new("ConnectionStrings__Postgres", JobsApiFactory.PostgresFor(dataDirectory, ownsDirectory: false))] : [];

    /// <summary>EF options over the folder's database, for a test that reads it with the model.</summary>
    public static Microsoft.EntityFrameworkCore.DbContextOptions<Jobs.Core.Storage.JobsDbContext> ContextOptions(string dataDirectory)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Jobs.Core.Storage.JobsDbContext>();
        return (PostgresOf(dataDirectory) is { } postgres
            ? builder.UseNpgsql(postgres)
            : builder.UseSqlite($"Data Source={Path.Combine(dataDirectory, "jobs.db")};Pooling=False")).Options;
    }

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
