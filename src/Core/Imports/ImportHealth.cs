using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Imports;

/// <summary>A source city's newest run (none yet: <c>Last</c> is null).</summary>
public sealed record SourceHealth(string CityCode, string CityName, ImportRun? Last);

/// <summary>Runs waiting for an organiser's decision, and each source's newest run.</summary>
public sealed record ImportHealth(int Held, IReadOnlyList<SourceHealth> Sources);

/// <summary>
/// The import summary on the organiser console: how many held runs wait and how each source's feed last went. Organisers
/// see their own city's source; admins every city that has run at least once.
/// </summary>
public sealed class ImportHealthService(JobsDbContext db, CityDirectory cities)
{
    public async Task<ImportHealth> SummaryAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return new ImportHealth(0, []);
        }

        var runs = db.ImportRuns.AsNoTracking();
        if (!actor.IsAdmin)
        {
            runs = runs.Where(r => r.SourceCity == actor.CityCode);
        }

        var held = await runs.CountAsync(r => r.Status == ImportRunStatus.Held, cancellationToken);
        var lastIds = await runs.GroupBy(r => r.SourceCity).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var last = await db.ImportRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.SourceCity, cancellationToken);
        var shown = actor.IsAdmin ? last.Keys.ToList() : actor.CityCode is { } own ? [own] : [];
        var sources = shown
            .Select(code => new SourceHealth(code, cities.FindByCode(code)?.Name ?? code, last.GetValueOrDefault(code)))
            .OrderBy(s => cities.Cities.ToList().FindIndex(c => c.Code == s.CityCode))
            .ToList();
        return new ImportHealth(held, sources);
    }
}
