using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jobs.Tests.Domain;

/// <summary>
/// SQLite and PostgreSQL hold one model: a fresh PostgreSQL database must have the tables, columns (with nullability) and
/// indexes (with columns and uniqueness) of a fresh SQLite file and of a file upgraded from version 1. Column types differ
/// by provider on purpose (TEXT against timestamptz, jsonb…) and are not compared; the primary keys' own indexes neither
/// (SQLite has none for integer keys).
/// </summary>
public sealed class SchemaParityTests
{
    [PostgresFact]
    public async Task CreatedSchemas_SqliteFreshUpgradedAndPostgres_HoldSameTablesColumnsAndIndexes()
    {
        var root = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        var freshFolder = Path.Combine(root, "fresh");
        var upgradedFolder = Path.Combine(root, "upgraded");
        var postgres = TestPostgres.CreateDatabase();
        try
        {
            Directory.CreateDirectory(upgradedFolder);
            await using (var connection = OpenSqlite(Path.Combine(upgradedFolder, "jobs.db")))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SchemaUpgradeEquivalenceTests.Version1Ddl
                    + "\nINSERT INTO \"SchemaInfo\" (\"Id\", \"Version\", \"UpdatedAt\") VALUES (1, 1, '2026-01-05 08:00:00');";
                await command.ExecuteNonQueryAsync();
            }

            await StartHostAsync(freshFolder, postgres: null);
            await StartHostAsync(upgradedFolder, postgres: null);
            await StartHostAsync(Path.Combine(root, "pg"), postgres);

            var fresh = await DescribeSqliteAsync(Path.Combine(freshFolder, "jobs.db"));
            var upgraded = await DescribeSqliteAsync(Path.Combine(upgradedFolder, "jobs.db"));
            var onPostgres = await DescribePostgresAsync(postgres);

            Assert.Equal(Lines(fresh), Lines(onPostgres));
            Assert.Equal(Lines(upgraded), Lines(onPostgres));
            // The comparison looked at the whole schema: a table of every era, a partial unique index, a JSON column.
            Assert.Contains("table FairRegistrations", onPostgres);
            Assert.Contains("index IX_FairRegistrations_Ticket on FairRegistrations(Ticket) unique", onPostgres);
            Assert.Contains("column Postings.Benefits null", onPostgres);
            Assert.Contains("column StatCells.Value not null", onPostgres);

            await using var pg = new NpgsqlConnection(postgres);
            await pg.OpenAsync();
            await using var version = pg.CreateCommand();
            version.CommandText = "SELECT \"Version\" FROM \"SchemaInfo\"";
            Assert.Equal(DatabaseInitializer.CurrentVersion, Convert.ToInt32(await version.ExecuteScalarAsync()));
        }
        finally
        {
            TestPostgres.DropDatabase(postgres);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Lines(SortedSet<string> items) => string.Join("\n", items);

    private static async Task StartHostAsync(string folder, string? postgres)
    {
        Directory.CreateDirectory(folder);
        using var factory = new ProviderFactory(folder, postgres);
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/regions");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A host over the folder on exactly the given provider, whatever the suite runs on.</summary>
    private sealed class ProviderFactory(string folder, string? postgres) : JobsApiFactory(folder, ownsDirectory: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("ConnectionStrings:Postgres", postgres)];
    }

    private static SqliteConnection OpenSqlite(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task<SortedSet<string>> DescribeSqliteAsync(string path)
    {
        var items = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = OpenSqlite(path);
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            items.Add($"table {table}");
            // table_info: cid, name, type, notnull, dflt_value, pk.
            foreach (var column in await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")", r => (Name: r.GetString(1), NotNull: r.GetInt64(3) == 1)))
            {
                items.Add($"column {table}.{column.Name} {(column.NotNull ? "not null" : "null")}");
            }

            // index_list: seq, name, unique, origin (c = CREATE INDEX, u = UNIQUE constraint, pk = primary key), partial.
            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")",
                         r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1, Origin: r.GetString(3))))
            {
                if (index.Origin == "pk")
                {
                    continue;
                }

                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                items.Add($"index {index.Name} on {table}({string.Join(",", columns)}){(index.Unique ? " unique" : "")}");
            }
        }

        return items;
    }

    private static async Task<SortedSet<string>> DescribePostgresAsync(string connectionString)
    {
        var items = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in await QueryAsync(connection,
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", r => r.GetString(0)))
        {
            items.Add($"table {table}");
        }

        foreach (var (table, column, nullable) in await QueryAsync(connection,
                     "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
                     r => (r.GetString(0), r.GetString(1), r.GetString(2) == "YES")))
        {
            items.Add($"column {table}.{column} {(nullable ? "null" : "not null")}");
        }

        const string Indexes = """
            SELECT i.relname, t.relname, ix.indisunique,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',')
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT ix.indisprimary
            """;
        foreach (var (index, table, unique, columns) in await QueryAsync(connection, Indexes,
                     r => (r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetString(3))))
        {
            items.Add($"index {index} on {table}({columns}){(unique ? " unique" : "")}");
        }

        return items;
    }

    private static async Task<List<T>> QueryAsync<T>(System.Data.Common.DbConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
