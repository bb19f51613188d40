using System.ComponentModel.DataAnnotations;

namespace Jobs.Web;

public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>How long a browser stays signed in without a visit; each visit renews it, within the session's own limits.</summary>
    [Range(1, 90)]
    public int SignInDays { get; set; } = 14;

    /// <summary>The Redis list holding the data-protection keys when Redis is configured.</summary>
    /// <summary>Where the footer links the API reference; set by the host when it serves one, else the footer points to the README.</summary>
    public string? ApiReferencePath { get; set; }

    [Required]
    public string DataProtectionRedisKey { get; set; } = "jobs:dataprotection:keys";
}
