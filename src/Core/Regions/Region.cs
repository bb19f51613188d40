namespace Jobs.Core.Regions;

/// <summary>A group of cities that run one employment service together, such as 南京都市圈.</summary>
public sealed record Region(string Code, string Name, string NameTraditional, bool IsDefault, IReadOnlyList<City> Cities);

/// <summary>A member city with the spellings people use for it and its county-level divisions.</summary>
public sealed record City(
    string Code,
    string RegionCode,
    string Name,
    string FullName,
    string NameTraditional,
    string FullNameTraditional,
    string Pinyin,
    string PinyinSyllables,
    string Province,
    string? Parent,
    double Latitude,
    double Longitude,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<District> Districts)
{
    /// <summary>Great-circle distance in kilometres.</summary>
    public double DistanceKmTo(City other)
    {
        const double earthRadiusKm = 6371.0;
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

public sealed record District(string Name, string NameTraditional, string Pinyin, string PinyinSyllables);
