using Jobs.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobs.Core.Storage;

/// <summary>
/// Creates the schema on a new database and upgrades older ones step by step. A new SQLite file or PostgreSQL database gets
/// the current model and the current version; an older one runs each step after its version (<see cref="SchemaSteps"/>) in
/// one transaction per step.
/// </summary>
public sealed class DatabaseInitializer(JobsDbContext db, DatabaseTarget target, CityDirectory cities, TimeProvider clock,
    ILogger<DatabaseInitializer> logger, Privacy.ContactCipher contactCipher)
{
    /// <summary>Raise with every schema change and add the step that brings version N-1 to N (<see cref="SchemaSteps"/>).</summary>
    public const int CurrentVersion = 16;

    /// <summary>The step whose transaction also encrypts the contact columns written before encryption existed.</summary>
    private const int ContactEncryptionStep = 14;

    /// <summary>Session lock that lets one node at a time create or upgrade a shared PostgreSQL database (key "JobI" in ASCII).</summary>
    private const string PostgresSchemaLock = "SELECT pg_advisory_lock(1248813641);";

    private const string PostgresSchemaUnlock = "SELECT pg_advisory_unlock(1248813641);";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (target.IsPostgres)
            {
                // Nodes starting together must not both create the tables; the lock is released at the end (or with the session).
                await db.Database.ExecuteSqlRawAsync(PostgresSchemaLock, cancellationToken);
            }
            else
            {
                // WAL lets readers go on while the one writer commits; it is a property of the file, so set it once here.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await CreateOrUpgradeAsync(cancellationToken);
            await SyncCitiesAsync(cancellationToken);
        }
        finally
        {
            if (target.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync(PostgresSchemaUnlock, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task CreateOrUpgradeAsync(CancellationToken cancellationToken)
    {
        var created = await db.Database.EnsureCreatedAsync(cancellationToken);
        if (created)
        {
            db.SchemaInfo.Add(new SchemaInfo { Id = 1, Version = CurrentVersion, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created database schema version {Version} on {Provider}", CurrentVersion, target.Provider);
            return;
        }

        // Backfills run once, right after the step that needs them: on a current file they would scan every posting
        // (no index serves "IS NULL") at each start.
        var backfills = new SchemaBackfills(db, contactCipher, logger);
        var from = await UpgradeAsync(backfills, cancellationToken);
        if (from < 7)
        {
            await backfills.BackfillPostingTermsAsync(cancellationToken);
        }

        if (from < 8)
        {
            await backfills.BackfillFunctionsAsync(cancellationToken);
        }
    }

    /// <summary>Runs the missing steps; returns the version the database was at.</summary>
    private async Task<int> UpgradeAsync(SchemaBackfills backfills, CancellationToken cancellationToken)
    {
        var info = await db.SchemaInfo.SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The database has no schema version row; it was not created by this platform.");
        if (info.Version > CurrentVersion)
        {
            throw new InvalidOperationException($"The database is at schema version {info.Version}, newer than this build's {CurrentVersion}.");
        }

        if (target.IsPostgres && info.Version < SchemaSteps.PostgresBaseline)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database is at schema version {info.Version}, older than any PostgreSQL release ({SchemaSteps.PostgresBaseline}).");
        }

        var from = info.Version;
        for (var v = info.Version + 1; v <= CurrentVersion; v++)
        {
            var step = SchemaSteps.For(v);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var sql in SchemaSteps.CreateTablesSql(db, step.NewTables).Concat(step.SqlFor(target.Provider)))
            {
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }

            if (v == ContactEncryptionStep)
            {
                await backfills.EncryptContactColumnsAsync(cancellationToken);
            }

            info.Version = v;
            info.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Upgraded database schema to version {Version}", v);
        }

        return from;
    }

    private async Task SyncCitiesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Cities.ToDictionaryAsync(c => c.Code, cancellationToken);
        foreach (var city in cities.Cities)
        {
            if (!existing.TryGetValue(city.Code, out var row))
            {
                row = new CityRecord
                {
                    Code = city.Code, RegionCode = city.RegionCode, Name = city.Name, FullName = city.FullName,
                    NameTraditional = city.NameTraditional, Pinyin = city.Pinyin, Province = city.Province,
                };
                db.Cities.Add(row);
            }

            row.RegionCode = city.RegionCode;
            row.Name = city.Name;
            row.FullName = city.FullName;
            row.NameTraditional = city.NameTraditional;
            row.Pinyin = city.Pinyin;
            row.Province = city.Province;
            row.Latitude = city.Latitude;
            row.Longitude = city.Longitude;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
