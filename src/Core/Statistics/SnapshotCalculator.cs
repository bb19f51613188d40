using Jobs.Core.Regions;

namespace Jobs.Core.Statistics;

/// <summary>Turns the loaded rows into one period's cells; pure, so a period computed twice from the same rows is the same.</summary>
internal sealed class SnapshotCalculator(SnapshotData data, CityDirectory cities, DateTime start, DateTime end)
{
    private readonly Dictionary<CellKey, Acc> _cells = [];

    public List<StatCell> Compute(string period)
    {
        Postings();
        Seekers();
        Applications();
        Cohorts();
        Fairs();
        Feeds();
        return _cells.OrderBy(c => c.Key.Metric, StringComparer.Ordinal).ThenBy(c => c.Key.Scope, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Target, StringComparer.Ordinal).ThenBy(c => c.Key.Function, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Industry, StringComparer.Ordinal).ThenBy(c => c.Key.Education).ThenBy(c => c.Key.PostingType).ThenBy(c => c.Key.Bucket)
            .Select(c => new StatCell
            {
                Period = period, Metric = c.Key.Metric, Scope = c.Key.Scope, Target = c.Key.Target, Function = c.Key.Function, Industry = c.Key.Industry,
                Education = c.Key.Education, PostingType = c.Key.PostingType, Bucket = c.Key.Bucket, Value = c.Value.Value,
                Seekers = c.Value.Seekers?.Count ?? c.Value.SeekerCount,
            }).ToList();
    }

    private bool In(DateTime t) => t >= start && t < end;

    private void Postings()
    {
        foreach (var p in data.Postings)
        {
            if (p.PostedAt >= end)
            {
                continue;
            }

            var key = new CellKey("", p.City, "", p.Function, p.Industry, p.Education, p.Type, -1);
            if (In(p.PostedAt))
            {
                Add(key with { Metric = StatMetrics.NewPostings }, 1);
                Add(key with { Metric = StatMetrics.NewHeadcount }, p.Headcount);
            }

            if (p.End is null || p.End >= start)
            {
                Add(key with { Metric = StatMetrics.OpenPostings }, 1);
                Add(key with { Metric = StatMetrics.OpenHeadcount }, p.Headcount);
                if (p.SalaryBucket >= 0)
                {
                    Add(key with { Metric = StatMetrics.OfferedSalary, Bucket = p.SalaryBucket }, 1);
                }
            }
        }
    }

    private void Seekers()
    {
        foreach (var r in data.Resumes)
        {
            if (!In(r.CreatedAt) && !In(r.UpdatedAt))
            {
                continue;
            }

            foreach (var scope in ScopesOf(r))
            {
                var key = new CellKey(StatMetrics.Seekers, scope, "", r.Function, "", r.Degree, -1, -1);
                Add(key, 1, r.Id);
                if (r.ExpectedBucket >= 0)
                {
                    Add(key with { Metric = StatMetrics.ExpectedSalary, Bucket = r.ExpectedBucket }, 1, r.Id);
                }

                if (!scope.StartsWith(StatScopes.RegionPrefix, StringComparison.Ordinal))
                {
                    Add(new CellKey(StatMetrics.PreferenceFlow, scope, r.SchoolCity, "", "", r.Degree, -1, -1), 1, r.Id);
                }
            }
        }
    }

    /// <summary>Each preferred city, and each region of those once: a seeker wanting two cities of a region is one seeker there.</summary>
    private IEnumerable<string> ScopesOf(ResumeRow r) =>
        r.Preferred.Concat(r.Preferred.Select(c => StatScopes.Region(cities.GetByCode(c).RegionCode)).Distinct(StringComparer.Ordinal));

    private void Applications()
    {
        var postings = data.PostingById;
        var resumes = data.ResumeById;
        foreach (var a in data.Applications)
        {
            if (!In(a.CreatedAt) || !postings.TryGetValue(a.PostingId, out var p) || !resumes.TryGetValue(a.ResumeId, out var r))
            {
                continue;
            }

            // The funnel is stored at each grain a reader asks for (any = "*" / -2), per city and per region, so every row it shows
            // knows its exact number of distinct job seekers instead of summing cells that may share them.
            var region = cities.FindByCode(p.City)?.RegionCode;
            string[] scopes = region is null ? [p.City] : [p.City, StatScopes.Region(region)];
            foreach (var scope in scopes)
            {
                foreach (var function in new[] { p.Function, StatAny.Function })
                {
                    foreach (var education in new[] { r.Degree, StatAny.Education })
                    {
                        var key = new CellKey(StatMetrics.Applications, scope, "", function, "", education, -1, -1);
                        Add(key, 1, r.Id);
                        if (a.Interview < end)
                        {
                            Add(key with { Metric = StatMetrics.Interviews }, 1, r.Id);
                        }

                        if (a.Offer < end)
                        {
                            Add(key with { Metric = StatMetrics.Offers }, 1, r.Id);
                        }

                        if (a.FirstResponse is { } responded && responded < end)
                        {
                            Add(key with { Metric = StatMetrics.Responded }, 1, r.Id);
                            Add(key with { Metric = StatMetrics.ResponseHours }, (responded - a.CreatedAt).TotalHours, r.Id);
                        }
                    }
                }
            }

            Add(new CellKey(StatMetrics.ApplicationFlow, p.City, r.SchoolCity, "", "", r.Degree, -1, -1), 0, r.Id);
        }

        // A flow cell counts people, not applications: its value is its number of distinct seekers.
        foreach (var (key, acc) in _cells.Where(c => c.Key.Metric == StatMetrics.ApplicationFlow))
        {
            acc.Value = acc.Seekers!.Count;
        }
    }

    private void Cohorts()
    {
        var offered = data.Applications.Where(a => a.Offer < end).Select(a => a.ResumeId).ToHashSet();
        foreach (var r in data.Resumes)
        {
            if (r.CreatedAt >= end || r.Cohort <= 0)
            {
                continue;
            }

            foreach (var scope in ScopesOf(r))
            {
                var key = new CellKey(StatMetrics.CohortSeekers, scope, r.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "", r.Degree, -1, -1);
                Add(key, 1, r.Id);
                if (offered.Contains(r.Id))
                {
                    Add(key with { Metric = StatMetrics.CohortPlaced }, 1, r.Id);
                }
            }
        }
    }

    private void Fairs()
    {
        foreach (var f in data.Fairs.Where(f => In(f.StartsAt)))
        {
            var target = f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var key = new CellKey(StatMetrics.FairRegistrations, f.City, target, "", "", -1, -1, -1);
            // Registrations are people: the count is also the number of seekers the figure rests on.
            Set(key, f.Registered, f.Registered);
            Set(key with { Metric = StatMetrics.FairCheckIns }, f.CheckedIn, f.CheckedIn);
            Set(key with { Metric = StatMetrics.FairBooths }, f.Booths, 0);
            Set(key with { Metric = StatMetrics.FairOtherCityBooths }, f.OtherCityBooths, 0);
        }
    }

    private void Feeds()
    {
        foreach (var run in data.Imports.Where(r => In(r.StartedAt)))
        {
            var key = new CellKey(StatMetrics.FeedRuns, run.City, "", "", "", -1, -1, -1);
            Add(key, 1);
            Add(key with { Metric = StatMetrics.FeedRows }, run.Records);
            Add(key with { Metric = StatMetrics.FeedRejected }, run.Rejected);
            if (run.Status is Imports.ImportRunStatus.Succeeded or Imports.ImportRunStatus.Confirmed && run.FinishedAt is { } done && done < end)
            {
                var last = Get(key with { Metric = StatMetrics.FeedLastSuccess });
                last.Value = Math.Max(last.Value, new DateTimeOffset(DateTime.SpecifyKind(done, DateTimeKind.Utc)).ToUnixTimeSeconds());
            }
        }
    }

    private Acc Get(CellKey key)
    {
        if (!_cells.TryGetValue(key, out var acc))
        {
            acc = new Acc();
            _cells[key] = acc;
        }

        return acc;
    }

    private void Add(CellKey key, double value, long? seeker = null)
    {
        var acc = Get(key);
        acc.Value += value;
        if (seeker is { } s)
        {
            (acc.Seekers ??= []).Add(s);
        }
    }

    private void Set(CellKey key, double value, int seekers)
    {
        var acc = Get(key);
        acc.Value = value;
        acc.SeekerCount = seekers;
    }

    private sealed record CellKey(string Metric, string Scope, string Target, string Function, string Industry, int Education, int PostingType, int Bucket);

    private sealed class Acc
    {
        public double Value;
        public HashSet<long>? Seekers;
        public int SeekerCount;
    }
}
