using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// The real host over a real SQLite file in a fresh temporary folder (or a fresh PostgreSQL database of its own when
/// <c>JOBS_TEST_POSTGRES</c> is set, <see cref="TestPostgres"/>). Demo seeding is off unless a test class asks for it,
/// so each class controls exactly what is in its database.
/// </summary>
public class JobsApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.jobs";
    public const string AdminPassword = "Quiet-Ledger-2026";

    public JobsApiFactory()
        : this(Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N")), ownsDirectory: true)
    {
    }

    protected JobsApiFactory(string dataDirectory, bool ownsDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Directory.CreateDirectory(DataDirectory);
        PostgresConnectionString = TestPostgres.SuiteOnPostgres ? PostgresFor(DataDirectory, ownsDirectory) : null;
    }

    /// <summary>
    /// With <c>JOBS_TEST_POSTGRES</c> set, the host's own fresh PostgreSQL database; null on SQLite. A restart test's
    /// folder remembers its database in a file, so every host over that folder finds the same data, as with a SQLite file.
    /// </summary>
    public string? PostgresConnectionString { get; }

    internal const string PostgresMarker = "postgres-connection.txt";

    internal static string PostgresFor(string dataDirectory, bool ownsDirectory)
    {
        var marker = Path.Combine(dataDirectory, PostgresMarker);
        if (File.Exists(marker))
        {
            return File.ReadAllText(marker);
        }

        var connectionString = TestPostgres.CreateDatabase();
        File.WriteAllText(marker, connectionString);
        if (!ownsDirectory)
        {
            // A folder outlives its hosts; its database is dropped when the test run ends.
            TestPostgres.DropAtExit(connectionString);
        }

        return connectionString;
    }

    private readonly bool _ownsDirectory;

    /// <summary>A host over an existing data folder, for restart tests; the caller owns (and deletes) the folder.</summary>
    public static JobsApiFactory OverFolder(string dataDirectory) => new FolderFactory(dataDirectory);

    private sealed class FolderFactory(string dataDirectory) : JobsApiFactory(dataDirectory, ownsDirectory: false);

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "jobs.db");

    /// <summary>The host's clock: system time until a test moves it (deadlines, reminders).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>
    /// Rate limits no ordinary test reaches (every test client shares one address); rate-limit tests set low ones, and
    /// spawned API processes take these as environment variables.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HighRateLimits { get; } = new[]
    {
        "Global", "SignIn", "SignUp", "Refresh", "FairRegistration", "FairRegistrationPerAddress", "Applications", "Uploads", "Search",
    }.ToDictionary(rule => $"RateLimits:{rule}:PermitLimit", _ => "1000000");

    /// <summary><see cref="HighRateLimits"/> as environment variables for a spawned API process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> HighRateLimitsEnvironment =>
        HighRateLimits.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value));

    /// <summary>Extra configuration for a derived fixture (demo sizes, limits); a null value drops the base setting of that key.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Storage:SeedDemoData"] = "false",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Auth:SigningKey"] = "test-signing-key-that-is-long-enough-for-hs256",
            // Fair tests move the clock days ahead; tokens signed before must still be valid then.
            ["Auth:TokenLifetimeMinutes"] = "43200",
            ["BackgroundJobs:WorkerCount"] = "1",
            ["Api:Docs"] = "true",
        };
        if (PostgresConnectionString is { } postgres)
        {
            settings["ConnectionStrings:Postgres"] = postgres;
        }

        foreach (var (key, value) in HighRateLimits)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in ExtraSettings)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        if (ErrorLogFile.Path is { } errorLog)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLogFile(errorLog)));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            if (PostgresConnectionString is { } postgres)
            {
                TestPostgres.DropDatabase(postgres);
            }

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the WAL file a moment longer; a leftover temp folder is harmless.
            }
        }
    }
}
