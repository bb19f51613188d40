using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jobs.FairHarness;

/// <summary>
/// The database the API processes use: the SQLite file of the data directory, or a PostgreSQL database. The harness writes
/// its graduates there and reads the registrations back; the SQL it sends is the same on both.
/// </summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(string? sqlitePath, string? postgres, bool owned)
    {
        SqlitePath = sqlitePath;
        Postgres = postgres;
        Owned = owned;
    }

    public string? SqlitePath { get; }

    /// <summary>The connection string the API processes get as <c>ConnectionStrings__Postgres</c>; null on SQLite.</summary>
    public string? Postgres { get; }

    /// <summary>Created by this run, so dropped by it.</summary>
    public bool Owned { get; }

    public string Describe => Postgres is null ? $"SQLite {SqlitePath}" : $"PostgreSQL database {new NpgsqlConnectionStringBuilder(Postgres).Database}";

    public static BenchDatabase Sqlite(string dataDirectory) => new(Path.Combine(dataDirectory, "jobs.db"), null, owned: false);

    /// <summary>An existing PostgreSQL database (an API already running on it), used as it is and never dropped.</summary>
    public static BenchDatabase ExistingPostgres(string connectionString) => new(null, connectionString, owned: false);

    /// <summary>
    /// A fresh database on the server of <paramref name="baseConnection"/>. Every process keeps its own Npgsql pool; unless
    /// the connection string sets a pool size, the pools are sized so that all processes together stay under the server's
    /// default 100 connections (a burst of hundreds of requests would otherwise open more and be refused).
    /// </summary>
    public static async Task<BenchDatabase> CreatePostgresAsync(string baseConnection, string runId, int processes, CancellationToken cancellationToken)
    {
        var name = "jobs_bench_" + runId.Replace('-', '_');
        await using (var admin = await OpenAdminAsync(baseConnection, cancellationToken))
        {
            await using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8';";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { Database = name };
        if (!baseConnection.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = Math.Max(10, 90 / processes);
        }

        if (!baseConnection.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            // A burst of hundreds waits for a pooled connection; waiting is the measurement, failing after 15 s is not.
            builder.Timeout = 60;
        }

        return new BenchDatabase(null, builder.ConnectionString, owned: true);
    }

    public async Task DropAsync(CancellationToken cancellationToken)
    {
        if (Postgres is null || !Owned)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync(Postgres, cancellationToken);
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(Postgres).Database}\" WITH (FORCE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Postgres is not null
            ? new NpgsqlConnection(Postgres)
            : new SqliteConnection($"Data Source={SqlitePath};Default Timeout=60");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

internal static class DbCommandExtensions
{
    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
