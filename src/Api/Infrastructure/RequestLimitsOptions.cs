using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.Infrastructure;

public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Largest request body of a signed-in caller; postings and résumés are far smaller. Feed uploads set their own limit.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Largest request body without a token: signing up and signing in need a few hundred bytes.</summary>
    [Range(1024, 1L << 30)]
    public long AnonymousMaxBodyBytes { get; set; } = 64 * 1024;
}
