using System.Diagnostics;
using System.Text.Json.Nodes;
using Jobs.Search.Indexing;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Nodes;

/// <summary>A node over a database another node writes: its own data folder and index, the shared SQLite file.</summary>
public sealed class NodeFactory(string dataDirectory, string databasePath, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    : JobsApiFactory(dataDirectory, ownsDirectory: false)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Storage:ConnectionString", $"Data Source={databasePath};Default Timeout=30"),
        .. extra ?? [],
    ];
}

public sealed class ChangeLogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jobs-tests", "nodes-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_root, "shared.db");

    private NodeFactory Node(string name) => new(Path.Combine(_root, name), DatabasePath);

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
