using Jobs.Core.Common;
using Jobs.Search.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jobs.Background.Nodes;

/// <summary>
/// What the API nodes tell each other through Redis pub/sub: "the change log grew" (so followers look now instead of at
/// the next poll) and cache evictions (<see cref="NodeCacheEvents"/>). Pub/sub is fire-and-forget: a lost message costs
/// at most one poll interval or one cache lifetime, never correctness.
/// </summary>
internal sealed class RedisNodeEvents(IConnectionMultiplexer redis, ChangeLogCatchUp catchUp, NodeCacheEvents caches,
    IOptions<BackgroundJobsOptions> options) : IHostedService, IPostingChangeObserver, IResumeChangeObserver
{
    /// <summary>Tells this node's own messages apart from others'.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    private RedisChannel ChangesChannel => RedisChannel.Literal(options.Value.RedisChannelPrefix + "index-changes");

    private RedisChannel CacheChannel => RedisChannel.Literal(options.Value.RedisChannelPrefix + "cache");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(ChangesChannel, (_, message) =>
        {
            if (message != _node)
            {
                catchUp.Nudge();
            }
        });
        await subscriber.SubscribeAsync(CacheChannel, (_, message) =>
        {
            // node \n cache \n key
            var parts = ((string?)message ?? "").Split('\n', 3);
            if (parts.Length == 3 && parts[0] != _node)
            {
                caches.Receive(parts[1], parts[2]);
            }
        });
        caches.Published += PublishEviction;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        caches.Published -= PublishEviction;
        await redis.GetSubscriber().UnsubscribeAsync(ChangesChannel);
        await redis.GetSubscriber().UnsubscribeAsync(CacheChannel);
    }

    private void PublishEviction(string cache, string key) =>
        redis.GetSubscriber().Publish(CacheChannel, $"{_node}\n{cache}\n{key}", CommandFlags.FireAndForget);

    // Called after a change committed here: the log row is visible, so the others may look now.
    public Task PostingsChangedAsync(IReadOnlyCollection<long> postingIds, CancellationToken cancellationToken) => NudgeOthersAsync();

    public Task ResumesChangedAsync(IReadOnlyCollection<long> resumeIds, CancellationToken cancellationToken) => NudgeOthersAsync();

    private Task NudgeOthersAsync()
    {
        redis.GetSubscriber().Publish(ChangesChannel, _node, CommandFlags.FireAndForget);
        return Task.CompletedTask;
    }
}
