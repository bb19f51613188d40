using System.ComponentModel.DataAnnotations;

namespace Jobs.Web;

public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>How long a browser stays signed in without a visit; each visit renews it, within the session's own limits.</summary>
    [Range(1, 90)]
    public int SignInDays { get; set; } = 14;

    /// <summary>Where the footer links the API reference; set by the host when it serves one, else the footer points to the README.</summary>
    public string? ApiReferencePath { get; set; }

    /// <summary>
    /// The site's public address (https://jobs.example.cn) for canonical links, JSON-LD and the sitemap; when unset, the
    /// address the request came to.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Most addresses /sitemap.xml lists (the protocol's limit for one file is 50,000): published fairs, then the newest open postings.</summary>
    [Range(1, 50_000)]
    public int SitemapMaxUrls { get; set; } = 50_000;
}
