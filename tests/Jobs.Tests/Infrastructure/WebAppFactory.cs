using Jobs.Tests.Edge;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, a free port) over a temporary data folder, for a browser to
/// visit. Everything else is as <see cref="JobsApiFactory"/>: same settings, same clock, and the API helpers still work.
/// </summary>
public class WebAppFactory : KestrelApiFactory
{
    /// <summary>Where the site answers; the server starts on first use.</summary>
    public Uri Address => ServerAddress;

    public string Url(string path) => new Uri(Address, path).ToString();
}
