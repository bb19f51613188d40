using System.Text.Json;

namespace Jobs.Core.Taxonomy;

/// <summary>A GB/T 4754-2017 section (A–T).</summary>
public sealed record Industry(string Code, string Name, string CommonName);

/// <summary>The industries (行业) of employers, read once from the embedded <c>Data/industries.json</c>.</summary>
public static class Industries
{
    private static readonly Lazy<(List<Industry> All, Dictionary<string, Industry> Lookup)> Loaded = new(Load);

    public static IReadOnlyList<Industry> All => Loaded.Value.All;

    /// <summary>A section by its letter, standard name, common name or alias (Simplified or Traditional); null when none.</summary>
    public static Industry? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length == 1 && char.IsAsciiLetter(t[0]))
        {
            return All.FirstOrDefault(i => string.Equals(i.Code, t, StringComparison.OrdinalIgnoreCase));
        }

        return Loaded.Value.Lookup.GetValueOrDefault(TaxonomyText.Fold(t));
    }

    public static Industry? ByCode(string? code) => code is null ? null : All.FirstOrDefault(i => i.Code == code);

    private static (List<Industry>, Dictionary<string, Industry>) Load()
    {
        using var stream = typeof(Industries).Assembly.GetManifestResourceStream("Jobs.Core.Data.industries.json")
            ?? throw new InvalidOperationException("The embedded industry list is missing.");
        using var json = JsonDocument.Parse(stream);
        var all = new List<Industry>();
        var lookup = new Dictionary<string, Industry>(StringComparer.Ordinal);
        foreach (var s in json.RootElement.GetProperty("sections").EnumerateArray())
        {
            var industry = new Industry(s.GetProperty("code").GetString()!, s.GetProperty("name").GetString()!,
                s.GetProperty("commonName").GetString()!);
            all.Add(industry);
            var names = new[] { industry.Name, industry.CommonName }
                .Concat(s.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!) : []);
            foreach (var name in names)
            {
                lookup.TryAdd(TaxonomyText.Fold(name), industry);
            }
        }

        foreach (var p in json.RootElement.GetProperty("postingCategories").EnumerateArray())
        {
            if (p.TryGetProperty("section", out var section) && section.ValueKind == JsonValueKind.String
                && all.FirstOrDefault(i => i.Code == section.GetString()) is { } mapped)
            {
                lookup.TryAdd(TaxonomyText.Fold(p.GetProperty("label").GetString()!), mapped);
            }
        }

        return (all, lookup);
    }
}
