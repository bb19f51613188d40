using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jobs.Tests.Nodes;

/// <summary>
/// One real process of a deployment under test (<c>dotnet Jobs.Api.dll</c>, or nginx): started with its own environment,
/// its output drained (a full pipe would stall it) and the last lines kept for failure messages, killed by its id only.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private NodeProcess(string name, ProcessStartInfo start)
    {
        Name = name;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public string Name { get; }

    public int Port { get; private init; }

    public bool Killed { get; private set; }

    public string Tail(int lines = 60) => string.Join('\n', _lines.TakeLast(lines));

    /// <summary>An API node on a free loopback port, returned once <c>/health</c> answers 200.</summary>
    public static async Task<NodeProcess> StartApiAsync(string name, IReadOnlyDictionary<string, string> settings, TimeSpan limit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var api = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(api)! };
            foreach (var arg in new[] { api, "--urls", $"http://127.0.0.1:{port}" })
            {
                start.ArgumentList.Add(arg);
            }

            // Only what the test sets may point the node at a database or Redis.
            start.Environment.Remove("ConnectionStrings__Redis");
            start.Environment.Remove("ConnectionStrings__Postgres");
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }

            var node = new NodeProcess(name, start) { Port = port };
            var problem = await node.LaunchAsync($"http://127.0.0.1:{port}/health", limit);
            if (problem is null)
            {
                return node;
            }

            await node.DisposeAsync();
            // Another test may have taken the port between the probe and the bind; anything else is a real failure.
            if (attempt >= 3 || !node.Tail(KeptLines).Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{problem}\n{node.Tail(KeptLines)}");
            }
        }
    }

    /// <summary>nginx in the foreground with the given prefix folder and configuration, returned once <paramref name="probe"/> answers.</summary>
    public static async Task<NodeProcess> StartNginxAsync(string nginx, string prefix, string config, int port, string probe, TimeSpan limit)
    {
        var start = new ProcessStartInfo(nginx);
        foreach (var arg in new[] { "-p", prefix, "-c", config, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        var proxy = new NodeProcess("nginx", start) { Port = port };
        var problem = await proxy.LaunchAsync($"http://127.0.0.1:{port}{probe}", limit);
        if (problem is not null)
        {
            var log = Path.Combine(prefix, "error.log");
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"{problem}\n{proxy.Tail(KeptLines)}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
        }

        return proxy;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no graceful shutdown, no final index commit, no rollback by the process itself.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Killed && !_process.HasExited)
            {
                await KillAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task<string?> LaunchAsync(string probeUrl, TimeSpan limit)
    {
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(drain.Token);
                return $"{Name} exited with code {_process.ExitCode} before it answered.";
            }

            try
            {
                using var response = await probe.GetAsync(probeUrl);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return $"{Name} did not answer {probeUrl} within {limit.TotalSeconds} s.";
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
