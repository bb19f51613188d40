using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jobs.Core.Common;

namespace Jobs.SearchHarness;

/// <summary>One query of the mix as the peer reads it: text, one city code, the education values allowed ("any of").</summary>
internal sealed record PeerQuery(string Text, string CityCode, IReadOnlyList<EducationLevel> Education);

/// <summary>What one side measured; a null build rate means the index was not rebuilt in this run.</summary>
internal sealed record SideFigures(double? BuildRate, double SizeMiB, double P50, double P90, double P99, double Max);

/// <summary>
/// Runs the Java Lucene peer (shared/peers/lucene-java, outside this repository) on the same open postings and the same
/// query mix as the harness: a figure from a shared 2-core machine means little alone, a ratio from one run does.
/// </summary>
internal static partial class PeerRun
{
    private const string JarDirectory = "/usr/share/java";
    private static readonly string[] JarNames = ["core", "analyzers-common", "analyzers-smartcn", "facet", "queryparser", "queries"];
    private static readonly TimeSpan Deadline = TimeSpan.FromHours(1);

    private static IEnumerable<string> Jars => JarNames.Select(name => Path.Combine(JarDirectory, $"lucene-{name}-4.10.4.jar"));

    /// <summary>
    /// The peers folder: <c>--peers-dir</c>, else <c>JOBS_PEERS_DIR</c>, else the first <c>shared/peers</c> beside the
    /// repository root or one of its parents (as tests/Jobs.Tests/Infrastructure/PeerFactAttribute.cs finds it).
    /// </summary>
    public static string? FindPeersDirectory(string? option)
    {
        if (option is { Length: > 0 })
        {
            return Path.GetFullPath(option);
        }

        if (Environment.GetEnvironmentVariable("JOBS_PEERS_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Jobs.sln")))
        {
            root = root.Parent;
        }

        for (var dir = root?.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "peers");
            if (File.Exists(Path.Combine(candidate, "lucene-java", "LucenePeer.java")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why the peer cannot run here (checked before the harness spends minutes seeding), or null when it can.</summary>
    public static string? MissingReason(string? peersDirectory)
    {
        if (peersDirectory is null)
        {
            return "No shared/peers folder beside the repository or its parents: pass --peers-dir or set JOBS_PEERS_DIR";
        }

        if (!File.Exists(Path.Combine(peersDirectory, "lucene-java", "LucenePeer.java")))
        {
            return $"No lucene-java/LucenePeer.java under {peersDirectory}";
        }

        foreach (var program in new[] { "java", "javac" })
        {
            if (!OnPath(program))
            {
                return $"No {program} on PATH: the peer needs a JDK (apt-get install -y default-jdk-headless)";
            }
        }

        if (Jars.FirstOrDefault(jar => !File.Exists(jar)) is { } missing)
        {
            return $"{missing} is missing: apt-get install -y liblucene4.10-java";
        }

        return OnPath("sqlite3") ? null : "No sqlite3 on PATH for the peer's export_postings.sh: apt-get install -y sqlite3";
    }

    /// <summary>Education filter "at most <paramref name="level"/>" as the stored values it lets through.</summary>
    public static IReadOnlyList<EducationLevel> AtMost(EducationLevel level) =>
        EducationLevels.InOrder.Where(l => l.Rank() <= level.Rank()).ToArray();

    /// <summary>Exports, compiles, runs the peer in <paramref name="workDirectory"/> and returns its figures.</summary>
    public static async Task<SideFigures> RunAsync(string peersDirectory, string databasePath, IReadOnlyList<PeerQuery> queries,
        string workDirectory, CancellationToken cancellationToken)
    {
        var peer = Path.Combine(peersDirectory, "lucene-java");
        var indexDirectory = Path.Combine(workDirectory, "index");
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        Directory.CreateDirectory(workDirectory);
        var postingsFile = Path.Combine(workDirectory, "postings.tsv");
        var queriesFile = Path.Combine(workDirectory, "queries.tsv");
        var classes = Path.Combine(workDirectory, "classes");

        var export = Stopwatch.StartNew();
        await RunAsync("bash", [Path.Combine(peer, "export_postings.sh"), databasePath, postingsFile], cancellationToken);
        Console.WriteLine($"peer: exported in {export.Elapsed.TotalSeconds:F1} s");

        await File.WriteAllLinesAsync(queriesFile, queries.Select(q =>
            $"{Clean(q.Text)}\t{q.CityCode}\t{string.Join(',', q.Education.Select(e => ((int)e).ToString(CultureInfo.InvariantCulture)))}"),
            new UTF8Encoding(false), cancellationToken);

        var classPath = string.Join(':', Jars);
        await RunAsync("javac", ["-nowarn", "-cp", classPath, "-d", classes, Path.Combine(peer, "LucenePeer.java")], cancellationToken);
        var output = await RunAsync("java",
            ["-Xmx4g", "-cp", $"{classPath}:{classes}", "LucenePeer", postingsFile, queriesFile, indexDirectory, "2"], cancellationToken);
        return Parse(output);
    }

    /// <summary>Reads the peer's INDEX BUILD, INDEX SIZE and SEARCH lines.</summary>
    public static SideFigures Parse(string output)
    {
        double Number(Regex pattern, string what)
        {
            var match = pattern.Match(output);
            return match.Success
                ? double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"The peer printed no {what}:\n{output}");
        }

        return new SideFigures(
            Number(BuildRatePattern(), "INDEX BUILD rate"),
            Number(SizePattern(), "INDEX SIZE"),
            Number(PercentilePattern("p50"), "SEARCH p50"),
            Number(PercentilePattern("p90"), "SEARCH p90"),
            Number(PercentilePattern("p99"), "SEARCH p99"),
            Number(PercentilePattern("max"), "SEARCH max"));
    }

    /// <summary>One table, Markdown so it pastes into benchmarks/README.md; every ratio above 1 means the project is ahead.</summary>
    public static void Print(SideFigures ours, SideFigures peer)
    {
        static string Ratio(double? numerator, double? denominator) =>
            numerator is { } n && denominator is { } d && d > 0 ? $"{n / d:F2}×" : "–";

        Console.WriteLine();
        Console.WriteLine("| | project | Java Lucene peer | ratio (> 1: project ahead) |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine($"| index build | {Rate(ours.BuildRate)} | {Rate(peer.BuildRate)} | {Ratio(ours.BuildRate, peer.BuildRate)} (ours ÷ peer) |");
        Console.WriteLine($"| index size | {ours.SizeMiB:F1} MiB | {peer.SizeMiB:F1} MiB | {Ratio(peer.SizeMiB, ours.SizeMiB)} (peer ÷ ours) |");
        foreach (var (name, o, p) in new[] { ("search p50", ours.P50, peer.P50), ("search p90", ours.P90, peer.P90), ("search p99", ours.P99, peer.P99), ("search max", ours.Max, peer.Max) })
        {
            Console.WriteLine($"| {name} | {o:F2} ms | {p:F2} ms | {Ratio(p, o)} (peer ÷ ours) |");
        }
    }

    private static string Rate(double? rate) => rate is { } r ? $"{r:N0} postings/s" : "not rebuilt";

    // A tab or line break in a query would shift the peer's columns.
    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>Runs a program, echoing its output as it comes (the peer runs for minutes); fails with its error output.</summary>
    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stdout)
                {
                    stdout.AppendLine(line);
                }

                Console.WriteLine($"peer: {line}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"{program} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {Deadline.TotalMinutes:0} min");
        }

        process.WaitForExit(); // flushes the asynchronous readers
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stderr}");
        }

        lock (stdout)
        {
            return stdout.ToString();
        }
    }

    [GeneratedRegex(@"INDEX BUILD:.*?=\s*([\d,.]+)\s*postings/s")]
    private static partial Regex BuildRatePattern();

    [GeneratedRegex(@"INDEX SIZE:\s*([\d,.]+)\s*MiB")]
    private static partial Regex SizePattern();

    private static Regex PercentilePattern(string name) => new($@"SEARCH .*?\b{name} ([\d,.]+) ms");
}
