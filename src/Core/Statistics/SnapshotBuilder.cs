using Jobs.Core.Fairs;
using Jobs.Core.Imports;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Statistics;

/// <summary>
/// Writes the statistics snapshot: every month and quarter from the oldest stored record up to today that has not been written
/// complete yet. On the first run that is the backfill from history; afterwards it is the running month and quarter (to date)
/// and, on the first run after one ends, its final version. A period's rows are replaced as a whole in one transaction, so a
/// second run with the same data writes the same rows.
/// </summary>
/// <remarks>
/// History the tables keep is used as it is: postings by PostedAt/ClosedAt/ExpiresAt, applications by their stage history,
/// fairs by their registrations and check-ins, feeds by their runs. Résumés keep only their creation and last update, so a
/// past period's job seekers are those created or last updated in it; from the first run on, each period is written while it
/// runs and kept, which is what the snapshot is for.
/// </remarks>
public sealed class SnapshotBuilder(JobsDbContext db, CityDirectory cities, TimeProvider clock, IOptions<StatisticsOptions> options,
    ILogger<SnapshotBuilder> logger)
{
    /// <returns>The periods written.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var earliest = await EarliestAsync(cancellationToken);
        if (earliest is null)
        {
            return [];
        }

        var final = (await db.StatPeriodRuns.Where(r => r.Final).Select(r => r.Period).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(earliest.Value, zone));
        var pending = new List<Window>();
        foreach (var quarters in new[] { false, true })
        {
            var p = quarters ? StatPeriod.QuarterOf(first) : StatPeriod.MonthOf(first);
            for (; p.FirstDay <= today; p = p.Shift(1))
            {
                if (!final.Contains(p.Key))
                {
                    pending.Add(new Window(p, ToUtc(p.FirstDay, zone), ToUtc(p.EndDay, zone)));
                }
            }
        }

        if (pending.Count == 0)
        {
            return [];
        }

        var data = await SnapshotData.LoadAsync(db, cities, cancellationToken);
        foreach (var window in pending)
        {
            // A running period is counted up to now: what happens later today belongs to tomorrow's run.
            var cells = new SnapshotCalculator(data, cities, window.Start, window.End < now ? window.End : now).Compute(window.Period.Key);
            await WriteAsync(window, cells, now, cancellationToken);
        }

        logger.LogInformation("Statistics snapshot wrote {Count} periods", pending.Count);
        return pending.Select(w => w.Period.Key).ToList();
    }

    private static DateTime ToUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    private async Task<DateTime?> EarliestAsync(CancellationToken cancellationToken)
    {
        DateTime?[] firsts =
        [
            await db.Postings.MinAsync(p => (DateTime?)p.PostedAt, cancellationToken),
            await db.Resumes.MinAsync(r => (DateTime?)r.CreatedAt, cancellationToken),
            await db.Applications.MinAsync(a => (DateTime?)a.CreatedAt, cancellationToken),
            await db.ImportRuns.MinAsync(r => (DateTime?)r.StartedAt, cancellationToken),
        ];
        return firsts.Where(f => f is not null).Min();
    }

    private async Task WriteAsync(Window window, List<StatCell> cells, DateTime now, CancellationToken cancellationToken)
    {
        var key = window.Period.Key;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.StatCells.Where(c => c.Period == key).ExecuteDeleteAsync(cancellationToken);
            using (var writer = EntityRowWriter<StatCell>.TryCreate(db, readBackKey: false))
            {
                if (writer is not null)
                {
                    writer.Transaction = tx.GetDbTransaction();
                    foreach (var cell in cells)
                    {
                        writer.Insert(cell);
                    }
                }
                else
                {
                    db.StatCells.AddRange(cells);
                }
            }

            var run = await db.StatPeriodRuns.FindAsync([key], cancellationToken);
            if (run is null)
            {
                run = new StatPeriodRun { Period = key };
                db.StatPeriodRuns.Add(run);
            }

            run.Start = window.Start;
            run.End = window.End;
            run.ComputedAt = now;
            run.Final = now >= window.End;
            run.Cells = cells.Count;
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Window(StatPeriod Period, DateTime Start, DateTime End);
}

/// <summary>The light rows the snapshot reads, loaded once per run whatever the number of periods.</summary>
internal sealed class SnapshotData
{
    public required List<PostingRow> Postings { get; init; }
    public required List<ResumeRow> Resumes { get; init; }
    public required List<ApplicationRow> Applications { get; init; }
    public required List<FairRow> Fairs { get; init; }
    public required List<ImportRow> Imports { get; init; }

    public Dictionary<long, PostingRow> PostingById => _postingById ??= Postings.ToDictionary(p => p.Id);

    public Dictionary<long, ResumeRow> ResumeById => _resumeById ??= Resumes.ToDictionary(r => r.Id);

    private Dictionary<long, PostingRow>? _postingById;
    private Dictionary<long, ResumeRow>? _resumeById;

    public static async Task<SnapshotData> LoadAsync(JobsDbContext db, CityDirectory cities, CancellationToken ct)
    {
        var industries = await db.Employers.AsNoTracking().Where(e => e.IndustryCode != null)
            .ToDictionaryAsync(e => e.Id, e => e.IndustryCode!, ct);
        var postings = new List<PostingRow>();
        await foreach (var p in db.Postings.AsNoTracking().Select(p => new
                       {
                           p.Id, p.EmployerId, p.CityCode, p.FunctionCode, p.Education, p.Type, p.Headcount, p.PostedAt, p.ClosedAt, p.ExpiresAt,
                           p.SalaryMin, p.SalaryMax, p.SalaryMonths, p.Holds,
                       }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Held postings (unverified employer, compliance review) were never public demand.
            if (p.Holds != PostingHolds.None)
            {
                continue;
            }

            var monthly = SalaryBuckets.MonthlyEquivalent(p.SalaryMin, p.SalaryMax, p.SalaryMonths);
            var end = p.ClosedAt is { } c && (p.ExpiresAt is not { } e0 || c < e0) ? p.ClosedAt : p.ExpiresAt;
            postings.Add(new PostingRow(p.Id, p.CityCode, p.FunctionCode ?? "", industries.GetValueOrDefault(p.EmployerId, ""), (int)p.Education,
                (int)p.Type, Math.Max(1, p.Headcount), p.PostedAt, end, monthly is { } m ? SalaryBuckets.Of(m) : -1));
        }

        var resumes = new List<ResumeRow>();
        await foreach (var r in db.Resumes.AsNoTracking()
                           .Where(r => r.HiddenReason != ResumeHiddenReason.Erased && r.HiddenReason != ResumeHiddenReason.DeletionRequested)
                           .Select(r => new { r.Id, r.School, r.Degree, r.GraduationYear, r.DesiredTitles, r.PreferredCities, r.ExpectedSalaryMin, r.ExpectedSalaryMax, r.CreatedAt, r.UpdatedAt })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var preferred = r.PreferredCities.Where(c => cities.FindByCode(c) is not null).Distinct(StringComparer.Ordinal).ToArray();
            var function = r.DesiredTitles.Select(t => Taxonomy.JobFunctions.Classify(null, t)?.Code).FirstOrDefault(c => c is not null) ?? "";
            var expected = SalaryBuckets.MonthlyEquivalent(r.ExpectedSalaryMin, r.ExpectedSalaryMax);
            resumes.Add(new ResumeRow(r.Id, SchoolCities.CityOf(r.School), (int)r.Degree, r.GraduationYear, function, preferred,
                expected is { } x ? SalaryBuckets.Of(x) : -1, r.CreatedAt, r.UpdatedAt));
        }

        var changes = (await db.ApplicationStageChanges.AsNoTracking().Where(c => c.FromStage != null)
                .Select(c => new { c.ApplicationId, c.ToStage, c.At }).ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        var applications = await db.Applications.AsNoTracking()
            .Select(a => new { a.Id, a.PostingId, a.ResumeId, a.CreatedAt, a.ViewedAt }).ToListAsync(ct);
        var apps = applications.Select(a =>
        {
            var mine = changes[a.Id];
            DateTime? interview = mine.Where(c => c.ToStage == ApplicationStage.InterviewInvited).Select(c => (DateTime?)c.At).Min();
            DateTime? offer = mine.Where(c => c.ToStage == ApplicationStage.Offered).Select(c => (DateTime?)c.At).Min();
            // The employer's first response: opening it or moving it on; a graduate's withdrawal is not a response.
            var response = mine.Where(c => c.ToStage != ApplicationStage.Withdrawn).Select(c => (DateTime?)c.At).Append(a.ViewedAt).Min();
            return new ApplicationRow(a.PostingId, a.ResumeId, a.CreatedAt, response, interview, offer);
        }).ToList();

        var registrations = (await db.FairRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.FairId, r.CheckedInAt }).ToListAsync(ct)).ToLookup(r => r.FairId);
        var booths = (await db.BoothApplications.AsNoTracking().Where(b => b.Status == BoothStatus.Allocated)
            .Select(b => new { b.FairId, b.EmployerCityCode }).ToListAsync(ct)).ToLookup(b => b.FairId);
        var fairs = (await db.Fairs.AsNoTracking().Where(f => f.PublishedAt != null)
                .Select(f => new { f.Id, f.HostCityCode, f.StartsAt }).ToListAsync(ct))
            .Select(f => new FairRow(f.Id, f.HostCityCode, f.StartsAt, registrations[f.Id].Count(), registrations[f.Id].Count(r => r.CheckedInAt != null),
                booths[f.Id].Count(), booths[f.Id].Count(b => b.EmployerCityCode != f.HostCityCode)))
            .ToList();

        var imports = await db.ImportRuns.AsNoTracking()
            .Select(r => new ImportRow(r.SourceCity, r.StartedAt, r.FinishedAt, r.Status, r.Records, r.Rejected)).ToListAsync(ct);

        return new SnapshotData { Postings = postings, Resumes = resumes, Applications = apps, Fairs = fairs, Imports = imports };
    }
}

/// <param name="End">When it stopped being open (closed or expired, whichever came first); null while open with no expiry.</param>
internal sealed record PostingRow(long Id, string City, string Function, string Industry, int Education, int Type, int Headcount, DateTime PostedAt,
    DateTime? End, int SalaryBucket);

internal sealed record ResumeRow(long Id, string SchoolCity, int Degree, int Cohort, string Function, string[] Preferred, int ExpectedBucket,
    DateTime CreatedAt, DateTime UpdatedAt);

internal sealed record ApplicationRow(long PostingId, long ResumeId, DateTime CreatedAt, DateTime? FirstResponse, DateTime? Interview, DateTime? Offer);

internal sealed record FairRow(long Id, string City, DateTime StartsAt, int Registered, int CheckedIn, int Booths, int OtherCityBooths);

internal sealed record ImportRow(string City, DateTime StartedAt, DateTime? FinishedAt, ImportRunStatus Status, int Records, int Rejected);
