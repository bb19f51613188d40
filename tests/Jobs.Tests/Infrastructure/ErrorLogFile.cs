using Microsoft.Extensions.Logging;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// With <c>JOBS_TEST_ERROR_LOG</c> naming a file, every test host appends its errors (with exceptions) there: a 500 in a
/// test then shows its cause, which the test runner does not capture from the host's console.
/// </summary>
public sealed class ErrorLogFile(string path) : ILoggerProvider
{
    public static string? Path { get; } = Environment.GetEnvironmentVariable("JOBS_TEST_ERROR_LOG") is { Length: > 0 } p ? p : null;

    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                File.AppendAllText(path, $"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
