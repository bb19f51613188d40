using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace Jobs.Benchmarks.Shared;

/// <summary>A harness's own failure: printed as a message, not a stack trace.</summary>
internal sealed class HarnessException(string message) : Exception(message);

/// <summary>An API process started from the Release build, its output kept in a log file; killed with its tree on dispose.</summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private bool _closed;

    private ApiProcess(Process process, string url, StreamWriter log, string logPath)
    {
        Process = process;
        Url = url;
        _log = log;
        _logPath = logPath;
    }

    public Process Process { get; }

    public string Url { get; }

    public static ApiProcess Start(string apiDll, int port, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(DotnetHost())
        {
            // The content root (appsettings.json) is the working directory; the build output has a copy.
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(apiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        var api = new ApiProcess(new Process { StartInfo = info }, url, log, logPath);
        api.Process.OutputDataReceived += (_, e) => api.Write(e.Data);
        api.Process.ErrorDataReceived += (_, e) => api.Write(e.Data);
        if (!api.Process.Start())
        {
            throw new HarnessException($"could not start {apiDll}");
        }

        api.Process.BeginOutputReadLine();
        api.Process.BeginErrorReadLine();
        return api;
    }

    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Process.HasExited)
            {
                throw new HarnessException($"API at {Url} exited with code {Process.ExitCode} while starting; see {_logPath}");
            }

            try
            {
                using var response = await http.GetAsync(Url + "/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Timed out while starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new HarnessException($"API at {Url} not healthy after {timeout.TotalSeconds:F0} s; see {_logPath}");
    }

    public TimeSpan CpuTime()
    {
        Process.Refresh();
        return Process.HasExited ? TimeSpan.Zero : Process.TotalProcessorTime;
    }

    public void PrintLogTail(int lines)
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var tail = reader.ReadToEnd().Split('\n').TakeLast(lines);
            Console.Error.WriteLine($"--- last lines of {_logPath} ---");
            foreach (var line in tail)
            {
                Console.Error.WriteLine(line);
            }
        }
        catch (IOException)
        {
            // Nothing to show.
        }
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }

        Process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    /// <summary>The dotnet host this harness runs on (…/dotnet beside shared/Microsoft.NETCore.App/x.y.z), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        var host = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}
