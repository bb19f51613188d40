using Npgsql;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL server. <c>JOBS_TEST_POSTGRES</c> (a base connection string without a database, e.g.
/// <c>Host=127.0.0.1;Username=jobs;Password=jobs</c>) runs every host on PostgreSQL, each in a fresh database of its own;
/// unset, hosts use SQLite files as before. <see cref="PostgresFactAttribute"/> tests always need a server.
/// </summary>
public static class TestPostgres
{
    private const string DefaultBase = "Host=127.0.0.1;Port=5432;Username=jobs;Password=jobs";

    /// <summary>Set when the whole suite runs on PostgreSQL.</summary>
    public static string? SuiteBase { get; } = Environment.GetEnvironmentVariable("JOBS_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool SuiteOnPostgres => SuiteBase is not null;

    public static string Base => SuiteBase ?? DefaultBase;

    public static bool Required => Environment.GetEnvironmentVariable("JOBS_REQUIRE_POSTGRES") == "1";

    // Asked once per test run: every PostgresFact's constructor reads it during discovery.
    private static readonly Lazy<bool> Available = new(Probe);

    public static bool IsAvailable => Available.Value;

    /// <summary>Creates an empty database of the test's own and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "jobs_t_" + Guid.NewGuid().ToString("N");
        using var admin = OpenAdmin();
        using var command = admin.CreateCommand();
        // template0 copies fastest and carries nothing a developer may have added to template1.
        command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8';";
        command.ExecuteNonQuery();
        // Hosts run side by side against one server (100 connections by default): each keeps a small pool, and waits for it
        // rather than failing when a burst wants more.
        return new NpgsqlConnectionStringBuilder(Base) { Database = name, MaxPoolSize = 20, Timeout = 60 }.ConnectionString;
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> LeftForExit = [];

    private static int _exitHooked;

    /// <summary>Drops the database when the test process ends (for databases of folders that outlive their hosts).</summary>
    public static void DropAtExit(string connectionString)
    {
        if (Interlocked.Exchange(ref _exitHooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var left in LeftForExit)
                {
                    try
                    {
                        DropDatabase(left);
                    }
                    catch (NpgsqlException)
                    {
                        // The server went first; a leftover test database is harmless and named jobs_t_….
                    }
                }
            };
        }

        LeftForExit.Add(connectionString);
    }

    /// <summary>Drops the database made by <see cref="CreateDatabase"/>, closing any session still on it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var admin = OpenAdmin();
        using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);";
        command.ExecuteNonQuery();
    }

    private static NpgsqlConnection OpenAdmin()
    {
        var builder = new NpgsqlConnectionStringBuilder(Base) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static bool Probe()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Base) { Database = "postgres", Pooling = false, Timeout = 2 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }
}

/// <summary>
/// A fact that needs PostgreSQL (<c>JOBS_TEST_POSTGRES</c>, default jobs/jobs on 127.0.0.1:5432): skipped when none answers,
/// so a developer without PostgreSQL still gets a green run; with <c>JOBS_REQUIRE_POSTGRES=1</c> (CI) it always runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestPostgres.Required && !TestPostgres.IsAvailable)
        {
            Skip = $"No PostgreSQL answers at {TestPostgres.Base}; start one, or set JOBS_REQUIRE_POSTGRES=1 to fail instead of skipping.";
        }
    }
}
