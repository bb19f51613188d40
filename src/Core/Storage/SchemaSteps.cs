using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Jobs.Core.Storage;

/// <summary>
/// One upgrade step, from version <see cref="Version"/>-1 to <see cref="Version"/>. <see cref="NewTables"/> are created from
/// the current model in the running provider's own DDL (tables, their indexes and keys), so a step that only adds an entity
/// needs no hand-written SQL for either database; anything else (a column, an index on an old table, a data fix) is written
/// once per provider.
/// </summary>
public sealed record SchemaStep(int Version, IReadOnlyList<string> NewTables, IReadOnlyList<string> Sqlite, IReadOnlyList<string> Postgres)
{
    public IReadOnlyList<string> SqlFor(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;
}

/// <summary>Every upgrade step, and where each provider's history begins.</summary>
public static class SchemaSteps
{
    /// <summary>
    /// PostgreSQL support arrived at this version: a PostgreSQL database is created from the model at the current version
    /// and only ever runs the steps after this one.
    /// </summary>
    public const int PostgresBaseline = 15;

    /// <summary>
    /// Steps after <see cref="PostgresBaseline"/>, for both providers. Add the step that brings version N-1 to N here and raise
    /// <see cref="DatabaseInitializer.CurrentVersion"/>; e.g. <c>new(16, NewTables: ["ChangeLog"], Sqlite: [], Postgres: [])</c>.
    /// </summary>
    private static readonly SchemaStep[] Steps =
    [
        // 16: the ordered change log each API node's search index follows (several nodes on one database).
        new(16, NewTables: ["IndexChanges"], Sqlite: [], Postgres: []),
    ];

    /// <summary>The step that reaches <paramref name="version"/>; steps up to the baseline exist for SQLite only.</summary>
    public static SchemaStep For(int version)
    {
        if (version <= PostgresBaseline)
        {
            return new SchemaStep(version, [], SqliteUpgradeSteps.Steps[version], []);
        }

        return Steps.SingleOrDefault(s => s.Version == version)
            ?? throw new InvalidOperationException($"No upgrade step reaches schema version {version}; add it to SchemaSteps.");
    }

    /// <summary>
    /// The running provider's DDL for the named tables as the current model has them: the same statements EnsureCreated would
    /// run for those tables (EF's model differ against an empty database, then the provider's SQL generator).
    /// </summary>
    public static IReadOnlyList<string> CreateTablesSql(DbContext db, IReadOnlyCollection<string> tables)
    {
        if (tables.Count == 0)
        {
            return [];
        }

        var model = db.GetService<IDesignTimeModel>().Model;
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
            .Where(o => o switch
            {
                CreateTableOperation t => tables.Contains(t.Name),
                CreateIndexOperation i => tables.Contains(i.Table),
                AddForeignKeyOperation f => tables.Contains(f.Table),
                _ => false,
            })
            .ToList();
        var missing = tables.Where(t => !operations.OfType<CreateTableOperation>().Any(o => o.Name == t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The model has no table {string.Join(", ", missing)} for an upgrade step to create.");
        }

        return db.GetService<IMigrationsSqlGenerator>().Generate(operations, model).Select(c => c.CommandText).ToList();
    }
}
