using System.Diagnostics;
using System.Text;
using Jobs.Core.Imports;
using Jobs.Core.Postings;
using Jobs.Core.Storage;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Imports;

/// <summary>
/// The command-line import as a real process over a real data folder: killed half way through storing, it must leave the
/// previous state, and the next run must complete the import.
/// </summary>
public sealed class ImportProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "jobs-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public ImportProcessTests() => Directory.CreateDirectory(_data);

    [Fact]
    public async Task ImportCommand_KilledWhileStoring_LeavesPreviousStateAndNextRunCompletes()
    {
        var before = Enumerable.Range(1, 2000).Select(i => Row($"k-{i}", ("title", $"旧职位{i}"))).ToArray();
        var oldFile = WriteFeed("old.csv", before);
        var first = await RunImportAsync(oldFile);
        Assert.True(first.ExitCode == 0, first.Output);

        // The new snapshot changes every old row and adds many new ones, so storing takes long enough to be interrupted.
        var after = Enumerable.Range(1, 20000).Select(i => Row($"k-{i}", ("title", $"新职位{i}"))).ToArray();
        var newFile = WriteFeed("new.csv", after);
        var killed = await RunImportAsync(newFile, killWhenOutputContains: "已写入 5000/");
        Assert.True(killed.Killed, "The import finished before it could be killed; make the feed larger. Output: " + killed.Output);

        var interrupted = await ReadStateAsync();
        Assert.Equal(2000, interrupted.Postings);
        Assert.Equal(2000, interrupted.TitlesStartingWith("旧职位"));
        Assert.Equal([ImportRunStatus.Succeeded, ImportRunStatus.Running], interrupted.Runs);

        // The dead process's lease blocks the source until it runs out (5 s here); the rerun waits for it.
        var rerun = await RunImportAsync(newFile, wait: 30);
        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Contains("新增 18000", rerun.Output);
        Assert.Contains("更新 2000", rerun.Output);

        var completed = await ReadStateAsync();
        Assert.Equal(20000, completed.Postings);
        Assert.Equal(20000, completed.TitlesStartingWith("新职位"));
        Assert.Equal([ImportRunStatus.Succeeded, ImportRunStatus.Abandoned, ImportRunStatus.Succeeded], completed.Runs);

        var again = await RunImportAsync(newFile);
        Assert.Contains("新增 0（合并 0），更新 0，关闭 0，未变 20000", again.Output);

        // The command line never touches the search index; a host starting over the folder catches up from the database.
        Assert.False(Directory.Exists(Path.Combine(_data, "index")));
        using var host = JobsApiFactory.OverFolder(_data);
        var admin = await host.SignInAdminAsync();
        var found = await admin.GetJsonAsync("/api/postings/search?q=" + Uri.EscapeDataString("新职位19999"));
        Assert.Contains(found["items"]!.AsArray(), i => (string)i!["title"]! == "新职位19999");
    }

    [Fact]
    public async Task ImportCommand_WhileServerRuns_ReachesItsIndexThroughTheCatchUpJob()
    {
        using var host = JobsApiFactory.OverFolder(_data);
        var admin = await host.SignInAdminAsync();
        var file = WriteFeed("live.csv", [Row("live-1", ("title", "潜水装备维修技师"))]);

        var run = await RunImportAsync(file);
        Assert.True(run.ExitCode == 0, run.Output);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The host's own minutely run may have caught up first (then this one finds nothing left); either way the
            // posting can only reach the index through the catch-up, since the command never touches it.
            await scope.ServiceProvider.GetRequiredService<Jobs.Background.Search.SearchIndexCatchUpJob>().ExecuteAsync(CancellationToken.None);
        }

        var found = await admin.GetJsonAsync("/api/postings/search?q=" + Uri.EscapeDataString("潜水装备维修"));
        Assert.Contains(found["items"]!.AsArray(), i => (string)i!["title"]! == "潜水装备维修技师");
    }

    private string WriteFeed(string name, Dictionary<string, string>[] rows)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllText(path, FeedTestKit.Csv(rows), new UTF8Encoding(false));
        return path;
    }

    private sealed record ProcessResult(int? ExitCode, bool Killed, string Output);

    private async Task<ProcessResult> RunImportAsync(string file, string? killWhenOutputContains = null, int wait = 0)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { api, "import", "--city", "南京", "--file", file, "--wait", wait.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__DataDirectory"] = _data;
        start.Environment["Storage__SeedDemoData"] = "false";
        start.Environment["Imports__LockLeaseSeconds"] = "5";
        start.Environment["Admin__Email"] = JobsApiFactory.AdminEmail;
        start.Environment["Admin__Password"] = JobsApiFactory.AdminPassword;
        start.Environment["Auth__SigningKey"] = "test-signing-key-that-is-long-enough-for-hs256";
        foreach (var (key, value) in JobsApiFactory.HighRateLimitsEnvironment.Concat(TestDatabase.ProcessEnvironment(_data)))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync();
        var killed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.AppendLine(line);
            if (killWhenOutputContains is not null && line.Contains(killWhenOutputContains, StringComparison.Ordinal))
            {
                // SIGKILL: no finally blocks, no disposal, no rollback by the process itself.
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stderr);
        return new ProcessResult(killed ? null : process.ExitCode, killed, output.ToString());
    }

    private sealed record State(int Postings, IReadOnlyList<string> Titles, IReadOnlyList<ImportRunStatus> Runs)
    {
        public int TitlesStartingWith(string prefix) => Titles.Count(t => t.StartsWith(prefix, StringComparison.Ordinal));
    }

    private async Task<State> ReadStateAsync()
    {
        await using var db = new JobsDbContext(TestDatabase.ContextOptions(_data));
        var titles = await db.Postings.Where(p => p.Status == PostingStatus.Open).Select(p => p.Title).ToListAsync();
        var runs = await db.ImportRuns.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
        return new State(await db.Postings.CountAsync(), titles, runs);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
