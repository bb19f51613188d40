using System.Collections.Concurrent;

namespace Jobs.Core.Common;

/// <summary>
/// Evictions other API nodes must hear of. A cache that evicts an entry because this node changed it publishes the eviction;
/// when Redis is configured, the background project relays it to every other node, whose cache drops the same entry. Without
/// Redis (one node) nothing listens and publishing costs nothing.
/// </summary>
public sealed class NodeCacheEvents
{
    private readonly ConcurrentDictionary<string, Action<string>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Raised for each eviction this node publishes: (cache, key).</summary>
    public event Action<string, string>? Published;

    /// <summary>How a cache drops an entry when another node evicted it; one handler per cache name.</summary>
    public void Register(string cache, Action<string> forget) => _handlers[cache] = forget;

    public void Publish(string cache, string key) => Published?.Invoke(cache, key);

    /// <summary>An eviction another node published: dropped here without publishing again.</summary>
    public void Receive(string cache, string key)
    {
        if (_handlers.TryGetValue(cache, out var forget))
        {
            forget(key);
        }
    }
}
