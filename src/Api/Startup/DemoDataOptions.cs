using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.Startup;

/// <summary>What the first start seeds into an empty database when Storage:SeedDemoData is on (Development).</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Same seed, same data: demo and benchmark runs are reproducible.</summary>
    public int Seed { get; set; } = 20191114;

    [Range(1, 1_000_000)]
    public int Employers { get; set; } = 500;

    [Range(0, 50_000_000)]
    public int Postings { get; set; } = 5000;

    [Range(0, 10_000_000)]
    public int Graduates { get; set; } = 2000;
}
