using System.Text;
using System.Text.RegularExpressions;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Jobs.Tests.Domain;

/// <summary>
/// A file created by the oldest release and brought forward by the upgrade steps must have the very schema a new file gets;
/// otherwise a model change without its upgrade step (or a step that differs from the model) only shows in production.
/// </summary>
/// <remarks>SQLite only: it compares SQLite files; <see cref="SchemaParityTests"/> compares them with PostgreSQL.</remarks>
[Trait("Database", "SqliteOnly")]
public partial class SchemaUpgradeEquivalenceTests
{
    [Fact]
    public async Task Upgrade_FromVersion1_SchemaEqualsFreshDatabase()
    {
        var root = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        var upgradedFolder = Path.Combine(root, "upgraded");
        var freshFolder = Path.Combine(root, "fresh");
        try
        {
            Directory.CreateDirectory(upgradedFolder);
            await using (var connection = Open(Path.Combine(upgradedFolder, "jobs.db")))
            {
                var command = connection.CreateCommand();
                command.CommandText = Version1Ddl + "\nINSERT INTO \"SchemaInfo\" (\"Id\", \"Version\", \"UpdatedAt\") VALUES (1, 1, '2026-01-05 08:00:00');";
                await command.ExecuteNonQueryAsync();
            }

            await StartHostAsync(upgradedFolder);
            await StartHostAsync(freshFolder);

            await using var upgraded = Open(Path.Combine(upgradedFolder, "jobs.db"));
            await using var fresh = Open(Path.Combine(freshFolder, "jobs.db"));
            var version = upgraded.CreateCommand();
            version.CommandText = "SELECT \"Version\" FROM \"SchemaInfo\"";
            Assert.Equal((long)DatabaseInitializer.CurrentVersion, (long)(await version.ExecuteScalarAsync())!);

            var expected = await DescribeAsync(fresh);
            var actual = await DescribeAsync(upgraded);
            var differences = new List<string>();
            foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
            {
                var inFresh = expected.GetValueOrDefault(key);
                var inUpgraded = actual.GetValueOrDefault(key);
                if (inFresh is null)
                {
                    differences.Add($"{key}: only in the upgraded file ({inUpgraded})");
                }
                else if (inUpgraded is null)
                {
                    differences.Add($"{key}: missing from the upgraded file (fresh: {inFresh})");
                }
                else if (inFresh != inUpgraded && !IsAddColumnDefault(inFresh, inUpgraded))
                {
                    differences.Add($"{key}: fresh {inFresh}; upgraded {inUpgraded}");
                }
            }

            Assert.True(differences.Count == 0,
                $"The upgraded version-1 file differs from a fresh one in {differences.Count} place(s):\n  " + string.Join("\n  ", differences));
            // The comparison itself must have looked at something: every table of today, with its columns and indexes.
            Assert.Contains("table Postings column Benefits", expected.Keys);
            Assert.Contains("index IX_FairRegistrations_Ticket", expected.Keys);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The one difference let through: a NOT NULL column that has a default in the upgraded file and none in a fresh one,
    /// all else equal. SQLite's ADD COLUMN cannot add a NOT NULL column without a default, and it keeps reading that default
    /// for every row stored before the step (those rows were never rewritten), so the step must leave it in place; taking
    /// it out again means rebuilding Users, Postings, Resumes and ImportRuns on every upgrade. It cannot change what either
    /// file holds: every writer names every mapped column (EF Core, EntityRowWriter, the raw SQL in Core), and a writer
    /// that left the column out would fail on the fresh files every test runs on before it reached an upgraded one. The
    /// reverse (a default only the fresh file has) is not let through: code relying on it would pass the tests and fail on
    /// upgraded files.
    /// </summary>
    private static bool IsAddColumnDefault(string fresh, string upgraded) =>
        fresh.Contains(" notnull=1 default=none ", StringComparison.Ordinal)
        && !upgraded.Contains(" default=none ", StringComparison.Ordinal)
        && ColumnDefault().Replace(upgraded, " default=none pk=") == fresh;

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Starts the real host over the folder (creating or upgrading its file) and waits until it answers.</summary>
    private static async Task StartHostAsync(string folder)
    {
        using var factory = JobsApiFactory.OverFolder(folder);
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/regions");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// One readable line per schema object, keyed by what it is. Left out on purpose, because they cannot change what the
    /// file stores or accepts:
    /// - the DDL text in sqlite_master (whitespace, quoting, and ALTER TABLE appending to it): the structure it declares is
    ///   compared item by item instead, and the parts only the text carries (AUTOINCREMENT, partial index WHERE) are
    ///   extracted and compared, with whitespace collapsed;
    /// - column order within a table: ADD COLUMN can only append, and every statement of ours names its columns (EF Core,
    ///   EntityRowWriter and the raw SQL in Core all use column lists), so a column's position is never used;
    /// - the contents of sqlite_sequence, SchemaInfo and Cities: data, not schema (the version is asserted separately).
    /// Defaults are compared, with one kind let through (see <see cref="IsAddColumnDefault"/>).
    /// </summary>
    private static async Task<Dictionary<string, string>> DescribeAsync(SqliteConnection connection)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        var objects = new List<(string Type, string Name, string Table, string? Sql)>();
        var master = connection.CreateCommand();
        master.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' OR type = 'index'";
        await using (var reader = await master.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        foreach (var (type, name, table, sql) in objects)
        {
            switch (type)
            {
                case "table":
                    items[$"table {name}"] = $"AUTOINCREMENT={Regex.IsMatch(sql ?? "", @"\bAUTOINCREMENT\b", RegexOptions.IgnoreCase)}";
                    foreach (var row in await RowsAsync(connection, $"PRAGMA table_xinfo(\"{name}\")"))
                    {
                        // table_xinfo: cid, name, type, notnull, dflt_value, pk, hidden.
                        items[$"table {name} column {row[1]}"] =
                            $"type={row[2]} notnull={row[3]} default={row[4] ?? "none"} pk={row[5]} hidden={row[6]}";
                    }

                    foreach (var row in await RowsAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")"))
                    {
                        // foreign_key_list: id, seq, table, from, to, on_update, on_delete, match. Keyed by the referencing
                        // column, since SQLite numbers the constraints by position in the DDL.
                        items[$"table {name} foreign key {row[3]}#{row[1]}"] =
                            $"references {row[2]}({row[4]}) on update {row[5]} on delete {row[6]} match {row[7]}";
                    }

                    break;
                case "index":
                    var list = (await RowsAsync(connection, $"PRAGMA index_list(\"{table}\")")).Single(r => (string)r[1]! == name);
                    // index_list: seq, name, unique, origin, partial. index_xinfo would add the rowid; index_info is the key.
                    var columns = (await RowsAsync(connection, $"PRAGMA index_info(\"{name}\")"))
                        .OrderBy(r => (long)r[0]!).Select(r => r[2] ?? "<expression>");
                    var where = sql is null ? null : PartialWhere().Match(sql) is { Success: true } m
                        ? Whitespace().Replace(m.Groups[1].Value.Trim(), " ") : null;
                    items[$"index {name}"] =
                        $"on {table} ({string.Join(", ", columns)}) unique={list[2]} origin={list[3]} partial={list[4]} where={where ?? "none"}";
                    break;
                case "view" or "trigger":
                    items[$"{type} {name}"] = Whitespace().Replace(sql ?? "", " ");
                    break;
            }
        }

        return items;
    }

    private static async Task<List<object?[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PartialWhere();

    [GeneratedRegex(@" default=.*? pk=", RegexOptions.Singleline)]
    private static partial Regex ColumnDefault();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// The schema version 1 of the platform created (commit df3e2dd, "Platform foundation"): the DDL that EF Core's
    /// EnsureCreated wrote from that release's model, read back from sqlite_master. Kept as text rather than made by
    /// dropping later tables and columns from a new file, because a file made from today's model already has every
    /// change to old tables (a type, a nullability, an index) whether or not an upgrade step makes it; only the real
    /// version-1 schema shows a model change that has no step.
    /// </summary>
    internal const string Version1Ddl = """
        CREATE TABLE "Cities" (
            "Code" TEXT NOT NULL CONSTRAINT "PK_Cities" PRIMARY KEY,
            "RegionCode" TEXT NOT NULL,
            "Name" TEXT NOT NULL,
            "FullName" TEXT NOT NULL,
            "NameTraditional" TEXT NOT NULL,
            "Pinyin" TEXT NOT NULL,
            "Province" TEXT NOT NULL,
            "Latitude" REAL NOT NULL,
            "Longitude" REAL NOT NULL
        );
        CREATE TABLE "Employers" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Employers" PRIMARY KEY AUTOINCREMENT,
            "Name" TEXT NOT NULL,
            "CreditCode" TEXT NULL,
            "CityCode" TEXT NOT NULL,
            "Industry" TEXT NULL,
            "Size" TEXT NULL,
            "Description" TEXT NULL,
            "CreatedAt" TEXT NOT NULL
        );
        CREATE TABLE "SchemaInfo" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_SchemaInfo" PRIMARY KEY AUTOINCREMENT,
            "Version" INTEGER NOT NULL,
            "UpdatedAt" TEXT NOT NULL
        );
        CREATE TABLE "Users" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY AUTOINCREMENT,
            "Email" TEXT NOT NULL,
            "PasswordHash" TEXT NOT NULL,
            "Role" INTEGER NOT NULL,
            "DisplayName" TEXT NOT NULL,
            "CityCode" TEXT NULL,
            "EmployerId" INTEGER NULL,
            "CreatedAt" TEXT NOT NULL
        );
        CREATE TABLE "Postings" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Postings" PRIMARY KEY AUTOINCREMENT,
            "EmployerId" INTEGER NOT NULL,
            "Title" TEXT NOT NULL,
            "Description" TEXT NOT NULL,
            "CityCode" TEXT NOT NULL,
            "District" TEXT NULL,
            "Category" TEXT NULL,
            "SalaryMin" INTEGER NULL,
            "SalaryMax" INTEGER NULL,
            "SalaryMonths" INTEGER NOT NULL,
            "SalaryNegotiable" INTEGER NOT NULL,
            "Education" INTEGER NOT NULL,
            "Experience" INTEGER NOT NULL,
            "Headcount" INTEGER NOT NULL,
            "Skills" TEXT NOT NULL,
            "PostedAt" TEXT NOT NULL,
            "UpdatedAt" TEXT NOT NULL,
            "ExpiresAt" TEXT NULL,
            "Status" INTEGER NOT NULL,
            "ClosedAt" TEXT NULL,
            CONSTRAINT "FK_Postings_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT
        );
        CREATE TABLE "Resumes" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Resumes" PRIMARY KEY AUTOINCREMENT,
            "OwnerUserId" INTEGER NOT NULL,
            "FullName" TEXT NOT NULL,
            "School" TEXT NOT NULL,
            "Major" TEXT NOT NULL,
            "Degree" INTEGER NOT NULL,
            "GraduationYear" INTEGER NOT NULL,
            "Skills" TEXT NOT NULL,
            "PreferredCities" TEXT NOT NULL,
            "ExpectedSalaryMin" INTEGER NULL,
            "ExpectedSalaryMax" INTEGER NULL,
            "SelfIntroduction" TEXT NULL,
            "Visibility" INTEGER NOT NULL,
            "ContactVisibleToEmployers" INTEGER NOT NULL,
            "ContactPhone" TEXT NULL,
            "ContactEmail" TEXT NULL,
            "ContactIdNumber" TEXT NULL,
            "CreatedAt" TEXT NOT NULL,
            "UpdatedAt" TEXT NOT NULL,
            "Experiences" TEXT NULL,
            CONSTRAINT "FK_Resumes_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
        );
        CREATE TABLE "Applications" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
            "PostingId" INTEGER NOT NULL,
            "ResumeId" INTEGER NOT NULL,
            "EmployerId" INTEGER NOT NULL,
            "CoverLetter" TEXT NULL,
            "CreatedAt" TEXT NOT NULL,
            CONSTRAINT "FK_Applications_Postings_PostingId" FOREIGN KEY ("PostingId") REFERENCES "Postings" ("Id") ON DELETE RESTRICT,
            CONSTRAINT "FK_Applications_Resumes_ResumeId" FOREIGN KEY ("ResumeId") REFERENCES "Resumes" ("Id") ON DELETE RESTRICT
        );
        CREATE UNIQUE INDEX "IX_Applications_PostingId_ResumeId" ON "Applications" ("PostingId", "ResumeId");
        CREATE INDEX "IX_Applications_ResumeId_EmployerId" ON "Applications" ("ResumeId", "EmployerId");
        CREATE UNIQUE INDEX "IX_Employers_CreditCode" ON "Employers" ("CreditCode") WHERE CreditCode IS NOT NULL;
        CREATE INDEX "IX_Employers_Name" ON "Employers" ("Name");
        CREATE INDEX "IX_Postings_CityCode" ON "Postings" ("CityCode");
        CREATE INDEX "IX_Postings_EmployerId" ON "Postings" ("EmployerId");
        CREATE INDEX "IX_Postings_Status_PostedAt" ON "Postings" ("Status", "PostedAt");
        CREATE UNIQUE INDEX "IX_Resumes_OwnerUserId" ON "Resumes" ("OwnerUserId");
        CREATE INDEX "IX_Resumes_Visibility" ON "Resumes" ("Visibility");
        CREATE UNIQUE INDEX "IX_Users_Email" ON "Users" ("Email");
        """;
}
