using Jobs.Tests.Edge;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, a free port) over a temporary data folder, for a browser to
/// visit. Everything else is as <see cref="JobsApiFactory"/>: same settings, same clock, and the API helpers still work.
/// </summary>
public class WebAppFactory : KestrelApiFactory
{
    public string Url(string path) => new Uri(ServerAddress, path).ToString();
}
