using System.Diagnostics;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// A fact that runs the Java Lucene peer (shared/peers/lucene-java, outside this repository): skipped with the reason when
/// the peer, a JDK or Debian's Lucene 4.10 jars are missing, so a fresh clone still runs green; with
/// <c>JOBS_REQUIRE_PEER=1</c> (CI) it always runs and fails loudly.
/// </summary>
public sealed class PeerFactAttribute : FactAttribute
{
    public PeerFactAttribute()
    {
        if (!TestPeer.Required && TestPeer.MissingReason is { } reason)
        {
            Skip = $"{reason}; or set JOBS_REQUIRE_PEER=1 to fail instead of skipping.";
        }
    }
}

public static class TestPeer
{
    public const string JarDirectory = "/usr/share/java";

    /// <summary>The jars LucenePeer.java compiles and runs against (Debian package liblucene4.10-java).</summary>
    public static IReadOnlyList<string> Jars { get; } =
        new[] { "core", "analyzers-common", "analyzers-smartcn", "facet", "queryparser", "queries" }
            .Select(name => Path.Combine(JarDirectory, $"lucene-{name}-4.10.4.jar")).ToList();

    public static bool Required => Environment.GetEnvironmentVariable("JOBS_REQUIRE_PEER") == "1";

    /// <summary>
    /// The peers folder: <c>JOBS_PEERS_DIR</c> when set, else the first <c>shared/peers</c> beside the repository root or
    /// beside one of its parents (../shared/peers for a clone next to it, ../../shared/peers for a worktree one level
    /// deeper). Null when none is found.
    /// </summary>
    public static string? PeersDirectory { get; } = FindPeers();

    public static string? LucenePeerDirectory => PeersDirectory is null ? null : Path.Combine(PeersDirectory, "lucene-java");

    /// <summary>Why the peer cannot run here, or null when it can.</summary>
    public static string? MissingReason { get; } = Probe();

    private static string? FindPeers()
    {
        if (Environment.GetEnvironmentVariable("JOBS_PEERS_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = RepositoryRoot()?.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "peers");
            if (File.Exists(Path.Combine(candidate, "lucene-java", "LucenePeer.java")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static DirectoryInfo? RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
        {
            dir = dir.Parent;
        }

        return dir;
    }

    private static string? Probe()
    {
        if (LucenePeerDirectory is not { } peer || !File.Exists(Path.Combine(peer, "LucenePeer.java")))
        {
            return PeersDirectory is null
                ? "No shared/peers folder beside the repository or its parents; set JOBS_PEERS_DIR to it"
                : $"No lucene-java/LucenePeer.java under {PeersDirectory}";
        }

        if (!OnPath("javac") || !OnPath("java"))
        {
            return "No JDK (java and javac) on PATH";
        }

        if (Jars.FirstOrDefault(jar => !File.Exists(jar)) is { } missing)
        {
            return $"{missing} is missing; apt-get install -y liblucene4.10-java";
        }

        return OnPath("sqlite3") ? null : "No sqlite3 on PATH for the peer's export_postings.sh; apt-get install -y sqlite3";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>Runs a program to completion within <paramref name="deadline"/>; returns standard output, fails with both streams otherwise.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {deadline.TotalSeconds:0} s");
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await stderr}");
        return output;
    }
}
