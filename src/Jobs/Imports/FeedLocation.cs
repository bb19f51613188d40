using Jobs.Core.Imports;
using Microsoft.Extensions.Hosting;

namespace Jobs.Background.Imports;

/// <summary>The snapshot a source's location points at now: a file, the newest matching file of a folder, or a URL's body.</summary>
public sealed class FeedLocation(IHostEnvironment host) : IDisposable
{
    // One client for the process: sockets are pooled, and DNS changes are picked up as connections are recycled.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The opened content and its name, or why there is none.</summary>
    public async Task<FeedFetch> OpenAsync(ImportSourceOptions source, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (source.IsHttp)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                var response = await _http.GetAsync(source.Location, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
                if (!response.IsSuccessStatusCode)
                {
                    response.Dispose();
                    return FeedFetch.Failed($"数据源地址返回 HTTP {(int)response.StatusCode}（{source.Location}）");
                }

                var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName
                           ?? Path.GetFileName(new Uri(source.Location).AbsolutePath);
                return FeedFetch.Opened(new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken)), name.Trim('"'));
            }
            catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return FeedFetch.Failed($"无法获取数据源 {source.Location}：{(e is TaskCanceledException ? $"超过 {timeout.TotalSeconds:0} 秒未响应" : e.Message)}");
            }
        }

        var path = Path.IsPathRooted(source.Location) ? source.Location : Path.Combine(host.ContentRootPath, source.Location);
        if (Directory.Exists(path))
        {
            var newest = new DirectoryInfo(path).EnumerateFiles(source.FilePattern).OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name)
                .FirstOrDefault();
            if (newest is null)
            {
                return FeedFetch.Failed($"数据源文件夹 {path} 中没有匹配 {source.FilePattern} 的文件");
            }

            path = newest.FullName;
        }

        if (!File.Exists(path))
        {
            return FeedFetch.Failed($"数据源文件 {path} 不存在");
        }

        try
        {
            return FeedFetch.Opened(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan), Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FeedFetch.Failed($"无法读取数据源文件 {path}：{e.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Keeps the response alive while its body is read.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

public sealed record FeedFetch(Stream? Content, string? FileName, string? Error)
{
    public static FeedFetch Opened(Stream content, string? name) => new(content, name, null);

    public static FeedFetch Failed(string error) => new(null, null, error);
}
