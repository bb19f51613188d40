using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jobs.Core.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The system of record this process writes to, resolved once at start: the provider, its connection string, and the few
/// pieces of SQL that differ between SQLite and PostgreSQL for code that talks to the database without EF.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseTarget From(DatabaseOptions options, DataPaths paths) =>
        options.UsesPostgres ? new DatabaseTarget(DatabaseProvider.Postgres, options.Postgres!) : new DatabaseTarget(DatabaseProvider.Sqlite, paths.ConnectionString);

    /// <summary>A new open connection of the provider; SQLite gets a busy timeout, PostgreSQL draws from Npgsql's pool.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            await pg.OpenAsync(cancellationToken);
            return pg;
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // SQLite's own busy handler sleeps in small steps (1, 2, 5, 10 ms…) while another process holds the write lock,
        // where the driver's retry would sleep far longer between attempts.
        pragma.CommandText = "PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A write transaction that holds the database's write lock from its first statement: SQLite's transactions are
    /// IMMEDIATE already; PostgreSQL takes <see cref="PostgresWriteLock"/>.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (IsPostgres)
        {
            await PostgresWriteLock.TakeAsync(connection, transaction, cancellationToken);
        }

        return transaction;
    }

    /// <summary>A JSON value from a text parameter or literal: PostgreSQL's JSON columns (jsonb) do not take text as it is.</summary>
    public string Json(string textSql) => IsPostgres ? $"CAST({textSql} AS jsonb)" : textSql;

    /// <summary>A unique or other constraint refused the write (SQLite error 19, PostgreSQL class 23).</summary>
    public static bool IsConstraintViolation(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        PostgresException pg => pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => e.InnerException is { } inner && IsConstraintViolation(inner),
    };
}
