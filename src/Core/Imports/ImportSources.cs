using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Imports;

/// <summary>Queues an import of a configured city feed; the background-jobs project implements it with Hangfire.</summary>
public interface IImportQueue
{
    /// <summary>Queues the city's configured feed for import now; answers the background job's id.</summary>
    string EnqueueCityFeed(string cityCode);
}

/// <summary>A configured city feed with its last run, when the caller may see that city's runs.</summary>
public sealed record ImportSourceStatus(ImportSourceOptions Source, string CityName, ImportRun? LastRun);

/// <summary>A source city's newest run (none yet: <c>Last</c> is null).</summary>
public sealed record SourceHealth(string CityCode, string CityName, ImportRun? Last);

/// <summary>Runs waiting for an organiser's decision, and each source's newest run.</summary>
public sealed record ImportHealth(int Held, IReadOnlyList<SourceHealth> Sources);

/// <summary>A queued "run now" of a city feed.</summary>
public sealed record ImportTriggered(string CityCode, string JobId);

/// <summary>
/// The configured city feeds as staff see them, and "run now": the rules the API and the console pages share.
/// </summary>
public sealed class ImportSources(JobsDbContext db, ImportService imports, CityDirectory cities, IOptions<ImportOptions> options, IImportQueue queue)
{
    /// <summary>A newer run of a source supersedes its held run, so more than a few at once means many sources at once.</summary>
    public const int HeldShown = 50;

    public async Task<ServiceResult<IReadOnlyList<ImportSourceStatus>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return ServiceResult<IReadOnlyList<ImportSourceStatus>>.Forbidden("只有组织方或管理员可以查看数据源");
        }

        var list = new List<ImportSourceStatus>();
        foreach (var s in options.Value.Sources)
        {
            // Another city's last run stays hidden: its id would lead to a report this caller may not read.
            var last = actor.ActsForCity(s.CityCode)
                ? (await imports.ListRunsAsync(Actor.System, s.CityCode, new PageRequest(1, 1), cancellationToken)).Value?.Items.FirstOrDefault()
                : null;
            list.Add(new ImportSourceStatus(s, cities.FindByCode(s.CityCode)?.Name ?? s.CityCode, last));
        }

        return ServiceResult<IReadOnlyList<ImportSourceStatus>>.Ok(list);
    }

    /// <summary>Held runs waiting for a decision, newest first: the caller's city for an organiser, every city for an admin.</summary>
    public async Task<IReadOnlyList<ImportRun>> ListHeldAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return [];
        }

        var held = db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportRunStatus.Held);
        if (!actor.IsAdmin)
        {
            held = held.Where(r => r.SourceCity == actor.CityCode);
        }

        return await held.OrderByDescending(r => r.Id).Take(HeldShown).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The console's import summary: how many held runs wait and how each source's feed last went. Organisers see their
    /// own city's source; admins every city that has run at least once.
    /// </summary>
    public async Task<ImportHealth> HealthAsync(Actor actor, CancellationToken cancellationToken)
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

    public ServiceResult<ImportTriggered> RunNow(Actor actor, string? city)
    {
        if (cities.Resolve(city) is not { } resolved || options.Value.FindSource(resolved.Code) is null)
        {
            return ServiceResult<ImportTriggered>.NotFound($"“{city}”没有配置数据源");
        }

        if (!actor.ActsForCity(resolved.Code))
        {
            return ServiceResult<ImportTriggered>.Forbidden("只有该城市的组织方或管理员可以触发导入");
        }

        return ServiceResult<ImportTriggered>.Ok(new ImportTriggered(resolved.Code, queue.EnqueueCityFeed(resolved.Code)));
    }
}
