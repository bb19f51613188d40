using Jobs.Core.ChangeLog;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings;
using Jobs.Core.Postings.Compliance;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Imports;

/// <summary>
/// A feed file to import for a source city, however it arrived (upload, schedule, command line). <see cref="OwnCityOnly"/>
/// limits the rows to the source city even for an admin actor (a configured city feed); organisers are always limited.
/// </summary>
public sealed record ImportRequest(
    string City,
    Stream Content,
    string? FileName,
    FeedReadOptions ReadOptions,
    ImportTrigger Trigger,
    IProgress<ImportProgress>? Progress = null,
    bool OwnCityOnly = false);

/// <summary>How far a run's store phase is: rows written of rows to write (inserts and updates), reported every few thousand.</summary>
public sealed record ImportProgress(string Phase, int Done, int Total);

/// <summary>
/// Applies a city's feed snapshot to the system of record: inserts new rows, updates changed ones, closes postings the
/// source no longer lists and leaves the rest alone. The upload endpoint, the scheduled job and the command line all
/// call this. Each run holds the source's distributed lease, and all its changes commit in one transaction.
/// </summary>
public sealed class ImportService(
    JobsDbContext db,
    CityDirectory cities,
    DataPaths paths,
    IDistributedLockProvider locks,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    IEnumerable<IPostingChangeObserver> observers,
    ILogger<ImportService> logger,
    Postings.Compliance.CompliancePolicy compliance)
{
    private const int QueryChunk = 500;
    private const int SaveChunk = 500;
    private const int ProblemsKept = 100_000;
    private const int ProgressStep = 5000;

    private readonly ImportOptions _options = options.Value;

    public static string LockName(string cityCode) => "import:" + cityCode;

    public async Task<ServiceResult<ImportRun>> RunAsync(Actor actor, ImportRequest request, CancellationToken cancellationToken)
    {
        if (cities.Resolve(request.City) is not { } city)
        {
            return ServiceResult<ImportRun>.Invalid(ValidationErrors.Single("city", cities.UnknownCityMessage(request.City)));
        }

        if (!actor.ActsForCity(city.Code))
        {
            return ServiceResult<ImportRun>.Forbidden("只有该城市的组织方或管理员可以导入该城市的数据源");
        }

        await using var lease = await locks.TryAcquireAsync(LockName(city.Code), LeaseLength, cancellationToken);
        if (lease is null)
        {
            return ServiceResult<ImportRun>.Conflict($"{city.Name}的数据源正在导入，请稍后再试");
        }

        await AbandonStaleRunsAsync(city.Code, cancellationToken);
        // An organiser speaks for its own city only; so does a city feed configured to (the default).
        var ownCityOnly = request.OwnCityOnly || !actor.IsAdmin;
        var run = await StartRunAsync(city.Code, request.Trigger, request.FileName, actor.UserId, null, ownCityOnly, cancellationToken);
        var spool = SpoolPath(run.Id);
        try
        {
            var size = await SpoolAsync(request.Content, spool, cancellationToken);
            run.FileBytes = size ?? 0;
            if (size is null)
            {
                await FailAsync(run, $"文件超过 {_options.MaxFileMegabytes} MB 上限", null, cancellationToken);
                return ServiceResult<ImportRun>.Ok(run);
            }

            return ServiceResult<ImportRun>.Ok(await ImportSpooledAsync(run, lease, spool, request.ReadOptions, allowMassClose: false, request.Progress,
                cancellationToken));
        }
        finally
        {
            if (run.Status != ImportRunStatus.Held)
            {
                TryDelete(spool);
            }
        }
    }

    /// <summary>Records a scheduled run whose feed could not be fetched (missing file, HTTP error), so staff see it in the run list.</summary>
    public async Task<ImportRun> RecordFetchFailureAsync(string cityCode, ImportTrigger trigger, string location, string reason,
        CancellationToken cancellationToken)
    {
        var run = await StartRunAsync(cityCode, trigger, location, null, null, ownCityOnly: false, cancellationToken);
        await FailAsync(run, reason, null, cancellationToken);
        return run;
    }

    /// <summary>Applies a held run's file as a new run that may close many postings, and marks the held run confirmed.</summary>
    public async Task<ServiceResult<ImportRun>> ConfirmAsync(Actor actor, long heldRunId, CancellationToken cancellationToken)
    {
        var held = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == heldRunId, cancellationToken);
        if (held is null || !actor.ActsForCity(held.SourceCity))
        {
            // Another city's run answers as a missing one: run ids must not tell who imports what.
            return ServiceResult<ImportRun>.NotFound($"导入记录 {heldRunId} 不存在");
        }

        if (held.Status != ImportRunStatus.Held)
        {
            return ServiceResult<ImportRun>.Conflict($"导入记录 {heldRunId} 的状态为 {ImportRunLabels.Status(held.Status)}，只有待确认的导入可以确认");
        }

        await using var lease = await locks.TryAcquireAsync(LockName(held.SourceCity), LeaseLength, cancellationToken);
        if (lease is null)
        {
            return ServiceResult<ImportRun>.Conflict("该数据源正在导入，请稍后再试");
        }

        // The status may have changed while we waited for the lease (another confirmation, a newer run).
        await db.Entry(held).ReloadAsync(cancellationToken);
        if (held.Status != ImportRunStatus.Held)
        {
            return ServiceResult<ImportRun>.Conflict($"导入记录 {heldRunId} 已不是待确认状态（{ImportRunLabels.Status(held.Status)}）");
        }

        var spool = SpoolPath(held.Id);
        if (!File.Exists(spool))
        {
            held.Status = ImportRunStatus.Discarded;
            held.Message = "待确认的文件已不存在，请重新导入";
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult<ImportRun>.Conflict(held.Message);
        }

        await AbandonStaleRunsAsync(held.SourceCity, cancellationToken);
        // The stricter of the two applies: an admin confirming an organiser's file does not lift the organiser's limit.
        var run = await StartRunAsync(held.SourceCity, ImportTrigger.Confirmation, held.FileName, actor.UserId, held.Id,
            held.OwnCityOnly || !actor.IsAdmin, cancellationToken);
        var readOptions = FeedReadOptions.FromSettings(held.Format, held.Encoding);
        run.FileBytes = held.FileBytes;
        run = await ImportSpooledAsync(run, lease, spool, readOptions, allowMassClose: true, progress: null, cancellationToken);
        if (run.Status == ImportRunStatus.Succeeded)
        {
            TryDelete(spool);
        }

        return ServiceResult<ImportRun>.Ok(run);
    }

    public async Task<ServiceResult<ImportRun>> DiscardAsync(Actor actor, long heldRunId, CancellationToken cancellationToken)
    {
        var held = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == heldRunId, cancellationToken);
        if (held is null || !actor.ActsForCity(held.SourceCity))
        {
            return ServiceResult<ImportRun>.NotFound($"导入记录 {heldRunId} 不存在");
        }

        if (held.Status != ImportRunStatus.Held)
        {
            return ServiceResult<ImportRun>.Conflict($"导入记录 {heldRunId} 的状态为 {ImportRunLabels.Status(held.Status)}，只有待确认的导入可以放弃");
        }

        held.Status = ImportRunStatus.Discarded;
        held.DecidedBy = actor.UserId;
        held.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        TryDelete(SpoolPath(held.Id));
        return ServiceResult<ImportRun>.Ok(held);
    }

    public async Task<ServiceResult<ImportRun>> GetRunAsync(Actor actor, long runId, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        // Another city's run answers as a missing one, here and on every route under the run: ids must not leak.
        return run is not null && actor.ActsForCity(run.SourceCity)
            ? ServiceResult<ImportRun>.Ok(run)
            : ServiceResult<ImportRun>.NotFound($"导入记录 {runId} 不存在");
    }

    /// <summary>A source's runs, newest first.</summary>
    public async Task<ServiceResult<PagedResult<ImportRun>>> ListRunsAsync(Actor actor, string? cityText, PageRequest page, CancellationToken cancellationToken)
    {
        string? cityCode = null;
        if (!string.IsNullOrWhiteSpace(cityText))
        {
            if (cities.Resolve(cityText) is not { } city)
            {
                return ServiceResult<PagedResult<ImportRun>>.Invalid(ValidationErrors.Single("city", cities.UnknownCityMessage(cityText)));
            }

            cityCode = city.Code;
        }
        else if (actor.IsOrganiser)
        {
            cityCode = actor.CityCode;
        }

        if (cityCode is not null && !actor.ActsForCity(cityCode) || cityCode is null && !actor.IsAdmin)
        {
            return ServiceResult<PagedResult<ImportRun>>.Forbidden("只有该城市的组织方或管理员可以查看该城市的导入记录");
        }

        var runs = db.ImportRuns.AsNoTracking();
        if (cityCode is not null)
        {
            runs = runs.Where(r => r.SourceCity == cityCode);
        }

        var total = await runs.CountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return ServiceResult<PagedResult<ImportRun>>.Ok(new PagedResult<ImportRun>(total, page.Page, page.PageSize, items));
    }

    /// <summary>A run's rejections or warnings in file order; the caller has already been allowed to read the run.</summary>
    public async Task<PagedResult<ImportProblem>> ListProblemsAsync(long runId, ImportProblemKind kind, PageRequest page, CancellationToken cancellationToken)
    {
        var problems = db.ImportProblems.AsNoTracking().Where(p => p.RunId == runId && p.Kind == kind);
        var total = await problems.CountAsync(cancellationToken);
        var items = await problems.OrderBy(p => p.Line).ThenBy(p => p.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ImportProblem>(total, page.Page, page.PageSize, items);
    }

    /// <summary>The feeds that list a posting, for showing a merged posting's sources.</summary>
    public async Task<IReadOnlyList<PostingSource>> SourcesOfAsync(long postingId, CancellationToken cancellationToken) =>
        await db.PostingSources.AsNoTracking().Where(s => s.PostingId == postingId).OrderBy(s => s.SourceCity).ToListAsync(cancellationToken);

    private TimeSpan LeaseLength => TimeSpan.FromSeconds(_options.LockLeaseSeconds);

    private string SpoolPath(long runId)
    {
        var folder = Path.Combine(paths.DataDirectory, _options.Folder);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, SpoolFileName(runId));
    }

    /// <summary>The name of a run's file in the import folder, while it is imported or held for a decision.</summary>
    public static string SpoolFileName(long runId) => $"run-{runId}.feed";

    /// <summary>We hold the source's lease, so any run of it still marked running belongs to a process that died.</summary>
    private async Task AbandonStaleRunsAsync(string cityCode, CancellationToken cancellationToken)
    {
        var stale = await db.ImportRuns.Where(r => r.SourceCity == cityCode && r.Status == ImportRunStatus.Running).ToListAsync(cancellationToken);
        foreach (var run in stale)
        {
            run.Status = ImportRunStatus.Abandoned;
            run.FinishedAt ??= clock.GetUtcNow().UtcDateTime;
            run.Message = "导入进程在完成前中断，本次导入未改动任何数据；之后的导入会完成它";
            TryDelete(SpoolPath(run.Id));
        }

        if (stale.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Import source {City}: marked {Count} interrupted runs abandoned", cityCode, stale.Count);
        }
    }

    private async Task<ImportRun> StartRunAsync(string cityCode, ImportTrigger trigger, string? fileName, long? requestedBy, long? confirms,
        bool ownCityOnly, CancellationToken cancellationToken)
    {
        var run = new ImportRun
        {
            SourceCity = cityCode,
            OwnCityOnly = ownCityOnly,
            Trigger = trigger,
            Status = ImportRunStatus.Running,
            FileName = ClipFileName(fileName),
            StartedAt = clock.GetUtcNow().UtcDateTime,
            RequestedBy = requestedBy,
            ConfirmsRunId = confirms,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Copies the content to the run's file; null when it exceeds the size limit (the partial file is removed).</summary>
    private async Task<long?> SpoolAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var limit = _options.MaxFileBytes;
        var buffer = new byte[81920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (total > limit)
        {
            TryDelete(path);
            return null;
        }

        return total;
    }

    private async Task FailAsync(ImportRun run, string reason, int? line, CancellationToken cancellationToken)
    {
        run.Status = ImportRunStatus.Failed;
        run.FileError = reason;
        run.FileErrorLine = line;
        Finish(run);
        db.ImportRuns.Update(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Finish(ImportRun run)
    {
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.DurationMs = (long)(run.FinishedAt.Value - run.StartedAt).TotalMilliseconds;
    }

    private async Task<ImportRun> ImportSpooledAsync(ImportRun run, IDistributedLockHandle lease, string spool, FeedReadOptions readOptions,
        bool allowMassClose, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var parsed = new FeedParser(cities, clock, compliance).ParseFile(spool, readOptions, cancellationToken);
        run.Format = parsed.Format switch { FeedFormat.Csv => "csv", FeedFormat.JsonLines => "jsonl", _ => null };
        run.Encoding = parsed.Encoding switch { FeedTextEncoding.Utf8 => "utf-8", FeedTextEncoding.Gb18030 => "gb18030", _ => null };
        if (parsed.FileError is { } fileError)
        {
            await FailAsync(run, fileError, parsed.FileErrorLine, cancellationToken);
            return run;
        }

        run.Records = parsed.RecordCount;
        run.Warnings = parsed.Warnings.Count;
        var parseMs = watch.ElapsedMilliseconds;

        using var keys = new DuplicateKeys();
        var plan = await PlanAsync(run.SourceCity, run.OwnCityOnly, parsed, keys, cancellationToken);
        run.Rejected = parsed.Rejections.Select(r => r.Line).Concat(plan.Refusals.Select(r => r.Line)).Distinct().Count();
        if (plan.KeptOtherCity > 0)
        {
            run.Message = $"快照中没有列出的 {plan.KeptOtherCity} 个其他城市的职位未关闭：本次导入只能关闭本市（{CityName(run.SourceCity)}）的职位";
        }

        run.OpenBefore = plan.OpenBefore;
        run.Added = plan.Inserts.Count + plan.Merges.Count;
        run.Merged = plan.Merges.Count;
        run.Updated = plan.Updates.Count;
        run.Closed = plan.ClosingPostings.Count;
        run.Unchanged = plan.Unchanged;
        var planMs = watch.ElapsedMilliseconds - parseMs;

        if (!allowMassClose && plan.ClosingPostings.Count > 0 && plan.ClosingPostings.Count > _options.MassCloseShare * plan.OpenBefore)
        {
            run.Status = ImportRunStatus.Held;
            var hold = $"本次快照将关闭该数据源 {plan.OpenBefore} 个在招职位中的 {plan.ClosingPostings.Count} 个（超过 {_options.MassCloseShare:P0}），"
                       + "已暂停，等待组织方确认后再应用；数据未作任何改动";
            run.Message = run.Message is null ? hold : run.Message + "；" + hold;
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            WriteProblems(run.Id, parsed, plan.Refusals, tx.GetDbTransaction());
            Finish(run);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            logger.LogWarning("Import run {Run} of {City} held: would close {Closing} of {Open} open postings", run.Id, run.SourceCity,
                plan.ClosingPostings.Count, plan.OpenBefore);
            return run;
        }

        if (!await lease.RenewAsync(cancellationToken))
        {
            // Another process may have taken the source since our lease ran out; applying now could interleave with it.
            await FailAsync(run, "导入租约已过期（处理时间过长），本次导入未改动任何数据，请重试", null, cancellationToken);
            return run;
        }

        // Renewed once, before the transaction and not inside it: on the database lease store a renewal is a write on
        // another connection, which would wait on this transaction's own write lock.
        var changed = await ApplyAsync(run, parsed, plan, keys, progress, cancellationToken);

        var applyMs = watch.ElapsedMilliseconds - parseMs - planMs;

        // The index follows the committed data; should this process die first, the index replays recent changes on start.
        foreach (var observer in observers)
        {
            await observer.PostingsChangedAsync(changed, cancellationToken);
        }

        logger.LogInformation(
            "Import run {Run} of {City}: {Records} records, {Added} added ({Merged} merged), {Updated} updated, {Closed} closed, {Unchanged} unchanged, "
            + "{Rejected} rejected; parse {Parse} ms, plan {Plan} ms, store {Apply} ms, index {Index} ms",
            run.Id, run.SourceCity, run.Records, run.Added, run.Merged, run.Updated, run.Closed, run.Unchanged, run.Rejected,
            parseMs, planMs, applyMs, watch.ElapsedMilliseconds - parseMs - planMs - applyMs);
        return run;
    }

    private sealed record ExistingLink(PostingSource Link, PostingStatus PostingStatus, string PostingCity);

    private sealed record RowChange(FeedPostingRow Row, string Hash, string DuplicateKey, string EmployerIdentity);

    private sealed class ImportPlan
    {
        public int OpenBefore { get; set; }

        public int Unchanged { get; set; }

        public List<RowChange> Inserts { get; } = [];

        /// <summary>New rows that join a posting another source already lists: the posting id to link to.</summary>
        public List<(RowChange Change, long PostingId)> Merges { get; } = [];

        /// <summary>Changed rows and rows listed again after being dropped (the posting reopens).</summary>
        public List<(RowChange Change, PostingSource Link)> Updates { get; } = [];

        /// <summary>Links this source drops: absent from the snapshot or listed as closed.</summary>
        public List<PostingSource> Deactivations { get; } = [];

        /// <summary>Open postings that no active source will list after the run.</summary>
        public HashSet<long> ClosingPostings { get; } = [];

        /// <summary>Rows refused because an organiser's run may not create or change postings of another city.</summary>
        public List<FeedRejection> Refusals { get; } = [];

        /// <summary>Links to other cities' postings an organiser's snapshot left out: kept active, since it may not close them.</summary>
        public int KeptOtherCity { get; set; }
    }

    private async Task<ImportPlan> PlanAsync(string sourceCity, bool ownCityOnly, FeedParseResult parsed, DuplicateKeys keys,
        CancellationToken cancellationToken)
    {
        var plan = new ImportPlan();
        var existing = await (from s in db.PostingSources.AsNoTracking()
                              where s.SourceCity == sourceCity
                              join p in db.Postings.AsNoTracking() on s.PostingId equals p.Id
                              select new ExistingLink(s, p.Status, p.CityCode)).ToDictionaryAsync(x => x.Link.ExternalId, StringComparer.Ordinal, cancellationToken);
        // The mass-close share is of what this run may close: for an organiser's run, its own city's postings.
        plan.OpenBefore = existing.Values.Where(x => x.Link.Active && x.PostingStatus == PostingStatus.Open && (!ownCityOnly || x.PostingCity == sourceCity))
            .Select(x => x.Link.PostingId).Distinct().Count();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var newRows = new List<RowChange>();
        foreach (var row in parsed.Rows)
        {
            seen.Add(row.ExternalId);
            var change = Describe(row, keys);
            existing.TryGetValue(row.ExternalId, out var known);
            if (ownCityOnly && OtherCityRefusal(change, known, sourceCity) is { } reason)
            {
                // Seen, so its posting is left as it is, like a row the parser rejected.
                plan.Refusals.Add(new FeedRejection(row.Line, row.ExternalId, FeedField.City.Name(), reason));
                continue;
            }

            if (known is null)
            {
                if (row.Closed)
                {
                    // Closed and never seen: nothing to keep.
                    plan.Unchanged++;
                }
                else
                {
                    newRows.Add(change);
                }

                continue;
            }

            var link = known.Link;
            if (row.Closed)
            {
                if (link.Active)
                {
                    plan.Deactivations.Add(link);
                }
                else
                {
                    plan.Unchanged++;
                }

                continue;
            }

            if (link.Active && link.ContentHash == change.Hash)
            {
                // A posting its employer closed by hand stays closed while the feed still lists it unchanged.
                plan.Unchanged++;
            }
            else
            {
                plan.Updates.Add((change, link));
            }
        }

        // A rejected row is still in the snapshot: closing its posting for a typo would lose it, so it is left alone.
        foreach (var rejection in parsed.Rejections)
        {
            if (rejection.ExternalId is { } id)
            {
                seen.Add(id);
            }
        }

        foreach (var (externalId, known) in existing)
        {
            if (known.Link.Active && !seen.Contains(externalId))
            {
                if (ownCityOnly && known.PostingCity != sourceCity)
                {
                    plan.KeptOtherCity++;
                    continue;
                }

                plan.Deactivations.Add(known.Link);
            }
        }

        await MatchOtherSourcesAsync(sourceCity, newRows, plan, cancellationToken);
        await FindClosingPostingsAsync(sourceCity, plan, existing, cancellationToken);
        return plan;
    }

    /// <summary>
    /// Why an organiser's row may not be applied, or null: it would create or move a posting outside the source city, or
    /// change or close a posting of another city. A row that changes nothing is let through.
    /// </summary>
    private string? OtherCityRefusal(RowChange change, ExistingLink? known, string ownCity)
    {
        var row = change.Row;
        if (known is null)
        {
            // A closed row never seen changes nothing.
            return row.Closed || row.CityCode == ownCity ? null : OnlyOwnCity(row, ownCity);
        }

        if (known.PostingCity != ownCity)
        {
            var unchanged = row.Closed ? !known.Link.Active : known.Link.Active && known.Link.ContentHash == change.Hash;
            if (unchanged)
            {
                return null;
            }

            return row.Closed
                ? $"该职位属于{CityName(known.PostingCity)}，组织方不能关闭其他城市的职位"
                : $"该职位属于{CityName(known.PostingCity)}，组织方只能修改本市（{CityName(ownCity)}）的职位";
        }

        return row.Closed || row.CityCode == ownCity ? null : OnlyOwnCity(row, ownCity);
    }

    private string OnlyOwnCity(FeedPostingRow row, string ownCity) => $"组织方只能导入本市（{CityName(ownCity)}）的职位，该行为 {CityName(row.CityCode)}";

    private string CityName(string code) => cities.FindByCode(code)?.Name ?? code;

    /// <summary>New rows whose vacancy another city's feed already lists become a second source of that posting.</summary>
    private async Task MatchOtherSourcesAsync(string sourceCity, List<RowChange> newRows, ImportPlan plan, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in newRows.Select(r => r.DuplicateKey).Distinct(StringComparer.Ordinal).Chunk(QueryChunk))
        {
            var found = await (from s in db.PostingSources.AsNoTracking()
                               where chunk.Contains(s.DuplicateKey) && s.Active && s.SourceCity != sourceCity
                               join p in db.Postings.AsNoTracking() on s.PostingId equals p.Id
                               where p.Status == PostingStatus.Open
                               select new { s.DuplicateKey, s.PostingId }).ToListAsync(cancellationToken);
            foreach (var f in found.OrderBy(f => f.PostingId))
            {
                byKey.TryAdd(f.DuplicateKey, f.PostingId);
            }
        }

        var claimed = new HashSet<long>();
        foreach (var row in newRows)
        {
            // One posting takes one row of this source: a second identical row is a distinct vacancy of the feed.
            if (byKey.TryGetValue(row.DuplicateKey, out var postingId) && claimed.Add(postingId))
            {
                plan.Merges.Add((row, postingId));
            }
            else
            {
                plan.Inserts.Add(row);
            }
        }
    }

    private async Task FindClosingPostingsAsync(string sourceCity, ImportPlan plan, Dictionary<string, ExistingLink> existing,
        CancellationToken cancellationToken)
    {
        var statusById = new Dictionary<long, PostingStatus>();
        foreach (var e in existing.Values)
        {
            statusById[e.Link.PostingId] = e.PostingStatus;
        }

        var candidates = plan.Deactivations.Select(l => l.PostingId).Where(id => statusById[id] == PostingStatus.Open).ToHashSet();
        // Another of this source's rows may still list the posting (a later row merged into a posting the source already had).
        var dropped = plan.Deactivations.Select(l => l.ExternalId).ToHashSet(StringComparer.Ordinal);
        var keptBySelf = existing.Values.Where(e => e.Link.Active && !dropped.Contains(e.Link.ExternalId)).Select(e => e.Link.PostingId).ToHashSet();
        var keptByOthers = new HashSet<long>();
        foreach (var chunk in candidates.Chunk(QueryChunk))
        {
            keptByOthers.UnionWith(await db.PostingSources.AsNoTracking()
                .Where(s => chunk.Contains(s.PostingId) && s.Active && s.SourceCity != sourceCity)
                .Select(s => s.PostingId).ToListAsync(cancellationToken));
        }

        foreach (var id in candidates)
        {
            if (!keptBySelf.Contains(id) && !keptByOthers.Contains(id))
            {
                plan.ClosingPostings.Add(id);
            }
        }
    }

    private static RowChange Describe(FeedPostingRow row, DuplicateKeys keys)
    {
        var employer = DuplicateKeys.EmployerIdentity(row.EmployerCreditCode, keys.Normalize(row.EmployerName));
        var duplicateKey = DuplicateKeys.For(employer, keys.Normalize(row.Title), row.CityCode);
        return new RowChange(row, ContentHash(row), duplicateKey, employer);
    }

    private static string ContentHash(FeedPostingRow row)
    {
        // The line moves when other rows are added above; it is not content.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(row with { Line = 0 });
        return Convert.ToBase64String(SHA256.HashData(bytes), 0, 16);
    }

    /// <summary>Writes the whole plan in one transaction; returns the postings whose indexed content changed.</summary>
    private async Task<List<long>> ApplyAsync(ImportRun run, FeedParseResult parsed, ImportPlan plan, DuplicateKeys keys,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var toWrite = plan.Inserts.Count + plan.Updates.Count;
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new List<long>();
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        db.Entry(run).State = EntityState.Detached;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var transaction = tx.GetDbTransaction();
            var employers = await ResolveEmployersAsync(run, plan, keys, now, cancellationToken);
            var heldFindings = new List<ComplianceFinding>();

            using (var postingWriter = EntityRowWriter<Posting>.TryCreate(db, readBackKey: true)
                                       ?? throw new InvalidOperationException("Postings need a row writer for bulk import."))
            using (var linkWriter = EntityRowWriter<PostingSource>.TryCreate(db, readBackKey: false)
                                    ?? throw new InvalidOperationException("Posting sources need a row writer for bulk import."))
            {
                postingWriter.Transaction = transaction;
                linkWriter.Transaction = transaction;
                var written = 0;
                foreach (var change in plan.Inserts)
                {
                    var posting = change.Row.Fields.ToPosting();
                    Fill(posting, change.Row, employers[change.EmployerIdentity], now);
                    posting.Holds = ComplianceHolds.Decide(posting.Holds, change.Row.Fields.HeldIssues, approved: null);
                    postingWriter.Insert(posting);
                    if (change.Row.Fields.HeldIssues.Count > 0)
                    {
                        heldFindings.AddRange(change.Row.Fields.HeldIssues.Select(i => ComplianceFinding.From(posting.Id, i, now)));
                    }

                    linkWriter.Insert(NewLink(run, change, posting.Id, now));
                    changed.Add(posting.Id);
                    if (++written % ProgressStep == 0)
                    {
                        progress?.Report(new ImportProgress("store", written, toWrite));
                    }
                }

                foreach (var (change, postingId) in plan.Merges)
                {
                    linkWriter.Insert(NewLink(run, change, postingId, now));
                }
            }

            if (heldFindings.Count > 0)
            {
                db.ComplianceFindings.AddRange(heldFindings);
                await db.SaveChangesAsync(cancellationToken);
                tracker.Clear();
            }

            foreach (var chunk in plan.Updates.Chunk(SaveChunk))
            {
                var ids = chunk.Select(u => u.Link.PostingId).ToArray();
                var postings = await db.Postings.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
                // A changed row is checked again: its findings replace the old ones and an approval still covers the words it approved.
                var approvals = await ComplianceHolds.ApprovedAsync(db, ids, cancellationToken);
                await db.ComplianceFindings.Where(f => ids.Contains(f.PostingId)).ExecuteDeleteAsync(cancellationToken);
                foreach (var (change, link) in chunk)
                {
                    var posting = postings[link.PostingId];
                    Fill(posting, change.Row, employers[change.EmployerIdentity], now);
                    var held = change.Row.Fields.HeldIssues;
                    posting.Holds = ComplianceHolds.Decide(posting.Holds, held, approvals.GetValueOrDefault(posting.Id));
                    db.ComplianceFindings.AddRange(held.Select(i => ComplianceFinding.From(posting.Id, i, now)));
                    if (!link.Active && posting.Status == PostingStatus.Closed)
                    {
                        // Listed again after the source had dropped it: the vacancy is back.
                        posting.Status = PostingStatus.Open;
                        posting.ClosedAt = null;
                    }

                    db.Entry(posting).State = EntityState.Modified;
                    link.ContentHash = change.Hash;
                    link.DuplicateKey = change.DuplicateKey;
                    link.Active = true;
                    link.LastRunId = run.Id;
                    link.UpdatedAt = now;
                    db.PostingSources.Update(link);
                    changed.Add(posting.Id);
                }

                await db.SaveChangesAsync(cancellationToken);
                tracker.Clear();
            }

            foreach (var chunk in plan.Deactivations.Chunk(SaveChunk))
            {
                var externalIds = chunk.Select(l => l.ExternalId).ToArray();
                await db.PostingSources.Where(s => s.SourceCity == run.SourceCity && externalIds.Contains(s.ExternalId))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false).SetProperty(s => s.LastRunId, run.Id).SetProperty(s => s.UpdatedAt, now),
                        cancellationToken);
            }

            foreach (var chunk in plan.ClosingPostings.Chunk(SaveChunk))
            {
                await db.Postings.Where(p => chunk.Contains(p.Id) && p.Status == PostingStatus.Open)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Closed).SetProperty(p => p.ClosedAt, now)
                        .SetProperty(p => p.UpdatedAt, now), cancellationToken);
                changed.AddRange(chunk);
            }

            WriteProblems(run.Id, parsed, plan.Refusals, transaction);

            // A held snapshot of this source is stale once a newer one is applied.
            await db.ImportRuns.Where(r => r.SourceCity == run.SourceCity && r.Status == ImportRunStatus.Held && r.Id != run.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ImportRunStatus.Superseded)
                    .SetProperty(r => r.Message, $"已被导入 {run.Id} 取代"), cancellationToken);
            if (run.ConfirmsRunId is { } confirmed)
            {
                await db.ImportRuns.Where(r => r.Id == confirmed)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ImportRunStatus.Confirmed).SetProperty(r => r.DecidedBy, run.RequestedBy)
                        .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.Message, $"已确认，由导入 {run.Id} 应用"), cancellationToken);
            }

            run.Status = ImportRunStatus.Succeeded;
            Finish(run);
            db.ImportRuns.Update(run);
            // Last in the transaction: on PostgreSQL the ordering lock is held from here to the commit only.
            await IndexChangeLog.LockAsync(db, cancellationToken);
            WriteChangeLog(changed, now, transaction);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            tracker.Clear();
            tracker.AutoDetectChangesEnabled = autoDetect;
        }

        return changed;
    }

    /// <summary>One log row per changed posting, so the other nodes' indexes follow the import (with its transaction).</summary>
    private void WriteChangeLog(List<long> changed, DateTime now, System.Data.Common.DbTransaction transaction)
    {
        using var writer = EntityRowWriter<IndexChange>.TryCreate(db, readBackKey: false);
        if (writer is null)
        {
            IndexChangeLog.Add(db, IndexChangeKind.Posting, changed, now);
            return;
        }

        writer.Transaction = transaction;
        foreach (var id in changed.Distinct())
        {
            writer.Insert(new IndexChange { Kind = IndexChangeKind.Posting, EntityId = id, At = now });
        }
    }

    private static PostingSource NewLink(ImportRun run, RowChange change, long postingId, DateTime now) => new()
    {
        SourceCity = run.SourceCity,
        ExternalId = change.Row.ExternalId,
        PostingId = postingId,
        DuplicateKey = change.DuplicateKey,
        ContentHash = change.Hash,
        Active = true,
        LastRunId = run.Id,
        UpdatedAt = now,
    };

    private static void Fill(Posting p, FeedPostingRow row, long employerId, DateTime now)
    {
        row.Fields.ApplyTo(p);
        p.EmployerId = employerId;
        p.PostedAt = row.PostedAtUtc;
        p.UpdatedAt = now;
    }

    /// <summary>
    /// Employer ids for every row that writes a posting: by credit code when the row has one, else by normalised name;
    /// unknown employers are created. Runs inside the import transaction.
    /// </summary>
    private async Task<Dictionary<string, long>> ResolveEmployersAsync(ImportRun run, ImportPlan plan, DuplicateKeys keys, DateTime now,
        CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, FeedPostingRow>(StringComparer.Ordinal);
        foreach (var change in plan.Inserts.Concat(plan.Updates.Select(u => u.Change)))
        {
            wanted.TryAdd(change.EmployerIdentity, change.Row);
        }

        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return result;
        }

        var known = await db.Employers.AsNoTracking().Select(e => new { e.Id, e.Name, e.CreditCode }).ToListAsync(cancellationToken);
        var byCode = new Dictionary<string, long>(StringComparer.Ordinal);
        var byName = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in known.OrderBy(e => e.Id))
        {
            if (e.CreditCode is { } code)
            {
                byCode.TryAdd(code, e.Id);
            }

            byName.TryAdd(keys.Normalize(e.Name), e.Id);
        }

        var created = new List<(string Identity, Employer Employer)>();
        foreach (var (identity, row) in wanted)
        {
            long? id = row.EmployerCreditCode is { } code ? byCode.TryGetValue(code, out var c) ? c : null
                : byName.TryGetValue(keys.Normalize(row.EmployerName), out var n) ? n : null;
            if (id is { } found)
            {
                result[identity] = found;
                continue;
            }

            var employer = new Employer
            {
                Name = row.EmployerName.Length > 200 ? row.EmployerName[..200] : row.EmployerName,
                CreditCode = row.EmployerCreditCode,
                CityCode = row.CityCode,
                CreatedAt = now,
                // The city's feed vouches for the employers it lists; an existing employer matched above keeps its own state.
                Verification = VerificationStatus.Verified,
            };
            db.Employers.Add(employer);
            created.Add((identity, employer));
        }

        if (created.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (identity, employer) in created)
            {
                result[identity] = employer.Id;
            }

            db.VerificationSubmissions.AddRange(created.Select(c => VerificationService.ImportRecord(c.Employer, cities, run.SourceCity, run.RequestedBy, now)));
            await db.SaveChangesAsync(cancellationToken);

            db.ChangeTracker.Clear();
        }

        return result;
    }

    private void WriteProblems(long runId, FeedParseResult parsed, IReadOnlyList<FeedRejection> refusals, System.Data.Common.DbTransaction transaction)
    {
        using var writer = EntityRowWriter<ImportProblem>.TryCreate(db, readBackKey: false)
                           ?? throw new InvalidOperationException("Import problems need a row writer.");
        writer.Transaction = transaction;
        foreach (var r in parsed.Rejections.Concat(refusals).Take(ProblemsKept))
        {
            writer.Insert(new ImportProblem { RunId = runId, Kind = ImportProblemKind.Rejection, Line = r.Line, ExternalId = Clip(r.ExternalId), Field = r.Field, Reason = r.Reason });
        }

        foreach (var w in parsed.Warnings.Take(ProblemsKept))
        {
            writer.Insert(new ImportProblem { RunId = runId, Kind = ImportProblemKind.Warning, Line = w.Line, ExternalId = Clip(w.ExternalId), Field = w.Field, Reason = w.Reason });
        }
    }

    private static string? ClipFileName(string? fileName) =>
        fileName is null ? null : Path.GetFileName(fileName) is { Length: > 260 } name ? name[..260] : Path.GetFileName(fileName);

    private static string? Clip(string? id) => id is { Length: > 100 } ? id[..100] : id;

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete import file {Path}", path);
        }
    }
}

public static class ImportRunLabels
{
    public static string Status(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Running => "进行中",
        ImportRunStatus.Succeeded => "已完成",
        ImportRunStatus.Failed => "失败",
        ImportRunStatus.Held => "待确认",
        ImportRunStatus.Confirmed => "已确认",
        ImportRunStatus.Discarded => "已放弃",
        ImportRunStatus.Abandoned => "已中断",
        ImportRunStatus.Superseded => "已被取代",
        _ => status.ToString(),
    };
}
