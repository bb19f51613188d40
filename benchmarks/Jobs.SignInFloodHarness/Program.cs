using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

using Jobs.Benchmarks.Shared;

namespace Jobs.SignInFloodHarness;

// Usage: dotnet run -c Release --project benchmarks/Jobs.SignInFloodHarness -- [--requests 2000] [--flooders 32]
//        [--attacker-addresses 1] [--warmup 300] [--max-phase-seconds 180] [--port 5095] [--data /tmp/dir] [--keep] [--api src/Api/bin/Release/net10.0/Jobs.Api.dll]
//
// For each of three runs (limits raised out of reach; the production limits with refusals sent at once; the production
// defaults, which hold a refusal back for RateLimits:RejectionDelayMilliseconds) it starts a fresh Release API process
// on loopback in the Production environment, then times --requests sequential GET /api/cities from one client address
// alone, and again while --flooders concurrent clients from other addresses (--attacker-addresses of them, 127.0.1.x)
// send POST /api/auth/login for an existing account with wrong passwords as fast as the server answers.
// Every 127.x.y.z address is this machine on Linux; distinct addresses are distinct clients to per-address limits.
// (A class with Main rather than top-level statements: the referenced API already has a global Program class.)
internal static class Harness
{
    private const string AdminEmail = "admin@bench.local";
    private const string AdminPassword = "FloodBench2026";
    private const string SigningKey = "sign-in-flood-harness-signing-key-0123456789-abcdef";

    private static readonly string[] Rules =
        ["Global", "SignIn", "SignUp", "Refresh", "FairRegistration", "FairRegistrationPerAddress", "Applications", "Uploads", "Search"];

    public static async Task<int> Main(string[] args)
    {
        Settings s;
        try
        {
            s = Settings.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (!File.Exists(s.ApiDll))
        {
            Console.Error.WriteLine($"{s.ApiDll} not found: build it first with `dotnet build src/Api -c Release` (or pass --api).");
            return 2;
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores; {s.Requests} sequential GET /api/cities per phase; {s.Flooders} sign-in flooders "
            + $"from {s.AttackerAddresses} address(es); data {s.DataDirectory}");
        var results = new List<RunResult>();
        try
        {
            results.Add(await RunAsync(s, "off (limits of 1e8)", "limits-off", OffLimits()));
            results.Add(await RunAsync(s, "on, refusals sent at once", "limits-on-no-delay", new() { ["RateLimits__RejectionDelayMilliseconds"] = "0" }));
            results.Add(await RunAsync(s, "on (production defaults)", "limits-on", []));
        }
        catch (HarnessException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            if (!s.Keep)
            {
                TryDelete(s.DataDirectory);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| rate limits | /api/cities alone p50 | p99 | under sign-in flood p50 | p99 | max | requests timed | sign-in answers/s | 401 | 429 | other |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Name} | {r.Alone.P50:F2} ms | {r.Alone.P99:F2} ms | {r.Flooded.P50:F2} ms | **{r.Flooded.P99:F2} ms** | {r.Flooded.Max:F1} ms "
                + $"| {r.Alone.Count} / {r.Flooded.Count} | {r.FloodPerSecond:F0} | {r.Unauthorized} | {r.Refused} | {r.Other} |");
        }

        return 0;
    }

    private static Dictionary<string, string> OffLimits() =>
        Rules.ToDictionary(rule => $"RateLimits__{rule}__PermitLimit", _ => "100000000");

    private static async Task<RunResult> RunAsync(Settings s, string name, string folder, Dictionary<string, string> limits)
    {
        var data = Path.Combine(s.DataDirectory, folder);
        Directory.CreateDirectory(data);
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataDirectory"] = data,
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = AdminPassword,
            ["Auth__SigningKey"] = SigningKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in limits)
        {
            env[key] = value;
        }

        if (!PortIsFree(s.Port))
        {
            throw new HarnessException($"port {s.Port} is in use; pass --port with a free one");
        }

        using var api = ApiProcess.Start(s.ApiDll, s.Port, env, Path.Combine(data, "api.log"));
        await api.WaitHealthyAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
        Console.WriteLine($"[{name}] API healthy at {api.Url} (pid {api.Process.Id})");

        // Separate client addresses per phase, so the measuring client never spends the per-address bucket of another phase.
        using (var warm = Client(api.Url, "127.0.0.4", 1))
        {
            await SequentialAsync(warm, s.Warmup, s.MaxPhase);
        }

        Sample alone;
        using (var client = Client(api.Url, "127.0.0.2", 1))
        {
            alone = new Sample(await SequentialAsync(client, s.Requests, s.MaxPhase));
        }

        Console.WriteLine($"[{name}] alone: p50 {alone.P50:F2} ms, p99 {alone.P99:F2} ms");

        using var stop = new CancellationTokenSource();
        var counts = new int[3];
        var attackers = Enumerable.Range(0, s.AttackerAddresses)
            .Select(i => Client(api.Url, $"127.0.1.{i + 1}", (s.Flooders + s.AttackerAddresses - 1) / s.AttackerAddresses))
            .ToArray();
        var floodClock = Stopwatch.StartNew();
        var flooders = Enumerable.Range(0, s.Flooders).Select(i => FloodAsync(attackers[i % attackers.Length], counts, stop.Token)).ToArray();
        // Measure the steady state: after the sign-ins the limit lets through have been hashed (the first refusal, or a
        // limit nobody reaches), and a second more for the thread pool to settle.
        var settling = Stopwatch.StartNew();
        while (Volatile.Read(ref counts[1]) == 0 && Volatile.Read(ref counts[0]) < 100 && settling.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Sample flooded;
        using (var client = Client(api.Url, "127.0.0.3", 1))
        {
            flooded = new Sample(await SequentialAsync(client, s.Requests, s.MaxPhase));
        }

        await stop.CancelAsync();
        await Task.WhenAll(flooders);
        var seconds = floodClock.Elapsed.TotalSeconds;
        foreach (var attacker in attackers)
        {
            attacker.Dispose();
        }

        Console.WriteLine($"[{name}] under flood ({flooded.Count} requests): p50 {flooded.P50:F2} ms, p99 {flooded.P99:F2} ms; sign-ins answered 401×{counts[0]}, 429×{counts[1]}, other×{counts[2]}");
        return new RunResult(name, alone, flooded, (counts[0] + counts[1] + counts[2]) / seconds, counts[0], counts[1], counts[2]);
    }

    /// <summary>Up to <paramref name="count"/> requests, fewer when <paramref name="budget"/> runs out (a server slowed to a second a request).</summary>
    private static async Task<double[]> SequentialAsync(HttpClient client, int count, TimeSpan budget)
    {
        var latencies = new List<double>(count);
        var phase = Stopwatch.StartNew();
        for (var i = 0; i < count && phase.Elapsed < budget; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/api/cities", HttpCompletionOption.ResponseContentRead);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HarnessException($"GET /api/cities answered {(int)response.StatusCode}; the measuring client must never be limited");
            }
        }

        return [.. latencies];
    }

    private static async Task FloodAsync(HttpClient client, int[] counts, CancellationToken stop)
    {
        var body = new { email = AdminEmail, password = "wrong-password-123" };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/api/auth/login", body, stop);
                var slot = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => 0,
                    HttpStatusCode.TooManyRequests => 1,
                    _ => 2,
                };
                Interlocked.Increment(ref counts[slot]);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref counts[2]);
            }
        }
    }

    /// <summary>A client whose connections leave from <paramref name="localAddress"/>.</summary>
    private static HttpClient Client(string url, string localAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing its files; a leftover temp folder is harmless.
        }
    }
}


internal sealed record RunResult(string Name, Sample Alone, Sample Flooded, double FloodPerSecond, int Unauthorized, int Refused, int Other);

internal sealed class Sample(double[] latencies)
{
    private readonly double[] _sorted = latencies.Order().ToArray();

    public int Count => _sorted.Length;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => _sorted[^1];

    // Nearest rank.
    private double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}

internal sealed record Settings(int Requests, int Flooders, int AttackerAddresses, int Warmup, TimeSpan MaxPhase, int Port, string DataDirectory,
    bool Keep, string ApiDll)
{
    public static Settings Parse(string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback, int min)
        {
            var text = Arg(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value
                : throw new ArgumentException($"--{name} needs a whole number ≥ {min}, not '{text}'");
        }

        var data = Arg("data") ?? Path.Combine(Path.GetTempPath(), $"jobs-flood-bench-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var api = Arg("api") ?? Path.Combine(FindRepositoryRoot(), "src", "Api", "bin", "Release", "net10.0", "Jobs.Api.dll");
        return new Settings(
            Int("requests", 2000, 1),
            Int("flooders", 32, 1),
            Math.Min(Int("attacker-addresses", 1, 1), 250),
            Int("warmup", 300, 0),
            TimeSpan.FromSeconds(Int("max-phase-seconds", 180, 1)),
            Int("port", 5095, 1),
            Path.GetFullPath(data),
            args.Contains("--keep"),
            Path.GetFullPath(api));
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new ArgumentException("Jobs.sln not found above the current directory; pass --api path/to/Jobs.Api.dll");
    }
}

