using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jobs.Core.Regions;

/// <summary>
/// All configured regions and their cities, resolving a city from any common spelling:
/// 南京 / 南京市 / Nanjing / nanjing; 馬鞍山 / 马鞍山市; 金坛 / 金坛区 / 常州金坛.
/// </summary>
public sealed class CityDirectory
{
    private readonly FrozenDictionary<string, City> _byKey;
    private readonly FrozenDictionary<string, City> _byCode;

    public CityDirectory(IReadOnlyList<Region> regions)
    {
        if (regions.Count == 0)
        {
            throw new ArgumentException("At least one region must be configured.", nameof(regions));
        }

        Regions = regions;
        Cities = regions.SelectMany(r => r.Cities).ToArray();
        DefaultRegion = regions.FirstOrDefault(r => r.IsDefault) ?? regions[0];
        _byCode = Cities.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

        var keys = new Dictionary<string, City>(StringComparer.Ordinal);
        foreach (var city in Cities)
        {
            foreach (var spelling in SpellingsOf(city))
            {
                var key = Normalize(spelling);
                if (key.Length == 0)
                {
                    continue;
                }

                if (keys.TryGetValue(key, out var existing) && existing.Code != city.Code)
                {
                    throw new InvalidOperationException($"City spelling '{spelling}' is claimed by both {existing.Code} and {city.Code}.");
                }

                keys[key] = city;
            }
        }

        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
        ValidNamesText = string.Join("、", Cities.Select(c => c.Name));
    }

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<City> Cities { get; }

    public Region DefaultRegion { get; }

    /// <summary>The member cities' short names joined for error messages: 南京、镇江、…</summary>
    public string ValidNamesText { get; }

    public City? FindByCode(string? code) => code is not null && _byCode.TryGetValue(code, out var c) ? c : null;

    public City GetByCode(string code) => FindByCode(code) ?? throw new KeyNotFoundException($"No city with code '{code}'.");

    public Region? FindRegion(string? code) => Regions.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Resolves any common spelling; null when the text names no configured city.</summary>
    public City? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = Normalize(text);
        if (_byKey.TryGetValue(key, out var city))
        {
            return city;
        }

        // "南京市区", "nanjing shi": drop one administrative suffix and try again.
        foreach (var suffix in AdministrativeSuffixes)
        {
            if (key.Length > suffix.Length + 1 && key.EndsWith(suffix, StringComparison.Ordinal)
                && _byKey.TryGetValue(key[..^suffix.Length], out city))
            {
                return city;
            }
        }

        return null;
    }

    /// <summary>The message for a spelling that resolves to nothing, listing the valid cities.</summary>
    public string UnknownCityMessage(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? $"请填写城市。可选城市：{ValidNamesText}"
            : $"未知城市“{Truncate(text.Trim(), 40)}”。可选城市：{ValidNamesText}";

    /// <summary>Finds a district of the city by any of its spellings (鼓楼 / 鼓楼区 / Gulou), or null.</summary>
    public static District? FindDistrict(City city, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = Normalize(text);
        foreach (var d in city.Districts)
        {
            if (key == Normalize(d.Name) || key == Normalize(d.NameTraditional) || key == Normalize(d.Pinyin)
                || key == Normalize(d.PinyinSyllables) || key == Normalize(StripSuffix(d.Name)) || key == Normalize(StripSuffix(d.NameTraditional)))
            {
                return d;
            }
        }

        return null;
    }

    public static CityDirectory LoadEmbedded()
    {
        using var stream = typeof(CityDirectory).Assembly.GetManifestResourceStream("Jobs.Core.Data.regions.json")
            ?? throw new InvalidOperationException("The embedded regions file is missing.");
        return Load(stream);
    }

    public static CityDirectory LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static CityDirectory Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<RegionsFile>(json, FileJson)
            ?? throw new InvalidOperationException("The regions file is empty.");
        var regions = file.Regions.Select(r => new Region(
            r.Code, r.Name, r.NameTraditional ?? r.Name, r.IsDefault,
            r.Cities.Select(c => new City(
                c.Code, r.Code, c.Name, c.FullName, c.NameTraditional ?? c.Name, c.FullNameTraditional ?? c.FullName,
                c.Pinyin, c.PinyinSyllables, c.Province, c.Parent, c.Latitude, c.Longitude,
                c.Aliases ?? [],
                (c.Districts ?? []).Select(d => new District(d.Name, d.NameTraditional ?? d.Name, d.Pinyin, d.PinyinSyllables)).ToArray()))
            .ToArray())).ToArray();
        return new CityDirectory(regions);
    }

    private static readonly string[] AdministrativeSuffixes = ["市区", "市", "区", "區", "县", "縣", "shi", "qu", "city"];

    private static IEnumerable<string> SpellingsOf(City city)
    {
        yield return city.Code;
        yield return city.Name;
        yield return city.FullName;
        yield return city.NameTraditional;
        yield return city.FullNameTraditional;
        yield return city.Pinyin;
        yield return city.PinyinSyllables;
        yield return city.Name + "市";
        yield return city.NameTraditional + "市";
        foreach (var alias in city.Aliases)
        {
            yield return alias;
        }
    }

    private static string StripSuffix(string name) =>
        name.Length > 2 && "区區县縣市镇鎮".Contains(name[^1], StringComparison.Ordinal) ? name[..^1]
        : name.Length > 3 && (name.EndsWith("街道", StringComparison.Ordinal)) ? name[..^2]
        : name;

    /// <summary>Width-folded, lower-case, without spaces, apostrophes or hyphens: "Ma'anshan" and "MA ANSHAN" meet.</summary>
    internal static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || ch is '\'' or '’' or '-' or '·' or '.')
            {
                continue;
            }

            sb.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record RegionsFile([property: JsonRequired] List<RegionEntry> Regions);

    private sealed record RegionEntry(
        [property: JsonRequired] string Code,
        [property: JsonRequired] string Name,
        string? NameTraditional,
        bool IsDefault,
        [property: JsonRequired] List<CityEntry> Cities);

    private sealed record CityEntry(
        [property: JsonRequired] string Code,
        [property: JsonRequired] string Name,
        [property: JsonRequired] string FullName,
        string? NameTraditional,
        string? FullNameTraditional,
        [property: JsonRequired] string Pinyin,
        [property: JsonRequired] string PinyinSyllables,
        [property: JsonRequired] string Province,
        string? Parent,
        double Latitude,
        double Longitude,
        List<string>? Aliases,
        List<DistrictEntry>? Districts);

    private sealed record DistrictEntry(
        [property: JsonRequired] string Name,
        string? NameTraditional,
        [property: JsonRequired] string Pinyin,
        [property: JsonRequired] string PinyinSyllables);
}
