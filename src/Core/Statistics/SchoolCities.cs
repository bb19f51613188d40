using System.Text.Json;

namespace Jobs.Core.Statistics;

/// <summary>
/// The member city a school is in, from the embedded <c>Data/school-cities.json</c>. A résumé names its school as free text;
/// the longest listed name the text contains wins (南京大学金陵学院 before 南京大学). Schools outside the list count as 未知.
/// </summary>
public static class SchoolCities
{
    public const string UnknownLabel = "未知";

    private static readonly Lazy<(string Name, string City)[]> Loaded = new(Load);

    /// <returns>The city code, or "" when the school is not a listed one.</returns>
    public static string CityOf(string? school)
    {
        if (string.IsNullOrWhiteSpace(school))
        {
            return "";
        }

        var text = school.Trim();
        foreach (var (name, city) in Loaded.Value)
        {
            if (text.Contains(name, StringComparison.Ordinal))
            {
                return city;
            }
        }

        return "";
    }

    private static (string, string)[] Load()
    {
        using var stream = typeof(SchoolCities).Assembly.GetManifestResourceStream("Jobs.Core.Data.school-cities.json")
            ?? throw new InvalidOperationException("The embedded school list is missing.");
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.GetProperty("schools").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("city").GetString()!))
            .OrderByDescending(s => s.Item1.Length)
            .ToArray();
    }
}
