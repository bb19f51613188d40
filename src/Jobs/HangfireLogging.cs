using Microsoft.Extensions.Logging;
using HangfireLog = Hangfire.Logging;

namespace Jobs.Background;

/// <summary>
/// Hangfire logs through one process-wide provider, which every host sets in turn. Hangfire's own adapter breaks once the
/// host that set it is disposed while another host still runs (several test hosts in one process): its disposed
/// logger factory throws. This adapter creates loggers per message and drops messages of a disposed host instead.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : HangfireLog.ILogProvider
{
    public HangfireLog.ILog GetLogger(string name) => new ForwardingLog(factory, name);

    private sealed class ForwardingLog(ILoggerFactory factory, string name) : HangfireLog.ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= factory.CreateLogger(name);
                var level = logLevel switch
                {
                    HangfireLog.LogLevel.Trace => LogLevel.Trace,
                    HangfireLog.LogLevel.Debug => LogLevel.Debug,
                    HangfireLog.LogLevel.Info => LogLevel.Information,
                    HangfireLog.LogLevel.Warn => LogLevel.Warning,
                    HangfireLog.LogLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (messageFunc is null)
                {
                    // Hangfire asks whether a level is enabled by passing no message.
                    return _logger.IsEnabled(level);
                }

                if (_logger.IsEnabled(level))
                {
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
                    _logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
