using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Employers;

public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>The largest business-licence file accepted, in bytes (default 5 MB: a phone photo or a scanned PDF).</summary>
    [Range(10 * 1024, 50 * 1024 * 1024)]
    public long LicenceMaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// How long an employer's verified state is kept in memory for access checks. Decisions made in this process evict at
    /// once; other processes of the same deployment see them after at most this long. 0 turns caching off.
    /// </summary>
    [Range(0, 600)]
    public int StatusCacheSeconds { get; set; } = 30;
}
