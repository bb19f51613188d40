using System.Diagnostics;
using System.Text.Json.Nodes;
using Jobs.Search.Indexing;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Nodes;

/// <summary>
/// The database several nodes share: a SQLite file in the test's folder, or (on a PostgreSQL run, or when asked) a fresh
/// PostgreSQL database of the test's own, dropped when the test process ends.
/// </summary>
public sealed record SharedDatabase(string SqlitePath, string? Postgres)
{
    public static SharedDatabase Create(string root, bool postgres = false)
    {
        Directory.CreateDirectory(root);
        string? connection = null;
        if (postgres || TestPostgres.SuiteOnPostgres)
        {
            connection = TestPostgres.CreateDatabase();
            TestPostgres.DropAtExit(connection);
        }

        return new SharedDatabase(Path.Combine(root, "shared.db"), connection);
    }

    /// <summary>
    /// Points a data folder at this database: on PostgreSQL the folder's marker file (which hosts and
    /// <see cref="TestDatabase"/> read), on SQLite nothing (the node gets the connection string in its settings).
    /// </summary>
    public string Attach(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        if (Postgres is not null)
        {
            File.WriteAllText(Path.Combine(dataDirectory, JobsApiFactory.PostgresMarker), Postgres);
        }

        return dataDirectory;
    }

    /// <summary>The settings that put a host on this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings => Postgres is null
        ? [new("Storage:ConnectionString", $"Data Source={SqlitePath};Default Timeout=30")]
        : [new("ConnectionStrings:Postgres", Postgres)];
}

/// <summary>A node over a database other nodes share: its own data folder and index, the shared database.</summary>
public sealed class NodeFactory(string dataDirectory, SharedDatabase database, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    : JobsApiFactory(database.Attach(dataDirectory), ownsDirectory: false)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [.. database.Settings, .. extra ?? []];
}

public sealed class ChangeLogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jobs-tests", "nodes-" + Guid.NewGuid().ToString("N"));

    private readonly SharedDatabase _database;

    public ChangeLogTests() => _database = SharedDatabase.Create(_root);

    private NodeFactory Node(string name) => new(Path.Combine(_root, name), _database);

    private static async Task<int> TotalAsync(JobsApiFactory node, string title)
    {
        var json = JsonNode.Parse(await node.CreateClient().GetStringAsync("/api/postings/search?q=" + Uri.EscapeDataString($"\"{title}\"")))!;
        return (int)json["total"]!;
    }

    /// <summary>Polls until the node finds the title; returns how long it took (fails after the deadline).</summary>
    private static async Task<TimeSpan> WaitFoundAsync(JobsApiFactory node, string title, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            // Only a search sent within the deadline counts. On a loaded machine one answer can take longer than the catch-up
            // itself, so the deadline is not held against the answer's own latency.
            var sent = watch.Elapsed;
            Assert.True(sent <= deadline, $"“{title}” not searchable on the other node within {deadline.TotalSeconds} s");
            if (await TotalAsync(node, title) == 1)
            {
                return sent;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Search_PostingCreatedOnOtherNode_FoundWithinTwoSeconds()
    {
        using var a = Node("a");
        var employer = await a.RegisterEmployerAsync();
        using var b = Node("b");
        Assert.Equal(0, await TotalAsync(b, "潜水教练"));

        var id = await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "潜水教练"));
        await WaitFoundAsync(b, "潜水教练", TimeSpan.FromSeconds(2));

        // A close is a change too: the other node drops the posting.
        (await employer.Client.PostAsync($"/api/postings/{id}/close", null)).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        while (await TotalAsync(b, "潜水教练") != 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "a closed posting stayed searchable on the other node");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Restart_ChangesWhileDown_AppliedOnceAndNothingReapplied()
    {
        using var a = Node("a");
        var employer = await a.RegisterEmployerAsync();
        using (var b = Node("b"))
        {
            // Started (and its index built) before the write, so the wait below is the catch-up, not the start.
            Assert.Equal(0, await TotalAsync(b, "滑雪教练"));
            await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "滑雪教练"));
            await WaitFoundAsync(b, "滑雪教练", TimeSpan.FromSeconds(2));
        }

        // Written while the follower is down.
        await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "冲浪教练"));

        using var restarted = Node("b");
        await WaitFoundAsync(restarted, "冲浪教练", TimeSpan.FromSeconds(2));
        Assert.Equal(1, await TotalAsync(restarted, "滑雪教练"));
        // Exactly the one row written while down: the row applied before the stop is not applied again.
        Assert.Equal(1, restarted.Services.GetRequiredService<ChangeLogCatchUp>().Consumed);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the WAL a moment longer; a leftover temp folder is harmless.
        }
    }
}
