using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Cities;

public sealed record DistrictResponse(string Name, string NameTraditional, string Pinyin);

public sealed record CityResponse(
    string Code, string Region, string Name, string FullName, string NameTraditional, string Pinyin, string Province,
    string? Parent, double Latitude, double Longitude, IReadOnlyList<DistrictResponse> Districts)
{
    public static CityResponse From(City c) => new(c.Code, c.RegionCode, c.Name, c.FullName, c.NameTraditional, c.Pinyin, c.Province,
        c.Parent, c.Latitude, c.Longitude, c.Districts.Select(d => new DistrictResponse(d.Name, d.NameTraditional, d.Pinyin)).ToArray());
}

public sealed record RegionResponse(string Code, string Name, string NameTraditional, bool IsDefault, IReadOnlyList<string> Cities);

public sealed record CityDistanceResponse(string From, string To, double DistanceKm);

public static class CityEndpoints
{
    public static RouteGroupBuilder MapCityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/regions", (CityDirectory cities) => TypedResults.Ok(cities.Regions
                .Select(r => new RegionResponse(r.Code, r.Name, r.NameTraditional, r.IsDefault, r.Cities.Select(c => c.Code).ToArray())).ToArray()))
            .WithTags("Cities").WithSummary("Configured regions and their member cities");

        var group = app.MapGroup("/api/cities").WithTags("Cities");
        group.MapGet("/", ListCities).WithSummary("Member cities, optionally of one region");
        group.MapGet("/resolve", Resolve).ProducesValidationProblem()
            .WithSummary("Resolve any common spelling of a city (南京市, Nanjing, 馬鞍山, 常州金坛)");
        group.MapGet("/distance", Distance).ProducesValidationProblem()
            .WithSummary("Great-circle distance between two cities in kilometres");
        return group;
    }

    internal static Results<Ok<CityResponse[]>, ValidationProblem> ListCities(string? region, CityDirectory cities)
    {
        if (region is null)
        {
            return TypedResults.Ok(cities.Cities.Select(CityResponse.From).ToArray());
        }

        var r = cities.FindRegion(region);
        return r is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["region"] = [$"未知地区“{region}”。可选：{string.Join("、", cities.Regions.Select(x => x.Code))}"],
            })
            : TypedResults.Ok(r.Cities.Select(CityResponse.From).ToArray());
    }

    internal static Results<Ok<CityResponse>, ValidationProblem> Resolve(string? name, CityDirectory cities)
    {
        var city = cities.Resolve(name);
        return city is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [cities.UnknownCityMessage(name)] })
            : TypedResults.Ok(CityResponse.From(city));
    }

    internal static Results<Ok<CityDistanceResponse>, ValidationProblem> Distance(string? from, string? to, CityDirectory cities)
    {
        var a = cities.Resolve(from);
        var b = cities.Resolve(to);
        var errors = new Dictionary<string, string[]>();
        if (a is null)
        {
            errors["from"] = [cities.UnknownCityMessage(from)];
        }

        if (b is null)
        {
            errors["to"] = [cities.UnknownCityMessage(to)];
        }

        return a is null || b is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(new CityDistanceResponse(a.Code, b.Code, Math.Round(a.DistanceKmTo(b), 1)));
    }
}
