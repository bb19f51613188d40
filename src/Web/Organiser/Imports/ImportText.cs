using Jobs.Core.Imports;

namespace Jobs.Web.Organiser.Imports;

/// <summary>Words the import pages show for a run.</summary>
public static class ImportText
{
    public static string Trigger(ImportTrigger trigger) => trigger switch
    {
        ImportTrigger.Schedule => "定时",
        ImportTrigger.Manual => "立即运行",
        ImportTrigger.Upload => "上传",
        ImportTrigger.CommandLine => "命令行",
        _ => "确认导入",
    };

    /// <summary>A class for the status badge: good, waiting or bad.</summary>
    public static string StatusClass(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Succeeded or ImportRunStatus.Confirmed => "status-ok",
        ImportRunStatus.Held or ImportRunStatus.Running => "status-wait",
        ImportRunStatus.Failed or ImportRunStatus.Abandoned => "status-bad",
        _ => "status-off",
    };

    /// <summary>
    /// Where a feed comes from, without what could be a credential: the user part and the query of an address, and the
    /// folders of a local path (the operator's business; staff need only the file or folder name).
    /// </summary>
    public static string Location(ImportSourceOptions source)
    {
        if (Uri.TryCreate(source.Location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{uri.AbsolutePath}";
        }

        return "服务器上的 " + System.IO.Path.GetFileName(source.Location.TrimEnd('/', '\\'));
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
