using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.Infrastructure;

public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Largest request body accepted; postings and résumés are far smaller. Feed uploads set their own limit.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 1 << 20;
}
