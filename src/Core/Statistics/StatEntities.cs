namespace Jobs.Core.Statistics;

/// <summary>
/// One aggregate of one period: a count (or a sum, or one salary bucket) for one combination of dimensions. The snapshot job
/// writes whole periods (a month or a quarter, to date while it runs) and the statistics read nothing else, so figures stay
/// what they were when postings close and résumés change later.
/// </summary>
/// <remarks>
/// Unused dimensions hold their "none" value ("" or -1) so every row of a metric has the same shape and a query sums them.
/// Posting metrics are stored per city and summed into regions at read time; job-seeker metrics are stored per city AND per
/// region (<see cref="StatScopes.Region"/>), because one seeker who wants two cities is one seeker of the region.
/// </remarks>
public sealed class StatCell
{
    public long Id { get; set; }

    /// <summary><c>2026-09</c> or <c>2026Q3</c> (<see cref="StatPeriod.Key"/>).</summary>
    public required string Period { get; set; }

    /// <summary>One of <see cref="StatMetrics"/>.</summary>
    public required string Metric { get; set; }

    /// <summary>A city code, or <c>r:</c> and a region code.</summary>
    public required string Scope { get; set; }

    /// <summary>The other end of a flow (a school city, "" when unknown), a fair id, or a cohort year.</summary>
    public string Target { get; set; } = "";

    public string Function { get; set; } = "";

    public string Industry { get; set; } = "";

    public int Education { get; set; } = -1;

    public int PostingType { get; set; } = -1;

    /// <summary>The salary bucket (<see cref="SalaryBuckets"/>) of a histogram row.</summary>
    public int Bucket { get; set; } = -1;

    public double Value { get; set; }

    /// <summary>How many distinct job seekers the value rests on; 0 for figures about postings, fairs' booths or feeds.</summary>
    public int Seekers { get; set; }
}

/// <summary>A period the job has written, and whether it was complete (computed after its end) so it is never recomputed.</summary>
public sealed class StatPeriodRun
{
    public required string Period { get; set; }

    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    public DateTime ComputedAt { get; set; }

    public bool Final { get; set; }

    public int Cells { get; set; }
}

/// <summary>The "any" values of the funnel's pre-aggregated grains.</summary>
public static class StatAny
{
    public const string Function = "*";
    public const int Education = -2;
}

public static class StatScopes
{
    public const string RegionPrefix = "r:";

    public static string Region(string regionCode) => RegionPrefix + regionCode;
}

/// <summary>The metric codes of <see cref="StatCell.Metric"/>.</summary>
public static class StatMetrics
{
    /// <summary>Postings first published in the period, and their headcount.</summary>
    public const string NewPostings = "p.new";
    public const string NewHeadcount = "p.newhc";

    /// <summary>Postings open at any time in the period (demand), and their headcount.</summary>
    public const string OpenPostings = "p.open";
    public const string OpenHeadcount = "p.openhc";

    /// <summary>Open postings by salary bucket of the monthly equivalent.</summary>
    public const string OfferedSalary = "p.sal";

    /// <summary>Résumés created or updated in the period (active job seekers), per preferred city and region.</summary>
    public const string Seekers = "s.active";

    /// <summary>Active job seekers by bucket of the expected monthly salary.</summary>
    public const string ExpectedSalary = "s.sal";

    /// <summary>Active job seekers by preferred city (scope) and school city (target).</summary>
    public const string PreferenceFlow = "s.flow";

    /// <summary>Applications submitted in the period, by the posting's city; the funnel counts what became of them.</summary>
    public const string Applications = "a.apps";
    public const string Interviews = "a.interviews";
    public const string Offers = "a.offers";
    public const string Responded = "a.responded";

    /// <summary>Sum of hours from submission to the employer's first response, over the responded applications.</summary>
    public const string ResponseHours = "a.resphours";

    /// <summary>Distinct job seekers who applied, by the posting's city (scope) and their school city (target).</summary>
    public const string ApplicationFlow = "a.flow";

    /// <summary>Résumés of a graduation cohort (target) created by the period's end, and those with an offer by then.</summary>
    public const string CohortSeekers = "g.cohort";
    public const string CohortPlaced = "g.placed";

    /// <summary>Per fair (target = fair id) held in the period, in its host city.</summary>
    public const string FairRegistrations = "f.reg";
    public const string FairCheckIns = "f.checkin";
    public const string FairBooths = "f.booths";
    public const string FairOtherCityBooths = "f.otherbooths";

    /// <summary>Per source city: feed runs started in the period, rows read, rows rejected, last successful finish (Unix seconds).</summary>
    public const string FeedRuns = "i.runs";
    public const string FeedRows = "i.rows";
    public const string FeedRejected = "i.rejected";
    public const string FeedLastSuccess = "i.last";
}
