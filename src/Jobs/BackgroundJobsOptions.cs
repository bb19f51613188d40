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
}
