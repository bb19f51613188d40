using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.ChangeLog;

/// <summary>How each node follows the change log and how long the log is kept.</summary>
public sealed class ChangeLogOptions
{
    public const string Section = "ChangeLog";

    /// <summary>How often a node looks for new log rows when no Redis nudge arrives (the nudge makes it look at once).</summary>
    [Range(20, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 200;

    /// <summary>Rows read and applied per round.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>
    /// Rows older than this are pruned. A node whose index was last committed longer ago than this (less an hour of margin)
    /// no longer trusts the log to hold everything it missed, and replays by update time instead.
    /// </summary>
    [Range(2, 24 * 90)]
    public int RetentionHours { get; set; } = 48;
}
