using Jobs.Api.Imports;
using Jobs.Core.Common;
using Jobs.Core.Imports;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Regions;
using Jobs.Core.Storage;

namespace Jobs.Api.Startup;

/// <summary>
/// <c>dotnet run --project src/Api -- import --city 南京 --file feed.csv [--format csv|jsonl] [--encoding utf-8|gb18030] [--wait seconds]</c>:
/// imports one feed file into the database with the same service as the upload endpoint, prints the run report and exits
/// 0 (applied), 2 (held for confirmation), 1 (file unreadable) or 3 (bad arguments, or the source is busy). With
/// <c>--wait</c> a busy source is retried each second for that long, e.g. until a killed import's lease runs out.
/// </summary>
public static class ImportCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "import";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var city = Arg("city");
        var file = Arg("file");
        if (string.IsNullOrWhiteSpace(city) || string.IsNullOrWhiteSpace(file))
        {
            Console.Error.WriteLine("用法: import --city <城市> --file <文件> [--format csv|jsonl] [--encoding utf-8|gb18030] [--wait 秒]");
            return 3;
        }

        FeedReadOptions readOptions;
        try
        {
            readOptions = FeedReadOptions.FromSettings(Arg("format"), Arg("encoding"));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 3;
        }

        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"文件不存在: {file}");
            return 3;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        // No index observers: a running server owns the index directory (and its write lock). It picks the changes up
        // within a minute, or on its next start, from the rows' update times.
        // Wrapped: a bare observer array would be taken as the params array itself, i.e. as no arguments at all.
        var imports = ActivatorUtilities.CreateInstance<ImportService>(scope.ServiceProvider, new object[] { Array.Empty<IPostingChangeObserver>() });
        var wait = TimeSpan.FromSeconds(int.TryParse(Arg("wait"), System.Globalization.CultureInfo.InvariantCulture, out var w) ? Math.Max(w, 0) : 0);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ConsoleProgress();
        ServiceResult<ImportRun> result;
        while (true)
        {
            await using var content = File.OpenRead(file);
            result = await imports.RunAsync(Actor.System, new ImportRequest(city, content, file, readOptions, ImportTrigger.CommandLine, progress),
                CancellationToken.None);
            if (result.Status != ServiceStatus.Conflict || waited.Elapsed >= wait)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        if (result.Value is not { } run)
        {
            Console.Error.WriteLine(result.Message ?? string.Join("; ", result.Errors?.ToDictionary().SelectMany(e => e.Value) ?? []));
            return 3;
        }

        var cities = app.Services.GetRequiredService<CityDirectory>();
        var report = ImportRunResponse.From(run, cities);
        Console.WriteLine($"导入 {report.Id}（{report.CityName}，{report.FileName}）：{report.StatusLabel}");
        if (report.FileError is { } error)
        {
            Console.WriteLine(error.Line is { } line ? $"  第 {line} 行：{error.Reason}" : $"  {error.Reason}");
            return 1;
        }

        var c = report.Counts;
        Console.WriteLine($"  记录 {c.Records}，新增 {c.Added}（合并 {c.Merged}），更新 {c.Updated}，关闭 {c.Closed}，未变 {c.Unchanged}，拒绝 {c.Rejected}，"
                          + $"警告 {c.Warnings}；用时 {report.DurationMs} ms");
        if (report.Message is { } message)
        {
            Console.WriteLine("  " + message);
        }

        var rejections = await imports.ListProblemsAsync(run.Id, ImportProblemKind.Rejection, new PageRequest(1, 50), CancellationToken.None);
        foreach (var p in rejections.Items)
        {
            Console.WriteLine($"  第 {p.Line} 行 {p.ExternalId} [{p.Field}] {p.Reason}");
        }

        if (rejections.Total > rejections.Items.Count)
        {
            Console.WriteLine($"  …共 {rejections.Total} 条拒绝原因，见 GET /api/imports/{run.Id}/rejections");
        }

        return run.Status == ImportRunStatus.Held ? 2 : 0;
    }

    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        // Written at once (not through a synchronisation context) so a watcher sees each line as the rows are stored.
        public void Report(ImportProgress value) => Console.WriteLine($"已写入 {value.Done}/{value.Total}");
    }
}
