using System.Globalization;
using System.Text;
using System.Xml;
using Jobs.Core.Postings;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Web.Public;

/// <summary>/sitemap.xml and /robots.txt: what search engines may list, and where to find it.</summary>
public static class SitemapEndpoints
{
    /// <summary>Published fairs in the sitemap at most; the rest of <see cref="WebOptions.SitemapMaxUrls"/> goes to postings.</summary>
    public const int MaxFairs = 1000;

    /// <summary>Paths no search engine has any business in: the API, signed-in areas, forms and tools.</summary>
    public static readonly string[] Disallowed =
        ["/api/", "/me/", "/me$", "/employer/", "/employer$", "/hangfire", "/scalar", "/openapi", "/login", "/logout", "/register", "/denied",
         "/error", "/jobs/*/apply", "/fairs/*/register"];

    public static IEndpointRouteBuilder MapSitemapEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        return app;
    }

    internal static IResult Robots(HttpRequest request, PublicUrls urls)
    {
        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }

        text.Append("\nSitemap: ").Append(urls.Absolute(request, "/sitemap.xml")).Append('\n');
        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    /// <summary>
    /// Listed, unexpired postings (newest first) and published fairs, with when each last changed. Two projections of ids and
    /// dates, bounded, so the sitemap costs the same with a million postings as with a thousand.
    /// </summary>
    internal static async Task<IResult> SitemapAsync(HttpContext http, JobsDbContext db, PublicUrls urls, IOptions<WebOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var max = options.Value.SitemapMaxUrls;
        var fairs = await db.Fairs.AsNoTracking().Where(f => f.PublishedAt != null)
            .OrderByDescending(f => f.StartsAt).Take(Math.Min(MaxFairs, max / 2))
            .Select(f => new { f.Id, f.UpdatedAt }).ToListAsync(cancellationToken);
        var postings = await db.Postings.AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Holds == PostingHolds.None && (p.ExpiresAt == null || p.ExpiresAt > now))
            .OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id).Take(max - fairs.Count)
            .Select(p => new { p.Id, p.UpdatedAt }).ToListAsync(cancellationToken);

        var site = urls.BaseUrl(http.Request);
        var buffer = new MemoryStream();
        // Written into memory: nothing to wait for, and a failure leaves no half-written response.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            Url(xml, site + "/", null);
            Url(xml, site + "/jobs", null);
            Url(xml, site + "/fairs", null);
            foreach (var f in fairs)
            {
                Url(xml, site + "/fairs/" + f.Id.ToString(CultureInfo.InvariantCulture), f.UpdatedAt);
            }

            foreach (var p in postings)
            {
                Url(xml, site + "/jobs/" + p.Id.ToString(CultureInfo.InvariantCulture), p.UpdatedAt);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static void Url(XmlWriter xml, string location, DateTime? lastModified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", location);
        if (lastModified is { } modified)
        {
            xml.WriteElementString("lastmod", DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }
}
