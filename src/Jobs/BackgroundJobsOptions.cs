using System.ComponentModel.DataAnnotations;

namespace Jobs.Background;

public sealed class BackgroundJobsOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>Run a Hangfire server in this process. A second API process may leave it off and only enqueue.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Workers of this process's Hangfire server; imports are I/O and index bound, so a few suffice on two cores.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// How often this server looks for due recurring and delayed jobs (Hangfire's default, 15 s). Minutely jobs need no
    /// less; a test of second-based schedules across nodes sets 1.
    /// </summary>
    [Range(1, 60)]
    public int SchedulePollingSeconds { get; set; } = 15;

    /// <summary>
    /// Start of every Hangfire key when <c>ConnectionStrings:Redis</c> is set, so several deployments (or test runs) can
    /// share one Redis database without seeing each other's jobs.
    /// </summary>
    [Required, MinLength(1)]
    public string RedisPrefix { get; set; } = "jobs:hangfire:";

    /// <summary>Start of every distributed-lock key in Redis; kept apart from Hangfire's keys for the same reason.</summary>
    [Required, MinLength(1)]
    public string RedisLockPrefix { get; set; } = "jobs:lock:";

    /// <summary>Start of every pub/sub channel the nodes tell each other on (change-log nudges, cache invalidation).</summary>
    [Required, MinLength(1)]
    public string RedisChannelPrefix { get; set; } = "jobs:events:";

    /// <summary>Start of every seat-control key in Redis (per fair: state, people, waitlist).</summary>
    [Required, MinLength(1)]
    public string RedisSeatPrefix { get; set; } = "jobs:seats:";
}
