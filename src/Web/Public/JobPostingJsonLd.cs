using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Web.Public;

/// <summary>
/// schema.org JobPosting for a posting page, so search engines can list the vacancy. The JSON goes into a
/// <c>&lt;script type="application/ld+json"&gt;</c> data block: the encoder escapes &lt;, &gt; and &amp;, so no text in a
/// posting can close the block, and CSP leaves non-executable data blocks alone.
/// </summary>
public static class JobPostingJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Chinese as written (a third of the bytes of \u escapes); HTML-sensitive characters are still escaped by this encoder.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Build(Posting posting, Jobs.Core.Employers.Employer? employer, string employerName, City? city, string postingUrl, string employerUrl)
    {
        var address = new JsonObject
        {
            ["@type"] = "PostalAddress",
            ["addressCountry"] = "CN",
        };
        if (city is not null)
        {
            address["addressRegion"] = city.Province;
            address["addressLocality"] = city.FullName;
        }

        if (posting.District is { Length: > 0 } district)
        {
            // The district is the finest place a posting names; schema.org has no district field, so it goes in the street line.
            address["streetAddress"] = district;
        }

        var organisation = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = employerName,
            ["sameAs"] = employerUrl,
        };
        if (employer?.Description is { Length: > 0 } about)
        {
            organisation["description"] = about.Length > 300 ? about[..300] : about;
        }

        var json = new JsonObject
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = posting.Title,
            ["description"] = posting.Description,
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = employerName, ["value"] = posting.Id.ToString(CultureInfo.InvariantCulture) },
            ["datePosted"] = Date(posting.PostedAt),
            ["employmentType"] = EmploymentType(posting.Type),
            ["hiringOrganization"] = organisation,
            ["jobLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = address },
            ["url"] = postingUrl,
            ["totalJobOpenings"] = posting.Headcount,
        };
        if (posting.ExpiresAt is { } expires)
        {
            json["validThrough"] = Date(expires);
        }

        if (BaseSalary(posting) is { } salary)
        {
            json["baseSalary"] = salary;
        }

        if (posting.Education != Jobs.Core.Common.EducationLevel.Any)
        {
            json["educationRequirements"] = new JsonObject
            {
                ["@type"] = "EducationalOccupationalCredential",
                ["credentialCategory"] = posting.Education.Label(),
            };
        }

        return json.ToJsonString(Options);
    }

    /// <summary>The pay in the period it was published in (200 a day stays 200 a day), or the monthly figures for older postings.</summary>
    private static JsonObject? BaseSalary(Posting p)
    {
        if (p.SalaryMin is null && p.SalaryMax is null)
        {
            return null;
        }

        var published = p.PostedSalaryMin is not null || p.PostedSalaryMax is not null;
        var min = published ? p.PostedSalaryMin : p.SalaryMin;
        var max = published ? p.PostedSalaryMax : p.SalaryMax;
        var unit = published ? p.SalaryBasis switch
        {
            SalaryBasis.Hourly => "HOUR",
            SalaryBasis.Daily => "DAY",
            SalaryBasis.Yearly => "YEAR",
            _ => "MONTH",
        } : "MONTH";
        var value = new JsonObject { ["@type"] = "QuantitativeValue", ["unitText"] = unit };
        if (min is { } lo)
        {
            value["minValue"] = lo;
        }

        if (max is { } hi)
        {
            value["maxValue"] = hi;
        }

        return new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = "CNY", ["value"] = value };
    }

    private static string EmploymentType(PostingType type) => type switch
    {
        PostingType.PartTime => "PART_TIME",
        PostingType.Internship => "INTERN",
        _ => "FULL_TIME",
    };

    /// <summary>ISO 8601 with the platform's offset, as schema.org asks.</summary>
    private static string Date(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
