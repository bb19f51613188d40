using System.Globalization;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Imports;

/// <summary>
/// Feed files kept in the import folder while their run is held for an organiser may name people (contact persons of
/// employers); once the run is decided (confirmed, discarded), superseded by a newer snapshot or otherwise over, the file
/// serves nobody and is erased. The import service deletes most files itself; this sweep catches the rest (a superseded
/// held run, a delete that failed, a process that died). A file of a run still held or still running is never touched.
/// </summary>
public sealed class HeldImportFiles(JobsDbContext db, DataPaths paths, IOptions<ImportOptions> options, ILogger<HeldImportFiles> logger)
{
    public async Task<int> EraseDecidedAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(paths.DataDirectory, options.Value.Folder);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var files = new Dictionary<long, string>();
        foreach (var path in Directory.EnumerateFiles(folder, "run-*.feed"))
        {
            var name = Path.GetFileName(path);
            var digits = name["run-".Length..^".feed".Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var runId)
                && string.Equals(name, ImportService.SpoolFileName(runId), StringComparison.Ordinal))
            {
                files[runId] = path;
            }
        }

        var erased = 0;
        foreach (var chunk in files.Keys.Chunk(500))
        {
            var over = await db.ImportRuns.AsNoTracking()
                .Where(r => chunk.Contains(r.Id) && r.Status != ImportRunStatus.Held && r.Status != ImportRunStatus.Running)
                .Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var runId in over)
            {
                try
                {
                    File.Delete(files[runId]);
                    erased++;
                }
                catch (IOException e)
                {
                    logger.LogWarning(e, "Could not erase the file of import run {RunId}", runId);
                }
            }
        }

        if (erased > 0)
        {
            logger.LogInformation("Erased {Count} import files whose runs are decided", erased);
        }

        return erased;
    }
}
