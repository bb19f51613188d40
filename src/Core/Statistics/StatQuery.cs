using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Core.Statistics;

/// <summary>Where a figure is about: the circle (the default region), another region, or one city.</summary>
public sealed record StatScope(string Code, string Label, bool IsCity, IReadOnlyList<string> Cities)
{
    /// <summary>The scope job-seeker rows are stored under: the city, or <c>r:</c> and the region.</summary>
    public string SeekerScope => IsCity ? Code : StatScopes.Region(Code);

    public static StatScope Circle(CityDirectory cities) => Of(cities.DefaultRegion);

    public static StatScope Of(Region region) => new(region.Code, region.Name, false, region.Cities.Select(c => c.Code).ToArray());

    public static StatScope Of(City city) => new(city.Code, city.Name, true, [city.Code]);
}

/// <summary>
/// What a reader asks for. Function and education filter both demand and job seekers (a seeker's function is the one their
/// first desired title names); industry and posting type describe postings only, so they filter demand and leave seekers whole.
/// </summary>
public sealed record StatQuery(
    StatPeriod Period,
    StatScope Scope,
    string? Function = null,
    string? Industry = null,
    EducationLevel? Education = null,
    PostingType? Type = null)
{
    public StatQuery At(StatPeriod period) => this with { Period = period };

    public StatQuery In(StatScope scope) => this with { Scope = scope };

    public bool HasDetailFilters => Function is not null || Industry is not null || Education is not null || Type is not null;
}

public sealed record SalaryRange(Shown P25, Shown Median, Shown P75);

/// <summary>The headline of a period and scope: demand, supply, their ratio and pay.</summary>
public sealed record SupplyDemand(
    StatQuery Query,
    double NewPostings,
    double NewHeadcount,
    double OpenPostings,
    double OpenHeadcount,
    Shown Seekers,
    Shown Ratio,
    SalaryRange Offered,
    SalaryRange Expected);

public sealed record RatioRow(string Key, string Label, double Headcount, Shown Seekers, Shown Ratio);

/// <summary>A grid of figures; <see cref="Cells"/> is [row][column].</summary>
public sealed record StatMatrix(IReadOnlyList<StatLabel> Rows, IReadOnlyList<StatLabel> Columns, IReadOnlyList<IReadOnlyList<Shown>> Cells);

public sealed record StatLabel(string Key, string Label);

public sealed record FunnelRow(string Key, string Label, Shown Applications, Shown Interviews, Shown Offers, Shown ResponseDays);

public sealed record CohortRow(int Cohort, Shown Seekers, Shown Placed, Shown PlacedShare);

public sealed record FairStat(long FairId, string Title, string City, string? Season, double Booths, double OtherCityBooths, Shown Registrations,
    Shown CheckIns)
{
    public double? OtherCityShare => Booths > 0 ? OtherCityBooths / Booths : null;
}

public sealed record FeedStat(string City, string Label, double Runs, double Rows, double Rejected, DateTime? LastSuccess)
{
    public double? RejectionRate => Rows > 0 ? Rejected / Rows : null;
}

public sealed record TrendPoint(StatPeriod Period, double OpenHeadcount, Shown Seekers, Shown Ratio);

public enum StatDimension
{
    City,
    Function,
    Education,
}

public enum FlowKind
{
    /// <summary>Active job seekers: school city → preferred city.</summary>
    Preference,

    /// <summary>Job seekers who applied: school city → the posting's city.</summary>
    Applications,
}
